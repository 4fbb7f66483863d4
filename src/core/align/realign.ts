/**
 * Realign around what a reviewer settled (issue 12, part 3; InterText's "realign" after a
 * correction): beads the reviewer confirmed or shaped (status other than 'auto') are fixed
 * anchors, and each stretch of automatic beads between two anchors (or an anchor and an end of the
 * text) is aligned again by the same strategy with the same evidence, constrained to paths through
 * every anchor: no sentence crosses an anchor and an anchor's sentences are never given to another
 * bead, so what the reviewer fixed pins where the automatic decisions around it may go. (How: the
 * whole text is searched once, and a stretch an anchor cuts that path through is searched on its
 * own sentences; see realignUnconfirmed.)
 *
 * Boilerplate beads inside a stretch stay out of the search and go back in document order, as
 * align.ts does for a whole text. A stretch with no content sentence on one side has nothing to
 * align against and is left as it is. A new bead with the sentences of an old one is that old bead
 * (its score and any cached coverage stay). Every segment stays in exactly one bead, in order. Pure.
 */
import type { Evidence } from '../evidence.js';
import type { Alignment, Bead, Segment } from '../types.js';
import { flagForShape } from '../edit.js';
import type { Strategy, StrategyInput } from './strategy.js';

export interface Aligner {
  strategy: Strategy;
  evidence: Evidence;
}

export interface RealignOutcome {
  beads: Bead[];
  /** Beads the reviewer confirmed or shaped: the fixed points. */
  anchors: number;
  /** Stretches of automatic beads the strategy searched again. */
  stretches: number;
}

/** A bead a person confirmed or shaped: realigning never touches it. */
export const isAnchor = (bead: Bead): boolean => bead.status !== 'auto';

type Side = 'source' | 'target';

/** Whether each of `indices` (ascending) opens a paragraph of its text; null for presplit text, where each line is one. */
function paragraphStarts(segments: readonly Segment[], indices: readonly number[]): boolean[] | null {
  const paragraphs = new Set(segments.map((s) => s.paragraph));
  if (paragraphs.size === segments.length) return null;
  return indices.map((index, k) => {
    const before = k === 0 ? segments[index - 1] : segments[indices[k - 1]!];
    return !before || before.paragraph !== segments[index]!.paragraph;
  });
}

/** Content sentences that something outside the search (boilerplate) separates in the text; null when none are. */
function breaksAfter(indices: readonly number[]): boolean[] | null {
  const breaks = indices.map((index, k) => k + 1 < indices.length && indices[k + 1] !== index + 1);
  return breaks.some(Boolean) ? breaks : null;
}

const shapeKey = (bead: Pick<Bead, 'source' | 'target'>) => `${bead.source.join(',')}|${bead.target.join(',')}`;

/** The stretch's beads searched again, or null when one side has no content sentence to align with. */
function realignStretch(alignment: Alignment, stretch: readonly Bead[], aligner: Aligner): Bead[] | null {
  const content = stretch.filter((b) => b.flag !== 'boilerplate');
  const sentences = (side: Side) => content.flatMap((b) => b[side]).sort((a, b) => a - b);
  const source = sentences('source');
  const target = sentences('target');
  if (source.length === 0 || target.length === 0) return null;
  const [englishSide, arabicSide]: [Side, Side] = alignment.source.lang === 'en' ? ['source', 'target'] : ['target', 'source'];
  const english = englishSide === 'source' ? source : target;
  const arabic = arabicSide === 'source' ? source : target;
  const input: StrategyInput = {
    english: english.map((i) => alignment[englishSide].segments[i]!.text),
    arabic: arabic.map((i) => alignment[arabicSide].segments[i]!.text),
    englishParagraphStart: paragraphStarts(alignment[englishSide].segments, english),
    arabicParagraphStart: paragraphStarts(alignment[arabicSide].segments, arabic),
    englishBreakAfter: breaksAfter(english),
    arabicBreakAfter: breaksAfter(arabic),
  };
  const old = new Map(stretch.map((b) => [shapeKey(b), b]));
  const found = aligner.strategy.align(input, aligner.evidence).map((b): Bead => {
    const en = b.english.map((k) => english[k]!);
    const ar = b.arabic.map((k) => arabic[k]!);
    const shape = englishSide === 'source' ? { source: en, target: ar } : { source: ar, target: en };
    return old.get(shapeKey(shape)) ?? { ...shape, flag: flagForShape(shape), score: b.score, status: 'auto' };
  });

  // The boilerplate beads back in document order: each goes before the first new bead that
  // comes after it on a side it has sentences on.
  const boilerplate = stretch.filter((b) => b.flag === 'boilerplate');
  const out: Bead[] = [];
  let next = 0;
  const precedes = (plate: Bead, bead: Bead) =>
    (plate.source.length > 0 && bead.source.length > 0 && plate.source[0]! < bead.source[0]!) ||
    (plate.target.length > 0 && bead.target.length > 0 && plate.target[0]! < bead.target[0]!);
  for (const bead of found) {
    while (next < boilerplate.length && precedes(boilerplate[next]!, bead)) out.push(boilerplate[next++]!);
    out.push(bead);
  }
  out.push(...boilerplate.slice(next));
  return out;
}

/**
 * The beads of the whole-text search that hold exactly the sentences of `stretch`, in order, or
 * null when some of them reach across the stretch's ends (into an anchor or beyond it).
 */
function fittingBeads(whole: readonly Bead[], stretch: readonly Bead[]): Bead[] | null {
  const inside = { source: new Set(stretch.flatMap((b) => b.source)), target: new Set(stretch.flatMap((b) => b.target)) };
  const out: Bead[] = [];
  for (const bead of whole) {
    const touching = bead.source.filter((i) => inside.source.has(i)).length + bead.target.filter((j) => inside.target.has(j)).length;
    if (touching === 0) continue;
    if (touching !== bead.source.length + bead.target.length) return null;
    out.push(bead);
  }
  return out;
}

/**
 * Every stretch of automatic beads realigned, with the confirmed and edited beads as fixed
 * anchors. With no anchor at all there is nothing to realign around: the beads come back as they
 * were (stretches 0), as they do when every bead is an anchor.
 *
 * A stretch searched alone is searched with less to go on than the whole text gives (the length
 * ratio, the document's evidence bar and the links self-training learns are all worked out over
 * what the strategy is shown), and on the bench that made stretches far from any correction worse.
 * So the whole text is searched once too, and a stretch whose sentences the whole-text beads hold
 * exactly takes those: the anchors do not cut that path, so it is also the best path through them
 * as far as the strategy can tell. Only the stretches an anchor cuts the path of are searched alone.
 */
export function realignUnconfirmed(alignment: Alignment, aligner: Aligner): RealignOutcome {
  const anchors = alignment.beads.filter(isAnchor).length;
  if (anchors === 0) return { beads: alignment.beads, anchors, stretches: 0 };
  const whole = realignStretch(alignment, alignment.beads, aligner);
  const beads: Bead[] = [];
  let stretch: Bead[] = [];
  let stretches = 0;
  const flush = () => {
    if (stretch.length === 0) return;
    const again = (whole && fittingBeads(whole, stretch)) ?? realignStretch(alignment, stretch, aligner);
    if (again) stretches++;
    beads.push(...(again ?? stretch));
    stretch = [];
  };
  for (const bead of alignment.beads) {
    if (isAnchor(bead)) {
      flush();
      beads.push(bead);
    } else stretch.push(bead);
  }
  flush();
  return { beads, anchors, stretches };
}
