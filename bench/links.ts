/**
 * Raw-text scoring by sentence-pair links, so that the segmenter is measured with the aligner.
 * On raw text the predicted segments need not be the gold sentences, so beads cannot be compared
 * by index; instead both are reduced to links between GOLD sentences:
 *
 *  - A gold link is an (English gold sentence, Arabic gold sentence) pair inside one gold bead.
 *  - Each side's text is taken without any whitespace (the aligner may collapse whitespace runs),
 *    and the gold sentences are laid end to end in it, giving every gold sentence a character span.
 *    Each predicted segment is found in that string in document order (searching forward from the
 *    end of the previous one), giving it a span too; a segment not found is counted as unlocated.
 *  - A predicted segment stands for every gold sentence it overlaps by more than half of the
 *    segment's characters or more than half of the gold sentence's characters. So a piece of an
 *    over-split sentence stands for that sentence, and a segment that swallowed two sentences stands
 *    for both (it then claims links to both, and is penalised when only one is right).
 *  - A predicted link is a pair of gold sentences that two segments of one predicted bead with both
 *    sides non-empty stand for. Links are sets: the same pair claimed twice counts once.
 *  - One-sided detection likewise: the gold sentences that segments of a predicted one-sided bead
 *    stand for, against the gold sentences of one-sided gold beads.
 * Counts are pooled over documents; precision = hits / predicted, recall = hits / gold.
 */
import type { Prf } from '../src/eval/score.js';
import type { GoldBead } from './perturb.js';

/** A predicted bead as the jsonl output gives it: texts, English in `en`. */
export interface TextBead {
  en: readonly string[];
  ar: readonly string[];
}

export interface LinkCounts {
  hits: number;
  predicted: number;
  gold: number;
  oneSidedHits: number;
  oneSidedPredicted: number;
  oneSidedGold: number;
  /** Predicted segments whose text could not be found in the document. */
  unlocated: number;
}

export interface LinkScores {
  links: Prf;
  oneSided: Prf;
  counts: LinkCounts;
}

const squeeze = (text: string): string => text.replace(/\s+/gu, '');

type Span = [start: number, end: number];

/** Spans of consecutive texts laid end to end. */
function layout(texts: readonly string[]): { doc: string; spans: Span[] } {
  const spans: Span[] = [];
  let at = 0;
  for (const text of texts) {
    const len = squeeze(text).length;
    spans.push([at, at + len]);
    at += len;
  }
  return { doc: texts.map(squeeze).join(''), spans };
}

/** Spans of `segments` in `doc`, in order; undefined for a segment not found. */
export function locate(doc: string, segments: readonly string[]): (Span | undefined)[] {
  let cursor = 0;
  return segments.map((segment) => {
    const key = squeeze(segment);
    if (key.length === 0) return undefined;
    // Forward first (document order); from the start only if the aligner reordered segments.
    let at = doc.indexOf(key, cursor);
    if (at < 0) at = doc.indexOf(key);
    if (at < 0) return undefined;
    cursor = at + key.length;
    return [at, at + key.length];
  });
}

/** Gold sentence indices a span stands for (see the module comment); gold spans are sorted and disjoint. */
export function standsFor(span: Span, gold: readonly Span[]): number[] {
  const [ps, pe] = span;
  let lo = 0;
  let hi = gold.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (gold[mid]![1] <= ps) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let g = lo; g < gold.length && gold[g]![0] < pe; g++) {
    const [gs, ge] = gold[g]!;
    const overlap = Math.min(pe, ge) - Math.max(ps, gs);
    if (overlap > 0 && (2 * overlap > pe - ps || 2 * overlap > ge - gs)) out.push(g);
  }
  return out;
}

export function countLinks(gold: readonly GoldBead[], predicted: readonly TextBead[]): LinkCounts {
  const goldEn = layout(gold.flatMap((b) => b.en));
  const goldAr = layout(gold.flatMap((b) => b.ar));
  const goldLinks = new Set<string>();
  const goldOne = new Set<string>();
  let en = 0;
  let ar = 0;
  for (const bead of gold) {
    const es = bead.en.map(() => en++);
    const as = bead.ar.map(() => ar++);
    for (const e of es) for (const a of as) goldLinks.add(`${e}:${a}`);
    if (as.length === 0) es.forEach((e) => goldOne.add(`en${e}`));
    if (es.length === 0) as.forEach((a) => goldOne.add(`ar${a}`));
  }
  const enSpans = locate(goldEn.doc, predicted.flatMap((b) => b.en));
  const arSpans = locate(goldAr.doc, predicted.flatMap((b) => b.ar));
  const unlocated = [...enSpans, ...arSpans].filter((s) => s === undefined).length;
  const links = new Set<string>();
  const one = new Set<string>();
  let pe = 0;
  let pa = 0;
  for (const bead of predicted) {
    const es = bead.en.flatMap(() => {
      const span = enSpans[pe++];
      return span ? standsFor(span, goldEn.spans) : [];
    });
    const as = bead.ar.flatMap(() => {
      const span = arSpans[pa++];
      return span ? standsFor(span, goldAr.spans) : [];
    });
    if (bead.en.length > 0 && bead.ar.length > 0) {
      for (const e of es) for (const a of as) links.add(`${e}:${a}`);
    } else {
      es.forEach((e) => one.add(`en${e}`));
      as.forEach((a) => one.add(`ar${a}`));
    }
  }
  return {
    hits: [...links].filter((l) => goldLinks.has(l)).length,
    predicted: links.size,
    gold: goldLinks.size,
    oneSidedHits: [...one].filter((s) => goldOne.has(s)).length,
    oneSidedPredicted: one.size,
    oneSidedGold: goldOne.size,
    unlocated,
  };
}

export function sumCounts(all: readonly LinkCounts[]): LinkCounts {
  const total: LinkCounts = {
    hits: 0,
    predicted: 0,
    gold: 0,
    oneSidedHits: 0,
    oneSidedPredicted: 0,
    oneSidedGold: 0,
    unlocated: 0,
  };
  for (const c of all) for (const k of Object.keys(total) as (keyof LinkCounts)[]) total[k] += c[k];
  return total;
}

/** Precision and recall from the sizes of the predicted set, the gold set and their intersection; 0/0 is 0. */
function prfFromCounts(hits: number, predicted: number, gold: number): Prf {
  const precision = predicted === 0 ? 0 : hits / predicted;
  const recall = gold === 0 ? 0 : hits / gold;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

export function linkScores(counts: LinkCounts): LinkScores {
  return {
    links: prfFromCounts(counts.hits, counts.predicted, counts.gold),
    oneSided: prfFromCounts(counts.oneSidedHits, counts.oneSidedPredicted, counts.oneSidedGold),
    counts,
  };
}
