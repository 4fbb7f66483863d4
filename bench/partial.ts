/**
 * The partial-coverage benchmark's gold and scorer (issue 10), pure: no I/O.
 *
 * The set is the clauses set's text (bench/stress.ts `addClauses`: 1:1 documents where 15% of the
 * sentences grow a 5-12-word clause of another document, at the end or in the middle, on one
 * side), with the exact place of every added clause kept as gold. `mizan coverage --json` reports,
 * per sentence of an aligned bead, the character spans it finds without counterpart; this module
 * scores those spans against the gold clauses:
 *
 *  - Words are whitespace tokens with at least one letter, digit or mark ("—" alone is no word).
 *    A word is inside a set of character ranges when more than half of its letters, digits and
 *    marks are: a span that stops before a word's comma, or a clause followed by its comma, still
 *    holds the word.
 *  - A gold clause is found when at least half of its words are inside reported spans.
 *  - Word precision: reported words inside gold clauses / all reported words. Word recall: gold
 *    clause words inside reported spans / all gold clause words. Pooled over documents.
 *  - With confidences on the spans, the same figures keep only the spans at or above a threshold.
 */
import { formatAlignmentFile, type InputMeta } from '../src/formats/alignment-file.js';
import type { Alignment, Lang, Segment } from '../src/core/types.js';

/** One added clause: where it stands in its sentence (UTF-16 offsets, end exclusive). */
export interface GoldClause {
  lang: Lang;
  /** 0-based sentence (line) index on its side. */
  index: number;
  start: number;
  end: number;
  /** The clause, `sentence.slice(start, end)`. */
  text: string;
  /** The grown sentence. */
  sentence: string;
  where: 'end' | 'middle';
}

export interface ReportedSpan {
  start: number;
  end: number;
  confidence?: number;
}

/** One entry of `partial` in `mizan coverage --json` (the fields the scorer reads). */
export interface ReportedSentence {
  lang: Lang;
  index: number;
  text: string;
  spans: ReportedSpan[];
}

export interface PartialCounts {
  clauses: number;
  /** Clauses with at least half their words reported. */
  found: number;
  goldWords: number;
  reportedWords: number;
  /** Words both reported and in a gold clause. */
  hitWords: number;
  spans: number;
  /** Sentences with at least one span. */
  sentences: number;
  /** Reported sentences whose text is not the generated one (the clause was then looked up by its text). */
  mismatched: number;
}

export interface PartialFigures {
  clauseRecall: number;
  wordPrecision: number;
  wordRecall: number;
  counts: PartialCounts;
}

type Range = readonly [start: number, end: number];

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Whitespace tokens that hold a letter, digit or mark, as ranges of `text`, each with the offsets of those characters. */
export function wordsOf(text: string): { start: number; end: number; chars: number[] }[] {
  const out: { start: number; end: number; chars: number[] }[] = [];
  for (const match of text.matchAll(/\S+/gu)) {
    const start = match.index;
    const chars: number[] = [];
    for (let i = 0; i < match[0].length; i++) if (WORD_CHAR.test(match[0][i]!)) chars.push(start + i);
    if (chars.length > 0) out.push({ start, end: start + match[0].length, chars });
  }
  return out;
}

const inRanges = (at: number, ranges: readonly Range[]): boolean => ranges.some(([s, e]) => at >= s && at < e);

/** For each word of `text`, whether more than half of its word characters lie inside `ranges`. */
export function wordsInside(text: string, ranges: readonly Range[]): boolean[] {
  return wordsOf(text).map((w) => 2 * w.chars.filter((c) => inRanges(c, ranges)).length > w.chars.length);
}

export const emptyCounts = (): PartialCounts => ({ clauses: 0, found: 0, goldWords: 0, reportedWords: 0, hitWords: 0, spans: 0, sentences: 0, mismatched: 0 });

export function addCounts(a: PartialCounts, b: PartialCounts): PartialCounts {
  const out = emptyCounts();
  for (const k of Object.keys(out) as (keyof PartialCounts)[]) out[k] = a[k] + b[k];
  return out;
}

const key = (lang: Lang, index: number): string => `${lang}:${index}`;

/**
 * One document's counts: its gold clauses against the sentences coverage reported, keeping only
 * spans with a confidence of at least `minConfidence` when it is given (spans without one then drop).
 */
