import { describe, expect, it } from 'vitest';
import { CliError } from '../src/cli/errors.js';
import { loadNameModel } from '../src/cli/names-file.js';
import { parseLexicon } from '../src/core/lexicon.js';
import { ArabicTokenizer } from '../src/core/score/arabic-tokens.js';
import { EnglishTokenizer } from '../src/core/score/english-tokens.js';
import { CHUNKS, chunkFromText, englishCodes, modelFromTables, parseNameModel } from '../src/core/score/name-model.js';
import { denseScore, serializeNameModel, trainNameTables } from '../src/core/score/name-train.js';
import { Interner } from '../src/core/score/tokens.js';
import { arabicSkeleton, englishSkeleton, NameIndex } from '../src/core/score/translit.js';
import { normalizeArabic } from '../src/core/text/normalize.js';

/** Synthetic names, written for this test: each Arabic letter has one obvious English spelling, ش is "sh". */
const PAIRS = [
  ['باب', 'bab'], ['سام', 'sam'], ['شام', 'sham'], ['شمس', 'shams'], ['راشد', 'rashed'], ['بدر', 'badr'],
  ['سلمان', 'salman'], ['مراد', 'murad'], ['نادر', 'nader'], ['لبنى', 'lubna'], ['رشا', 'rasha'], ['دانا', 'dana'],
  ['سمير', 'samir'], ['منير', 'munir'], ['بشير', 'bashir'], ['نبيل', 'nabil'], ['ليلى', 'laila'], ['مشاري', 'mishari'],
].map(([ar, en]) => ({ ar: normalizeArabic(ar!), en: en! }));

const tables = trainNameTables(PAIRS, { iterations: 10 });
const THRESHOLDS = { threshold: 0.3, confident: 0.6, agreeing: 0.2 };
const tiny = modelFromTables(tables, 'tiny', THRESHOLDS);

/** The English chunk the model gives the highest probability for an Arabic letter. */
function best(letter: string): string {
  const x = tables.letters.indexOf(letter);
  let top = 0;
  for (let c = 0; c < CHUNKS; c++) if (tables.units[x * CHUNKS + c]! > tables.units[x * CHUNKS + top]!) top = c;
  const codes = [];
  for (let c = top; c > 0; c = Math.floor(c / 27)) codes.push(String.fromCharCode(96 + (c % 27)));
  return codes.join('');
}

describe('training on a handful of synthetic pairs', () => {
  it.each([
    ['ب', 'b'],
    ['س', 's'],
    ['م', 'm'],
    ['ن', 'n'],
    ['ر', 'r'],
    ['ل', 'l'],
    ['د', 'd'],
    ['ش', 'sh'],
  ])('learns %s ↔ %s', (letter, english) => {
    expect(best(letter)).toBe(english);
  });

  it('scores a seen spelling above a scrambled one', () => {
    expect(tiny.score('سمير', 'samir')).toBeGreaterThan(tiny.score('سمير', 'nabil'));
    expect(tiny.matches('شمس', 'shams')).toBe(true);
    expect(tiny.matches('شمس', 'dana')).toBe(false);
  });

  it('scores with the compact tables exactly as the dense forward algorithm does', () => {
    for (const { ar, en } of PAIRS.slice(0, 6)) {
      const dense = denseScore(tables, [...ar].map((ch) => tables.letters.indexOf(ch)), englishCodes(en));
      expect(tiny.score(ar, en)).toBeCloseTo(dense, 10);
    }
  });
});

describe('the model file', () => {
  const text = serializeNameModel(tables, 'tiny-v1', THRESHOLDS, ['test model']);

  it('round-trips through parse: version, thresholds and scores', () => {
    const parsed = parseNameModel(text);
    expect(parsed.version).toBe('tiny-v1');
    expect(parsed.threshold).toBe(0.3);
    expect(parsed.confidentThreshold).toBe(0.6);
    expect(parsed.agreeingThreshold).toBe(0.2);
    for (const { ar, en } of PAIRS) expect(parsed.score(ar, en)).toBeCloseTo(tiny.score(ar, en), 2);
  });

  it('is deterministic: training twice writes the same bytes', () => {
    expect(serializeNameModel(trainNameTables(PAIRS, { iterations: 10 }), 'tiny-v1', THRESHOLDS, ['test model'])).toBe(text);
  });

  it('rejects a file without a threshold or with a foreign line', () => {
    expect(() => parseNameModel('version\tx\n')).toThrow(/threshold/);
    expect(() => parseNameModel(text + 'bogus\tline\n')).toThrow(/cannot read the line/);
  });

  it('packs English chunks as it reads them', () => {
    expect(chunkFromText('sh')).toBe(19 + 8 * 27);
    expect(englishCodes('José')).toEqual([10, 15, 19, 5]);
  });
});

