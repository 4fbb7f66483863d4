import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../src/cli/lexicon-file.js';
import { coverageReport as report } from '../src/core/coverage.js';
import { plainEvidence } from '../src/core/evidence.js';
import { parseLexicon, type Lexicon } from '../src/core/lexicon.js';
import { stemEnglish } from '../src/core/text/normalize.js';
import type { Alignment, Bead, Segment } from '../src/core/types.js';
import { parseAlignmentFile } from '../src/formats/alignment-file.js';

const coverageReport = (alignment: Alignment, lexicon: Lexicon, options?: Parameters<typeof report>[2]) => report(alignment, plainEvidence(lexicon), options);

function lexicon(entries: Record<string, string>): Lexicon {
  return parseLexicon(Object.entries(entries).map(([ar, en]) => `${ar}\t${en.split(' ').map(stemEnglish).join(' ')}`).join('\n'));
}
const LEX = lexicon({ التقي: 'met', غادر: 'left', وزير: 'minister', خميس: 'thursday', قال: 'said', خطه: 'plan', جيد: 'good', هجوم: 'attack', قتل: 'killed' });

const segs = (texts: Array<[string, number]>): Segment[] => texts.map(([text, paragraph], index) => ({ index, text, paragraph, start: 0, end: text.length }));
const bead = (source: number[], target: number[], flag: Bead['flag']): Bead => ({ source, target, flag, score: 0.9, status: 'auto' });
const pair = (en: string, ar: string): Alignment => ({
  source: { lang: 'en', segments: segs([[en, 0]]) },
  target: { lang: 'ar', segments: segs([[ar, 0]]) },
  beads: [bead([0], [0], 'aligned')],
});

/** Two paragraphs a side: two aligned pairs, one one-sided sentence and one boilerplate line each. */
const SAMPLE: Alignment = {
  source: { lang: 'en', segments: segs([['Putin met Hollande in Moscow.', 0], ['The minister left on Thursday.', 0], ['Site footer', 1], ['Only English here.', 1]]) },
  target: { lang: 'ar', segments: segs([['التقى بوتين أولوند في موسكو.', 0], ['وغادر الوزير يوم الخميس.', 0], ['عربي فقط هنا.', 1], ['شعار', 1]]) },
  beads: [bead([0], [0], 'aligned'), bead([1], [1], 'aligned'), bead([2], [], 'boilerplate'), bead([3], [], 'source-only'), bead([], [2], 'target-only'), bead([], [3], 'boilerplate')],
};

describe('coverage figures', () => {
  const report = coverageReport(SAMPLE, LEX);

  it('counts sentences and words covered per side, boilerplate apart (figures by hand)', () => {
    // English: sentences 0, 1 aligned, 3 one-sided, 2 boilerplate; words 5 + 5 covered of 5 + 5 + 3.
    expect(report.source.sentences).toEqual({ total: 3, covered: 2, ratio: 2 / 3 });
    expect(report.source.words).toEqual({ total: 13, covered: 10, ratio: 10 / 13 });
    expect(report.source.boilerplate).toEqual({ sentences: 1, words: 2 });
    // Arabic: 5 + 4 words covered of 5 + 4 + 3; the one-word logo is boilerplate.
    expect(report.target.sentences).toEqual({ total: 3, covered: 2, ratio: 2 / 3 });
    expect(report.target.words).toEqual({ total: 12, covered: 9, ratio: 9 / 12 });
    expect(report.target.boilerplate).toEqual({ sentences: 1, words: 1 });
    expect(report.overall).toBeCloseTo(2 / 3);
  });

  it('per paragraph, 1-based', () => {
    expect(report.source.paragraphs.map((p) => [p.paragraph, p.sentences.covered, p.sentences.total, p.words.covered, p.words.total, p.boilerplate.sentences])).toEqual([
      [1, 2, 2, 10, 10, 0],
      [2, 0, 1, 0, 3, 1],
    ]);
    expect(report.target.paragraphs.map((p) => [p.paragraph, p.sentences.covered, p.sentences.total, p.boilerplate.words])).toEqual([
      [1, 2, 2, 0],
      [2, 0, 1, 1],
    ]);
  });

  it('lists every one-sided sentence with its position', () => {
    expect(report.oneSided).toEqual([
      { side: 'source', lang: 'en', index: 3, sentence: 4, paragraph: 2, text: 'Only English here.' },
      { side: 'target', lang: 'ar', index: 2, sentence: 3, paragraph: 2, text: 'عربي فقط هنا.' },
    ]);
  });

  it('finds no partial gaps or discrepancies where every content word has a counterpart', () => {
    // "يوم" (day) has none, but one word alone is not a span.
    expect(report.partial).toEqual([]);
    expect(report.discrepancies).toEqual([]);
  });
});

