import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CliError } from '../src/cli/errors.js';
import { loadModel } from '../src/cli/model-file.js';
import { parseLexicon } from '../src/core/lexicon.js';
import { joinLexicons, modelKey, parseModel } from '../src/core/model.js';
import { tableLookup, trainModel1 } from '../src/core/model-train.js';

const TSV = [
  '# version test-1',
  `${modelKey('حكومة')}\tgovern:0.8 administr:0.05`,
  `${modelKey('سوريا')}\tsyria:0.9`,
  `${modelKey('مجلس')}\tcouncil:0.7 assembl:0.2 board:0.01`,
  'no tab here',
  'مال\t',
  'bad key\tx:0.5',
  `${modelKey('قرار')}\tresolut:0.6 broken 2:x decis:1.5 ok:0.3`,
  `${modelKey('سوريا')}\tduplic:0.9`,
  '',
].join('\n');

describe('modelKey', () => {
  it('splits conjunction, preposition + article and endings deterministically', () => {
    const key = modelKey('حكومة');
    expect(key).toBe('حكوم');
    expect(modelKey('وبالحكومة')).toBe(key);
    expect(modelKey('الحكومة،')).toBe(key);
    expect(modelKey('للحكومة')).toBe(key);
    expect(modelKey('فالحكومات')).toBe('حكوم');
  });

  it('drops stopwords, also behind a conjunction, and what is not an Arabic word', () => {
    expect(modelKey('في')).toBeNull();
    expect(modelKey('وفي')).toBeNull();
    expect(modelKey('123')).toBeNull();
    expect(modelKey('ب')).toBeNull();
  });

  it('keeps short stems whole rather than cutting them to a root fragment', () => {
    expect(modelKey('بلد')).toBe('بلد');
    expect(modelKey('ولد')).toBe('ولد');
  });
});

describe('parseModel', () => {
  const model = parseModel(TSV);

  it('reads the version line and counts well-formed keys only', () => {
    expect(model.version).toBe('test-1');
    expect(model.size).toBe(4);
  });

  it('finds a cliticised token under its key, most probable first', () => {
    expect(model.englishFor('وبالحكومة')).toEqual(['govern', 'administr']);
    expect(model.knows('للحكومة')).toBe(true);
    expect(model.translations('بالحكومة')[0]).toEqual({ stem: 'govern', p: 0.8 });
    expect(model.englishFor('مجهول')).toEqual([]);
  });

  it('keeps the first line of a key seen twice and skips malformed items', () => {
    expect(model.englishFor('سوريا')).toEqual(['syria']);
    expect(model.englishFor('القرار')).toEqual(['resolut', 'ok']);
  });

  it('honours minProbability', () => {
    const strict = parseModel(TSV, { minProbability: 0.1 });
    expect(strict.englishFor('المجلس')).toEqual(['council', 'assembl']);
    expect(strict.englishFor('حكومة')).toEqual(['govern']);
    expect(strict.hasTranslation('board')).toBe(false);
    expect(model.hasTranslation('board')).toBe(true);
  });

  it('names a file without a version line by its content', () => {
    const a = parseModel('حكوم\tgovern:0.5\n');
    expect(a.version).toMatch(/^fnv1a-[0-9a-f]{8}$/);
    expect(parseModel('حكوم\tgovern:0.5\n').version).toBe(a.version);
    expect(parseModel('حكوم\tgovern:0.6\n').version).not.toBe(a.version);
  });
});

describe('joinLexicons', () => {
  const dictionary = parseLexicon('حكومه\tgovern cabinet\nبيت\thous\n');
  const model = parseModel(TSV);
  const joined = joinLexicons(dictionary, model);

  it('is the union of stems, dictionary first', () => {
    expect(joined.englishFor('الحكومة')).toEqual(['govern', 'cabinet', 'administr']);
    expect(joined.englishFor('البيت')).toEqual(['hous']);
    expect(joined.englishFor('سوريا')).toEqual(['syria']);
  });

  it('knows and translates what either knows; size adds up', () => {
    expect(joined.knows('بيت')).toBe(true);
    expect(joined.knows('مجلس')).toBe(true);
    expect(joined.knows('مجهول')).toBe(false);
    expect(joined.hasTranslation('cabinet')).toBe(true);
    expect(joined.hasTranslation('council')).toBe(true);
    expect(joined.size).toBe(dictionary.size + model.size);
  });
});

describe('loadModel', () => {
  it('reads the shipped model', () => {
    const model = loadModel();
    expect(model.size).toBeGreaterThan(1000);
    expect(model.version).toMatch(/^fnv1a-/);
    expect(model.englishFor('الحكومة')).toContain('govern');
  });

  it('turns a missing, corrupt or empty file into one CliError line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mizan-model-'));
    expect(() => loadModel(join(dir, 'absent.tsv.gz'))).toThrow(CliError);
    writeFileSync(join(dir, 'corrupt.tsv.gz'), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    expect(() => loadModel(join(dir, 'corrupt.tsv.gz'))).toThrow(/^cannot read the translation model at /);
    writeFileSync(join(dir, 'empty.tsv.gz'), gzipSync('# version x\n'));
    expect(() => loadModel(join(dir, 'empty.tsv.gz'))).toThrow(/no entries/);
  });
});

describe('trainModel1', () => {
  // la maison / the house, la fleur / the flower, la maison bleue / the blue house, une fleur / a flower:
  // only EM's explaining-away separates la from maison (Brown et al. 1993, §4).
  const F = { la: 0, maison: 1, fleur: 2, bleue: 3, une: 4 };
  const E = { the: 0, house: 1, flower: 2, blue: 3, a: 4 };
  const src = [[F.la, F.maison], [F.la, F.fleur], [F.la, F.maison, F.bleue], [F.une, F.fleur], [F.la, F.bleue]].map((s) => Int32Array.from(s));
  const tgt = [[E.the, E.house], [E.the, E.flower], [E.the, E.blue, E.house], [E.a, E.flower], [E.the, E.blue]].map((s) => Int32Array.from(s));
  const best = (t: (s: number, e: number) => number, f: number) =>
    Object.values(E).reduce((b, e) => (t(f, e) > t(f, b) ? e : b), 0);

  for (const diagonal of [undefined, { tension: 4, nullProbability: 0.08 }]) {
    it(`converges to the obvious translations${diagonal ? ' with the diagonal prior' : ''}`, () => {
      const table = trainModel1(src, tgt, [1, 1, 1, 1, 1], 5, 5, { iterations: 20, ...(diagonal ? { diagonal } : {}) });
      const t = tableLookup(table, 5);
      expect(best(t, F.la)).toBe(E.the);
      expect(best(t, F.maison)).toBe(E.house);
      expect(best(t, F.fleur)).toBe(E.flower);
      expect(best(t, F.bleue)).toBe(E.blue);
      expect(t(F.maison, E.house)).toBeGreaterThan(0.6);
      // Each source word's distribution sums to one.
      for (const f of [...Object.values(F), table.nullId]) {
        expect(Object.values(E).reduce((sum, e) => sum + t(f, e), 0)).toBeCloseTo(1, 9);
      }
    });
  }

  it('lets a weight scale a pair down', () => {
    const heavy = tableLookup(trainModel1(src, tgt, [1, 1, 1, 1, 1], 5, 5, { iterations: 10 }), 5);
    const light = tableLookup(trainModel1(src, tgt, [1, 1, 1, 1, 0.01], 5, 5, { iterations: 10 }), 5);
    expect(light(F.bleue, E.the)).toBeLessThan(heavy(F.bleue, E.the));
  });
});
