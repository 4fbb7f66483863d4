/**
 * Segmentation guided by the other side (core/align/guided-split.ts): a glued Arabic segment that a
 * bead links to two English sentences is cut where its word links change sentence, and only then.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guidedSplit } from '../src/core/align/guided-split.js';
import { splitPoints } from '../src/core/align/split-points.js';
import { diffAlignments } from '../src/core/alignment-diff.js';
import { plainEvidence } from '../src/core/evidence.js';
import { parseLexicon, type Lexicon } from '../src/core/lexicon.js';
import { documentWords } from '../src/core/score/word-evidence.js';
import { stemEnglish } from '../src/core/text/normalize.js';
import type { Alignment, Segment } from '../src/core/types.js';
import { formatAlignmentFile, parseAlignmentFile } from '../src/formats/alignment-file.js';
import { runMizan } from './support/cli.js';
import { expectSound } from './support/segment-check.js';

function lexicon(entries: Record<string, string>): Lexicon {
  return parseLexicon(Object.entries(entries).map(([ar, en]) => `${ar}\t${en.split(' ').map(stemEnglish).join(' ')}`).join('\n'));
}
const EVIDENCE = plainEvidence(lexicon({ قال: 'said', وزير: 'minister', خطه: 'plan', جيد: 'good', غادر: 'left', خميس: 'thursday', جمعه: 'friday', رئيس: 'president', محادثات: 'talks', جنيف: 'geneva', اسبوع: 'week' }));

const EN = ['The minister said on Thursday: "The plan is good."', 'He left on Friday after meeting the president.'];
/** The two sentences glued: the quotation closes with no full stop. */
const GLUED = 'قال الوزير يوم الخميس إن "الخطة جيدة" غادر يوم  الجمعة بعد لقاء الرئيس.';
/** The same words, the two sentences' words interleaved: no cut separates them. */
const CROSSED = 'غادر الوزير يوم الجمعة وقال يوم الخميس إن الخطة بعد لقاء الرئيس جيدة.';

/** Segments of lines, one a paragraph, with exact spans into `lines.join('\n')`. */
function lines(texts: readonly string[]): { original: string; segments: Segment[] } {
  let at = 0;
  const segments = texts.map((text, index) => {
    const seg = { index, text: text.replace(/\s+/g, ' '), paragraph: index, start: at, end: at + text.length };
    at += text.length + 1;
    return seg;
  });
  return { original: texts.join('\n'), segments };
}

/** English as the source, one Arabic segment, the aligner's 1-2 bead (Arabic long). */
function oneToTwo(arabic: string): { alignment: Alignment; en: string; ar: string } {
  const en = lines(EN);
  const ar = lines([arabic]);
  const alignment: Alignment = {
    source: { lang: 'en', segments: en.segments },
    target: { lang: 'ar', segments: ar.segments },
    beads: [{ source: [0, 1], target: [0], flag: 'aligned', score: 0.8, status: 'auto' }],
  };
  return { alignment, en: en.original, ar: ar.original };
}