describe('the shipped model (data/names)', () => {
  const model = loadNameModel();
  const ar = (word: string) => normalizeArabic(word);

  // The known failures of the skeleton matcher on the seed pair and in the news.
  it.each([
    ['fabius', 'فابيوس'],
    ['mogherini', 'موغيريني'],
    ['putin', 'بوتين'],
    ['hollande', 'أولوند'],
    ['zakharova', 'زاخاروفا'],
    ['washington', 'واشنطن'],
    ['dimitrijevic', 'ديميتريفيتش'],
  ])('matches %s with %s', (english, arabic) => {
    expect(model.matches(ar(arabic), english)).toBe(true);
  });

  // Fabius must link even though the dictionary reads part of فابيوس: the stricter threshold holds it.
  it('is confident of Fabius ↔ فابيوس', () => {
    expect(model.confident(ar('فابيوس'), 'fabius')).toBe(true);
  });

  it.each([
    ['obama', 'بوتين'],
    ['paris', 'موسكو'],
    ['fabius', 'فرنسا'],
    ['minister', 'ميركل'],
    ['moscow', 'مسكين'],
  ])('does not match %s with %s', (english, arabic) => {
    expect(model.matches(ar(arabic), english)).toBe(false);
  });

  it('names its version and has a confident threshold above the plain one', () => {
    expect(model.version).toMatch(/^translit-/);
    expect(model.confidentThreshold).toBeGreaterThan(model.threshold);
  });

  it('gives -Infinity when a side has no letters', () => {
    expect(model.score('', 'putin')).toBe(-Infinity);
    expect(model.score('بوتين', '123')).toBe(-Infinity);
  });
});

describe('NameIndex with a model', () => {
  const model = loadNameModel();
  const words = ['fabius', 'mogherini', 'obama', 'putin', 'paris', 'minister', 'hoek'];
  const index = new NameIndex(model);
  words.forEach((w, id) => index.add(englishSkeleton(w), id, w));

  it.each([
    ['فابيوس', 0],
    ['موغيريني', 1],
    ['أوباما', 2],
    ['بوتين', 3],
    ['باريس', 4],
    ['هوك', 6],
  ])('finds the id of %s', (arabic, id) => {
    expect(index.matchesWord(normalizeArabic(arabic))).toEqual([id]);
  });

  it('finds nothing for a word that spells no name of the document', () => {
    expect(index.matchesWord(normalizeArabic('موسكو'))).toEqual([]);
  });

  it('asks more of a dictionary word: its own skeleton, three classes, the confident threshold', () => {
    expect(index.matchesWord(normalizeArabic('فابيوس'), true)).toEqual([0]);
    expect(index.matchesWord(normalizeArabic('هوك'), true)).toEqual([]);
  });

  it('without a model, matchesWord is the skeleton matcher of today', () => {
    const plain = new NameIndex();
    words.forEach((w, id) => plain.add(englishSkeleton(w), id, w));
    for (const arabic of ['فابيوس', 'موغيريني', 'بوتين', 'هوك', 'باريس']) {
      const norm = normalizeArabic(arabic);
      expect(plain.matchesWord(norm)).toEqual(plain.matches(arabicSkeleton(norm)));
    }
  });
});

describe('tokenizers with a model', () => {
  // فابيوس has a dictionary reading here, as part of it has in the shipped lexicon.
  const lexicon = parseLexicon('فابيوس\tpiou\nقال\tsaid\n');
  const tokenize = (names: NameIndex) => {
    const vocab = new Interner();
    new EnglishTokenizer(vocab, names).tokens('Fabius and Mogherini met.');
    const arabic = new ArabicTokenizer(vocab, lexicon, names).tokens('قال فابيوس وموغيريني');
    return { arabic, fabius: vocab.id('fabiu'), mogherini: vocab.id('mogherini') };
  };

  it('links a dictionary word and a cliticised unknown word to the names of the document', () => {
    const { arabic, fabius, mogherini } = tokenize(new NameIndex(loadNameModel()));
    expect(arabic.find((t) => t.key === 'فابيوس')!.ids).toContain(fabius);
    expect(arabic.find((t) => t.key === 'وموغيريني')!.ids).toContain(mogherini);
  });

  // Without a model the dictionary word's three-class skeleton "fbs" is never looked up (arabic-tokens.ts).
  it('without a model, behaves as before: the dictionary word does not link', () => {
    const { arabic, fabius, mogherini } = tokenize(new NameIndex());
    expect(arabic.find((t) => t.key === 'فابيوس')!.ids).not.toContain(fabius);
    expect(arabic.find((t) => t.key === 'وموغيريني')!.ids).toContain(mogherini);
  });
});

describe('loadNameModel', () => {
  it('reports an unreadable file in one line', () => {
    expect(() => loadNameModel('/nonexistent/translit.tsv.gz')).toThrow(CliError);
    expect(() => loadNameModel('/nonexistent/translit.tsv.gz')).toThrow(/^cannot read the name model at \/nonexistent\/translit.tsv.gz: [^\n]+$/);
  });
});