export function scoreDocument(gold: readonly GoldClause[], reported: readonly ReportedSentence[], minConfidence?: number): PartialCounts {
  const counts = emptyCounts();
  const clausesOf = new Map<string, GoldClause[]>();
  for (const clause of gold) clausesOf.set(key(clause.lang, clause.index), [...(clausesOf.get(key(clause.lang, clause.index)) ?? []), clause]);
  const reportedOf = new Map<string, ReportedSentence>();
  for (const sentence of reported) reportedOf.set(key(sentence.lang, sentence.index), sentence);
  const keys = new Set([...clausesOf.keys(), ...reportedOf.keys()]);
  for (const k of keys) {
    const clauses = clausesOf.get(k) ?? [];
    const sentence = reportedOf.get(k);
    const text = sentence?.text ?? clauses[0]!.sentence;
    const spans = (sentence?.spans ?? []).filter((s) => minConfidence === undefined || (s.confidence !== undefined && s.confidence >= minConfidence));
    const goldRanges: Range[] = [];
    for (const clause of clauses) {
      if (text === clause.sentence) goldRanges.push([clause.start, clause.end]);
      else {
        // Only if coverage's sentence text is not the generated line: find the clause by its text.
        counts.mismatched++;
        const at = text.indexOf(clause.text);
        if (at >= 0) goldRanges.push([at, at + clause.text.length]);
      }
    }
    const reportedRanges: Range[] = spans.map((s) => [s.start, s.end]);
    const isReported = wordsInside(text, reportedRanges);
    const isGold = wordsInside(text, goldRanges);
    counts.spans += spans.length;
    if (spans.length > 0) counts.sentences++;
    counts.reportedWords += isReported.filter(Boolean).length;
    counts.goldWords += isGold.filter(Boolean).length;
    counts.hitWords += isReported.filter((r, i) => r && isGold[i]).length;
    for (const range of goldRanges) {
      const mine = wordsInside(text, [range]);
      const total = mine.filter(Boolean).length;
      const hit = mine.filter((m, i) => m && isReported[i]).length;
      counts.clauses++;
      if (total > 0 && 2 * hit >= total) counts.found++;
    }
    // A clause that could not be located still counts, as missed.
    counts.clauses += clauses.length - goldRanges.length;
  }
  return counts;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export function partialFigures(counts: PartialCounts): PartialFigures {
  return {
    clauseRecall: ratio(counts.found, counts.clauses),
    wordPrecision: ratio(counts.hitWords, counts.reportedWords),
    wordRecall: ratio(counts.hitWords, counts.goldWords),
    counts,
  };
}

/** Thresholds of the precision/recall curve, when coverage gives its spans a confidence. */
export const CONFIDENCE_THRESHOLDS = [0.1, 0.3, 0.5, 0.7, 0.9] as const;

/** Whether every span of the reports carries a confidence (and there is at least one span). */
export function allConfident(reports: readonly (readonly ReportedSentence[])[]): boolean {
  const spans = reports.flat().flatMap((s) => s.spans);
  return spans.length > 0 && spans.every((s) => typeof s.confidence === 'number');
}

/**
 * Reads `partial` of a `mizan coverage --json` report: entries with `lang`, `index`, `text` and
 * `spans` of `start`/`end` (and maybe `confidence`). Throws one line on anything else.
 */
export function readPartial(json: unknown): { partial: ReportedSentence[]; oneSided: { lang: Lang; index: number }[] } {
  const fail = (why: string): never => {
    throw new Error(`not a mizan coverage --json report: ${why}`);
  };
  if (typeof json !== 'object' || json === null) fail('not an object');
  const report = json as { partial?: unknown; oneSided?: unknown };
  if (!Array.isArray(report.partial)) fail('no "partial" list');
  const isLang = (x: unknown): x is Lang => x === 'en' || x === 'ar';
  const partial = (report.partial as unknown[]).map((entry, n): ReportedSentence => {
    const e = entry as Partial<Record<'lang' | 'index' | 'text' | 'spans', unknown>>;
    if (!isLang(e.lang) || typeof e.index !== 'number' || typeof e.text !== 'string' || !Array.isArray(e.spans)) fail(`partial[${n}] lacks lang, index, text or spans`);
    const spans = (e.spans as unknown[]).map((span, m): ReportedSpan => {
      const s = span as Partial<Record<'start' | 'end' | 'confidence', unknown>>;
      if (typeof s.start !== 'number' || typeof s.end !== 'number') fail(`partial[${n}].spans[${m}] lacks start or end`);
      return { start: s.start as number, end: s.end as number, ...(typeof s.confidence === 'number' ? { confidence: s.confidence } : {}) };
    });
    return { lang: e.lang as Lang, index: e.index as number, text: e.text as string, spans };
  });
  const oneSided = Array.isArray(report.oneSided)
    ? (report.oneSided as { lang?: unknown; index?: unknown }[]).filter((o) => isLang(o.lang) && typeof o.index === 'number').map((o) => ({ lang: o.lang as Lang, index: o.index as number }))
    : [];
  return { partial, oneSided };
}

/** Segments of a presplit side: one a line, each its own paragraph, offsets as the CLI gives them. */
function presplitSegments(lines: readonly string[]): Segment[] {
  let at = 0;
  return lines.map((text, index) => {
    const segment = { index, text, paragraph: index, start: at, end: at + text.length };
    at += text.length + 1;
    return segment;
  });
}

/**
 * The gold 1:1 alignment of a presplit pair as a saved alignment (English the source), every bead
 * aligned and confirmed: `mizan coverage` on it measures the span finder alone.
 */
export function goldAlignmentFile(en: readonly string[], ar: readonly string[], source: InputMeta, target: InputMeta, created: string): string {
  if (en.length !== ar.length) throw new Error(`a 1:1 gold needs as many lines a side (${en.length} en, ${ar.length} ar)`);
  const alignment: Alignment = {
    source: { lang: 'en', segments: presplitSegments(en) },
    target: { lang: 'ar', segments: presplitSegments(ar) },
    beads: en.map((_, i) => ({ source: [i], target: [i], flag: 'aligned', score: 1, status: 'confirmed' })),
  };
  return formatAlignmentFile(alignment, { created, aligner: 'gold', presplit: true, source, target });
}