describe('guided split', () => {
  it('cuts a glued Arabic segment at the closing quote its links change sentence at: 1-2 becomes 1-1 + 1-1', () => {
    const { alignment, en, ar } = oneToTwo(GLUED);
    const split = guidedSplit(alignment, EVIDENCE, { source: en, target: ar });
    expect(split.target.segments.map((s) => s.text)).toEqual(['قال الوزير يوم الخميس إن "الخطة جيدة"', 'غادر يوم الجمعة بعد لقاء الرئيس.']);
    expect(split.beads).toEqual([
      { source: [0], target: [0], flag: 'aligned', score: 0.8, status: 'auto' },
      { source: [1], target: [1], flag: 'aligned', score: 0.8, status: 'auto' },
    ]);
    expect(split.target.segmentation).toBe('guided');
    expect(split.source).toBe(alignment.source);
    // Every character in exactly one segment, spans exact (the double space collapsed in the text).
    expectSound(split, en, ar);
  });

  it('leaves a segment whose links cross unsplit', () => {
    const { alignment, en, ar } = oneToTwo(CROSSED);
    expect(guidedSplit(alignment, EVIDENCE, { source: en, target: ar })).toBe(alignment);
  });

  it('does not follow the other side\'s cut at an ellipsis, where a quotation goes on', () => {
    const en = lines(['The minister said on Thursday: "The plan is good ...', 'He left on Friday after meeting the president."']);
    const ar = lines([GLUED]);
    const alignment: Alignment = { ...oneToTwo(GLUED).alignment, source: { lang: 'en', segments: en.segments } };
    expect(guidedSplit(alignment, EVIDENCE, { source: en.original, target: ar.original })).toBe(alignment);
  });

  it('leaves a bead a person confirmed alone', () => {
    const { alignment, en, ar } = oneToTwo(GLUED);
    const confirmed = { ...alignment, beads: [{ ...alignment.beads[0]!, status: 'confirmed' as const }] };
    expect(guidedSplit(confirmed, EVIDENCE, { source: en, target: ar })).toBe(confirmed);
  });

  it('does not split English by default (Arabic is where stops go missing)', () => {
    const { alignment, en, ar } = oneToTwo(GLUED);
    const swapped: Alignment = { source: alignment.target, target: alignment.source, beads: [{ ...alignment.beads[0]!, source: [0], target: [0, 1] }] };
    expect(guidedSplit(swapped, EVIDENCE, { source: ar, target: en }).beads).toHaveLength(2);
    const english = lines(['The minister said on Thursday: "The plan is good" and he left on Friday after meeting the president.']);
    const arabic = lines(['قال الوزير يوم الخميس إن "الخطة جيدة".', 'غادر يوم الجمعة بعد لقاء الرئيس.']);
    const englishLong: Alignment = {
      source: { lang: 'en', segments: english.segments },
      target: { lang: 'ar', segments: arabic.segments },
      beads: [{ source: [0], target: [0, 1], flag: 'aligned', score: 0.8, status: 'auto' }],
    };
    expect(guidedSplit(englishLong, EVIDENCE, { source: english.original, target: arabic.original })).toBe(englishLong);
  });

  it('cuts a glued second segment of a 2-3 bead: three 1-1 beads, the existing boundary kept', () => {
    const en = lines([...EN, 'The talks resume in Geneva next week.']);
    const ar = lines(['قال الوزير يوم الخميس إن "الخطة جيدة".', 'غادر بعد لقاء الرئيس يوم الجمعة تستأنف المحادثات في جنيف الأسبوع المقبل.']);
    const alignment: Alignment = {
      source: { lang: 'en', segments: en.segments },
      target: { lang: 'ar', segments: ar.segments },
      beads: [{ source: [0, 1, 2], target: [0, 1], flag: 'aligned', score: 0.7, status: 'auto' }],
    };
    const split = guidedSplit(alignment, EVIDENCE, { source: en.original, target: ar.original });
    expect(split.target.segments.map((s) => s.text)).toEqual(['قال الوزير يوم الخميس إن "الخطة جيدة".', 'غادر بعد لقاء الرئيس يوم الجمعة', 'تستأنف المحادثات في جنيف الأسبوع المقبل.']);
    expect(split.beads.map((b) => [b.source, b.target])).toEqual([[[0], [0]], [[1], [1]], [[2], [2]]]);
    expectSound(split, en.original, ar.original);
  });

  it('cuts an untranslated sentence glued to a translated one off a 1-1 bead, as one-sided', () => {
    const en = lines([EN[0]!]);
    const ar = lines(['قال الوزير يوم الخميس إن "الخطة جيدة" غادر يوم الجمعة بعد لقاء الرئيس في القصر الجمهوري مع كبار المسؤولين والسفراء الأجانب والصحفيين.']);
    const alignment: Alignment = {
      source: { lang: 'en', segments: en.segments },
      target: { lang: 'ar', segments: ar.segments },
      beads: [{ source: [0], target: [0], flag: 'aligned', score: 0.9, status: 'auto' }],
    };
    const split = guidedSplit(alignment, EVIDENCE, { source: en.original, target: ar.original });
    expect(split.target.segments.map((s) => s.text)).toEqual(['قال الوزير يوم الخميس إن "الخطة جيدة"', 'غادر يوم الجمعة بعد لقاء الرئيس في القصر الجمهوري مع كبار المسؤولين والسفراء الأجانب والصحفيين.']);
    expect(split.beads.map((b) => [b.source, b.target, b.flag, b.status])).toEqual([
      [[0], [0], 'aligned', 'auto'],
      [[], [1], 'target-only', 'auto'],
    ]);
    expectSound(split, en.original, ar.original);
    // A short clause the other side lacks is not a sentence: it stays (coverage reports it).
    const clause = lines(['قال الوزير يوم الخميس إن "الخطة جيدة" في القصر']);
    const kept: Alignment = { ...alignment, target: { lang: 'ar', segments: clause.segments } };
    expect(guidedSplit(kept, EVIDENCE, { source: en.original, target: clause.original })).toBe(kept);
  });

  it('the file keeps "guided", and diff says why two segmentations differ', () => {
    const { alignment, en, ar } = oneToTwo(GLUED);
    const split = guidedSplit(alignment, EVIDENCE, { source: en, target: ar });
    const side = { path: 'x', sha256: '0' };
    const text = formatAlignmentFile(split, { created: 'now', aligner: 'test', presplit: false, source: side, target: side });
    expect(JSON.parse(text).target.segmentation).toBe('guided');
    expect(parseAlignmentFile(text).alignment.target.segmentation).toBe('guided');
    expect(() => diffAlignments(alignment, split)).toThrow(/split glued sentences/);
  });
});

