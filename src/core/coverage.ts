/**
 * How completely each version of a saved alignment covers the other (DESIGN.md, "reports how
 * completely one version covers the other"): sentence and word coverage per side, per paragraph
 * and overall; every sentence only one version has; inside aligned beads, the clauses one side has
 * and the other lacks; and numbers, dates or names that differ. Pure: the caller brings the evidence.
 */
import { beadDiscrepancies, type Discrepancy } from './coverage/discrepancies.js';
import { count, sideFigures, type Count, type Figures, type Side, type SideFigures } from './coverage/figures.js';
import { matchBead, type UncoveredSpan } from './coverage/partial.js';
import type { Evidence } from './evidence.js';
import { documentWords, type Word } from './score/word-evidence.js';
import type { Alignment, Lang } from './types.js';

export type { Count, Discrepancy, Figures, Side, SideFigures, UncoveredSpan };
export type { DiscrepancyKind, Mention } from './coverage/discrepancies.js';

/** Where a sentence is, for people (1-based) and for tools (0-based `index`, as in jsonl). */
export interface Position {
  side: Side;
  lang: Lang;
  index: number;
  sentence: number;
  paragraph: number;
}

export interface OneSided extends Position {
  text: string;
}

export interface PartialCoverage extends Position {
  /** 0-based index of the bead in the alignment. */
  bead: number;
  text: string;
  spans: UncoveredSpan[];
}

export interface BeadDiscrepancies {
  bead: number;
  english: Position[];
  arabic: Position[];
  discrepancies: Discrepancy[];
}

export interface CoverageReport {
  source: SideFigures & { contentWords: Count };
  target: SideFigures & { contentWords: Count };
  /** The lower of the two sides' sentence coverage ratios. */
  overall: number;
  oneSided: OneSided[];
  partial: PartialCoverage[];
  discrepancies: BeadDiscrepancies[];
}

export interface CoverageOptions {
  /** Unlinked content words an uncovered span needs (partial.ts; default 2). */
  minSpanWords?: number;
  /** The confidence an uncovered span needs (partial.ts; default DEFAULT_MIN_CONFIDENCE). */
  minConfidence?: number;
}

export function coverageReport(alignment: Alignment, evidence: Evidence, options: CoverageOptions = {}): CoverageReport {
  const context = coverageContext(alignment, evidence);
  const oneSided: OneSided[] = [];
  const partial: PartialCoverage[] = [];
  const discrepancies: BeadDiscrepancies[] = [];
  const content = { source: { matched: 0, total: 0 }, target: { matched: 0, total: 0 } };

  alignment.beads.forEach((bead, b) => {
    if (bead.flag === 'source-only' || bead.flag === 'target-only') {
      const side: Side = bead.source.length > 0 ? 'source' : 'target';
      for (const k of bead[side]) oneSided.push({ ...context.position(side, k), text: alignment[side].segments[k]!.text });
      return;
    }
    const found = beadCoverage(context, b, options);
    if (!found) return;
    partial.push(...found.partial);
    if (found.discrepancies) discrepancies.push(found.discrepancies);
    for (const side of ['source', 'target'] as const) {
      content[side].matched += found.content[side].matched;
      content[side].total += found.content[side].total;
    }
  });

  const figures = (side: Side) => ({
    ...sideFigures(alignment, side, context.wordsOf[side].map((w) => w.length)),
    contentWords: count(content[side].matched, content[side].total),
  });
  const source = figures('source');
  const target = figures('target');
  return { source, target, overall: Math.min(source.sentences.ratio, target.sentences.ratio), oneSided, partial, discrepancies };
}

/**
 * What the coverage of one bead needs from the whole document, worked out once: every sentence's
 * words with their evidence (the tokenizer's idf and ids are document-wide). A caller that looks at
 * beads one at a time, such as the review, keeps this and asks `beadCoverage` for each bead it
 * shows; it must make a new context when the segmentation changes.
 */
export interface CoverageContext {
  alignment: Alignment;
  english: Side;
  arabic: Side;
  wordsOf: Record<Side, Word[][]>;
  position(side: Side, k: number): Position;
}

export function coverageContext(alignment: Alignment, evidence: Evidence): CoverageContext {
  const langs = [alignment.source.lang, alignment.target.lang];
  if (!langs.includes('en') || !langs.includes('ar')) throw new Error('coverage needs an English and an Arabic side');
  const english: Side = alignment.source.lang === 'en' ? 'source' : 'target';
  const arabic: Side = english === 'source' ? 'target' : 'source';
  const texts = (side: Side) => alignment[side].segments.map((s) => s.text);
  const words = documentWords(texts(english), texts(arabic), evidence);
  const wordsOf: Record<Side, Word[][]> = english === 'source' ? { source: words.en, target: words.ar } : { source: words.ar, target: words.en };
  const position = (side: Side, k: number): Position => {
    const segment = alignment[side].segments[k]!;
    return { side, lang: alignment[side].lang, index: k, sentence: k + 1, paragraph: segment.paragraph + 1 };
  };
  return { alignment, english, arabic, wordsOf, position };
}

/** The coverage inside one aligned bead. */
export interface BeadCoverage {
  /** The sentences of either side with uncovered spans. */
  partial: PartialCoverage[];
  /** Null when the two sides agree on numbers, dates and names. */
  discrepancies: BeadDiscrepancies | null;
  /** Content words of each side's sentences, and how many found a counterpart in the bead. */
  content: Record<Side, { matched: number; total: number }>;
}

/** Coverage of bead `b` of the context's alignment; null unless the bead is aligned. */
export function beadCoverage(context: CoverageContext, b: number, options: CoverageOptions = {}): BeadCoverage | null {
  const { alignment, wordsOf, position, english, arabic } = context;
  const bead = alignment.beads[b];
  if (!bead || bead.flag !== 'aligned') return null;
  const partial: PartialCoverage[] = [];
  const content = { source: { matched: 0, total: 0 }, target: { matched: 0, total: 0 } };
  const sentences = (side: Side) => bead[side].map((k) => wordsOf[side][k]!);
  const texts = (side: Side) => bead[side].map((k) => alignment[side].segments[k]!.text);
  const matched = matchBead(sentences(english), sentences(arabic), { en: texts(english), ar: texts(arabic) }, { minWords: options.minSpanWords, minConfidence: options.minConfidence });
  for (const side of ['source', 'target'] as const) {
    (side === english ? matched.en : matched.ar).forEach((m, s) => {
      const k = bead[side][s]!;
      content[side].matched += m.matched;
      content[side].total += m.content;
      if (m.spans.length > 0) partial.push({ bead: b, ...position(side, k), text: alignment[side].segments[k]!.text, spans: m.spans });
    });
  }
  const found = beadDiscrepancies(bead[english].map((k) => wordsOf[english][k]!), bead[arabic].map((k) => wordsOf[arabic][k]!));
  const discrepancies =
    found.length > 0 ? { bead: b, english: bead[english].map((k) => position(english, k)), arabic: bead[arabic].map((k) => position(arabic, k)), discrepancies: found } : null;
  return { partial, discrepancies, content };
}
