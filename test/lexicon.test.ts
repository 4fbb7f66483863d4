import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CliError } from '../src/cli/errors.js';
import { loadLexicon } from '../src/cli/lexicon-file.js';
import { EMPTY_LEXICON, parseLexicon } from '../src/core/lexicon.js';
import { stemEnglish } from '../src/core/text/normalize.js';

const TSV = [
  '# a comment line',
  'سوريا\tsyria',
  'قال\tsaid sai tell told',
  'حكومه\tgovern administr',
  'مسووليه\trespons',
  'ان\tarriv',
  'هو\the',
  '',
  'هجوم\tattack\r',
].join('\n');

describe('parseLexicon', () => {
  const lexicon = parseLexicon(TSV);

  it('counts keys and skips comments and blank lines', () => {
    expect(lexicon.size).toBe(7);
  });

  it('finds a word under its clitics and glued punctuation', () => {
    expect(lexicon.englishFor('وبسوريا')).toContain(stemEnglish('Syria'));
    expect(lexicon.englishFor('بسوريا،')).toContain('syria');
    expect(lexicon.englishFor('«سوريا»')).toContain('syria');
  });

  it('finds an inflected verb under its stem', () => {
    expect(lexicon.englishFor('قالت')).toContain(stemEnglish('say'));
    expect(lexicon.englishFor('وقالت')).toContain('said');
    expect(lexicon.knows('قالت')).toBe(true);
  });

  it('reads hamza, ta marbuta and diacritics as the normalised keys do', () => {
    expect(lexicon.englishFor('الحكومة')).toEqual(['govern', 'administr']);
    expect(lexicon.englishFor('حُكُومَة')).toContain('govern');
    // ta marbuta is written ت before a pronoun suffix; the article can follow a proclitic
    expect(lexicon.englishFor('حكومته')).toContain('govern');
    expect(lexicon.englishFor('مسؤوليته')).toContain('respons');
    expect(lexicon.englishFor('وبالحكومة')).toContain('govern');
  });

  it('strips CR from CRLF files', () => {
    expect(lexicon.englishFor('هجوم')).toEqual(['attack']);
  });

  it('does not read a two-letter remnant into a longer word', () => {
    expect(lexicon.knows('اننا')).toBe(false);
    expect(lexicon.knows('ان')).toBe(true);
    expect(lexicon.englishFor('وهو')).toEqual(['he']);
  });

  it('returns an empty list for unknown tokens, digits and Latin words', () => {
    for (const token of ['ترامب', '2015', '١٣', 'Putin', '', '،']) {
      expect(lexicon.englishFor(token)).toEqual([]);
      expect(lexicon.knows(token)).toBe(false);
    }
  });

  it('returns the same frozen list for a repeated token', () => {
    const first = lexicon.englishFor('وقالت');
    expect(lexicon.englishFor('وقالت')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('has an empty lexicon that knows nothing', () => {
    expect(EMPTY_LEXICON.size).toBe(0);
    expect(EMPTY_LEXICON.englishFor('قال')).toEqual([]);
  });
});

describe('loadLexicon', () => {
  const lexicon = loadLexicon();

  it('loads the committed lexicon', () => {
    expect(lexicon.size).toBeGreaterThan(30_000);
  });

  it.each([
    ['حكومة', 'government'],
    ['الحكومة', 'government'],
    ['هجوم', 'attack'],
    ['قال', 'said'],
    ['قال', 'say'],
    ['وقالت', 'said'],
    ['وزير', 'minister'],
    ['الرئيس', 'president'],
    ['بسوريا', 'Syria'],
    ['الأمريكي', 'American'],
    ['قوات', 'forces'],
    ['الانتخابات', 'elections'],
    ['الاقتصاد', 'economy'],
    ['مقتل', 'killing'],
    ['أعلن', 'announced'],
    ['الشرطة', 'police'],
  ])('%s translates to %s', (arabic, english) => {
    expect(lexicon.englishFor(arabic)).toContain(stemEnglish(english));
  });

  it('turns a missing or corrupt file into one CliError line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mizan-lexicon-'));
    expect(() => loadLexicon(join(dir, 'absent.tsv.gz'))).toThrow(CliError);
    expect(() => loadLexicon(join(dir, 'absent.tsv.gz'))).toThrow(/^cannot read the lexicon at .*absent\.tsv\.gz: /);
    writeFileSync(join(dir, 'corrupt.tsv.gz'), 'not gzip at all');
    expect(() => loadLexicon(join(dir, 'corrupt.tsv.gz'))).toThrow(CliError);
    writeFileSync(join(dir, 'empty.tsv.gz'), gzipSync(''));
    expect(() => loadLexicon(join(dir, 'empty.tsv.gz'))).toThrow(/no entries/);
    writeFileSync(join(dir, 'plain.tsv'), 'هجوم\tattack\n');
    expect(loadLexicon(join(dir, 'plain.tsv')).englishFor('الهجوم')).toEqual(['attack']);
  });
});