describe('split points', () => {
  const kinds = (text: string) => {
    const words = documentWords([], [text], EVIDENCE).ar[0]!;
    return splitPoints(text, words, 'ar').map((p) => `${text.slice(0, p.offset).split(' ').at(-1)}|${p.kind}`);
  };
  it('marks a closing quote, a colon and a comma before a connective as strong, any other space as bare', () => {
    expect(kinds('قال: "نعم" ذهب، وأضاف أنه، هنا')).toEqual(['قال:|strong', '"نعم"|strong', 'ذهب،|strong', 'وأضاف|bare', 'أنه،|bare']);
  });
});

describe('mizan align', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-guided-'));
  const enFile = join(dir, 'a.en.txt');
  const arFile = join(dir, 'a.ar.txt');
  writeFileSync(enFile, 'The foreign minister said on Thursday that the plan was good.\nHe left Cairo for Paris on Friday after meeting the president.\nThe talks will resume next week in Geneva.\n');
  writeFileSync(arFile, 'قال وزير الخارجية يوم الخميس إن "الخطة جيدة" غادر بعدها القاهرة متوجها إلى باريس يوم الجمعة بعد لقاء الرئيس. وستستأنف المحادثات الأسبوع المقبل في جنيف.\n');

  it('splits the glued sentence in its output, with exact spans, recorded as guided', async () => {
    const out = join(dir, 'a.json');
    const r = await runMizan(['align', enFile, arFile, '--out', out]);
    expect(r.code).toBe(0);
    const { alignment } = parseAlignmentFile(readFileSync(out, 'utf8'));
    expect(alignment.target.segmentation).toBe('guided');
    expect(alignment.target.segments.map((s) => s.text)).toEqual([
      'قال وزير الخارجية يوم الخميس إن "الخطة جيدة"',
      'غادر بعدها القاهرة متوجها إلى باريس يوم الجمعة بعد لقاء الرئيس.',
      'وستستأنف المحادثات الأسبوع المقبل في جنيف.',
    ]);
    expect(alignment.beads.map((b) => [b.source, b.target, b.status])).toEqual([
      [[0], [0], 'auto'],
      [[1], [1], 'auto'],
      [[2], [2], 'auto'],
    ]);
    expectSound(alignment, readFileSync(enFile, 'utf8'), readFileSync(arFile, 'utf8'));
  });

  it('never re-splits --presplit input', async () => {
    const r = await runMizan(['align', enFile, arFile, '--presplit', '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const arabic = r.stdout.trim().split('\n').flatMap((line) => (JSON.parse(line) as { target: string[] }).target);
    expect(arabic).toEqual([readFileSync(arFile, 'utf8').trim()]);
  });
});