describe('partial coverage', () => {
  it('reports a run of words without counterpart as one character span, function words inside it', () => {
    const en = 'Fabius said the plan was good, speaking to a television channel in Paris.';
    const report = coverageReport(pair(en, 'وقال فابيوس إن الخطة جيدة في باريس.'), LEX);
    expect(report.partial).toHaveLength(1);
    const [gap] = report.partial;
    expect(gap).toMatchObject({ side: 'source', lang: 'en', bead: 0, sentence: 1 });
    expect(gap!.spans).toEqual([{ start: en.indexOf('speaking'), end: en.indexOf(' in Paris'), text: 'speaking to a television channel', words: 3, confidence: expect.any(Number) }]);
    expect(report.source.contentWords).toEqual({ total: 8, covered: 5, ratio: 5 / 8 });
  });

  it('maps Arabic spans back to the original text, diacritics and all', () => {
    const ar = 'وقال فابيوس إنَّ الخطة جيدة للغاية وممتازة جدًّا في باريس.';
    const report = coverageReport(pair('Fabius said the plan was good in Paris.', ar), LEX);
    const spans = report.partial.flatMap((p) => p.spans);
    expect(spans.map((s) => s.text)).toEqual(['للغاية وممتازة جدًّا']);
    expect(ar.slice(spans[0]!.start, spans[0]!.end)).toBe('للغاية وممتازة جدًّا');
  });
});

describe('discrepancies', () => {
  it('finds 129 against 130 and nothing else in the sentence', () => {
    const report = coverageReport(pair('The attack on Nov 13 killed 130 people.', 'وقتل 129 شخصا في الهجوم في 13 نوفمبر.'), LEX);
    expect(report.discrepancies).toHaveLength(1);
    expect(report.discrepancies[0]!.discrepancies).toEqual([
      { kind: 'number', english: [{ sentence: 0, start: 28, end: 31, text: '130', value: '130' }], arabic: [{ sentence: 0, start: 5, end: 8, text: '129', value: '129' }] },
    ]);
  });

  it('finds none when the values agree, however written', () => {
    const same = coverageReport(pair('The attack on Nov 13 killed 300,000 people.', 'وقتل 300 ألف شخص في الهجوم في ١٣ تشرين الثاني/نوفمبر.'), LEX);
    expect(same.discrepancies).toEqual([]);
  });
});

describe('the seed alignment (Dawn / Eremnews)', () => {
  const { alignment } = parseAlignmentFile(readFileSync('alignments/dawn-eremnews.json', 'utf8'));
  const report = coverageReport(alignment, loadLexicon());

  it('lists the Arabic special-forces quote as Arabic-only, and nothing English', () => {
    expect(report.oneSided.every((s) => s.lang === 'ar')).toBe(true);
    expect(report.oneSided.map((s) => s.text).join(' ')).toContain('بقوات خاصة');
    expect(report.source.sentences.ratio).toBe(1);
    expect(report.target.sentences.covered).toBe(report.target.sentences.total - report.oneSided.length);
  });

  it('finds the clause Dawn added on the acronym as uncovered English', () => {
    const english = report.partial.filter((p) => p.lang === 'en').flatMap((p) => p.spans.map((s) => s.text));
    expect(english.some((t) => t.includes('Arabic acronym'))).toBe(true);
  });
});
