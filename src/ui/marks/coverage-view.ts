/**
 * The review's coverage: what `mizan coverage` finds inside aligned beads, worked out as the review
 * needs it. The document-wide part (coverageContext: every sentence tokenised) is made once per
 * segmentation — `coverageView` makes a new one only when a side's segments array is not the one
 * it was made for, so an edit that splits or joins sentences (a new array) is all it takes. Each
 * bead's coverage is asked for when it is needed and remembered by bead object (edits make new
 * beads, undo brings the old ones back); the word figures of the status bar are summed once and
 * then moved by the beads an edit replaced. No I/O, no React.
 */
import { beadCoverage, coverageContext, type CoverageContext } from '../../core/coverage.js';
import type { Evidence } from '../../core/evidence.js';
import { beadMarks, type SentenceMarks } from '../../core/marks.js';
import type { Alignment, Bead } from '../../core/types.js';

type Side = 'source' | 'target';
type Count = { matched: number; total: number };

export interface BeadMarkInfo {
  marks: SentenceMarks;
  /** An uncovered span or a differing value: what o / O stop at. */
  marked: boolean;
  content: Record<Side, Count>;
}

/** Content words of aligned beads that found a counterpart, per side (`mizan coverage`'s matched words). */
export type WordTotals = Record<Side, Count>;

const NONE: BeadMarkInfo = { marks: { source: new Map(), target: new Map() }, marked: false, content: { source: { matched: 0, total: 0 }, target: { matched: 0, total: 0 } } };

let versions = 0;

export class CoverageView {
  /** Differs between views, for caches of drawn rows. */
  readonly version = ++versions;
  private readonly memo = new WeakMap<Bead, BeadMarkInfo>();
  private counted: { beads: readonly Bead[]; totals: WordTotals } | null = null;

  constructor(private readonly context: CoverageContext) {}

  /** Whether this view was made for the segments of `alignment`. */
  fits(alignment: Alignment): boolean {
    return alignment.source.segments === this.context.alignment.source.segments && alignment.target.segments === this.context.alignment.target.segments;
  }

  /** The coverage of bead `b` of `alignment` (whose segments this view fits). */
  bead(alignment: Alignment, b: number): BeadMarkInfo {
    const bead = alignment.beads[b];
    if (!bead || bead.flag !== 'aligned') return NONE;
    const hit = this.memo.get(bead);
    if (hit) return hit;
    // beadCoverage reads the bead by number from the context's alignment: give it today's beads.
    const found = beadCoverage({ ...this.context, alignment }, b);
    const info: BeadMarkInfo = found
      ? { marks: beadMarks(found), marked: found.partial.length > 0 || found.discrepancies !== null, content: found.content }
      : NONE;
    this.memo.set(bead, info);
    return info;
  }

  /** Word figures over all beads: summed once, then updated by the beads that came and went. */
  totals(alignment: Alignment): WordTotals {
    const { beads } = alignment;
    if (this.counted?.beads === beads) return this.counted.totals;
    const totals: WordTotals = this.counted ? structuredClone(this.counted.totals) : { source: { matched: 0, total: 0 }, target: { matched: 0, total: 0 } };
    const add = (info: BeadMarkInfo, sign: 1 | -1) => {
      for (const side of ['source', 'target'] as const) {
        totals[side].matched += sign * info.content[side].matched;
        totals[side].total += sign * info.content[side].total;
      }
    };
    if (!this.counted) {
      beads.forEach((_, b) => add(this.bead(alignment, b), 1));
    } else {
      // An edit (or its undo) replaces one stretch of beads: what lies between the common start and
      // the common end of the two lists. Found by identity, with no sets of 10,000 beads to collect.
      const before = this.counted.beads;
      let start = 0;
      while (start < before.length && start < beads.length && before[start] === beads[start]) start++;
      let endBefore = before.length;
      let endNow = beads.length;
      while (endBefore > start && endNow > start && before[endBefore - 1] === beads[endNow - 1]) endBefore--, endNow--;
      for (let b = start; b < endBefore; b++) add(this.memo.get(before[b]!) ?? NONE, -1);
      for (let b = start; b < endNow; b++) add(this.bead(alignment, b), 1);
    }
    this.counted = { beads, totals };
    return totals;
  }

  /** Beads with marks, by number, in order. */
  markedBeads(alignment: Alignment): number[] {
    return alignment.beads.flatMap((_, b) => (this.bead(alignment, b).marked ? [b] : []));
  }
}

/**
 * The view for `alignment`'s segmentation: `previous` when it still fits, else a new one (the
 * tokenising of every sentence, some 0.6 s at 10,000 beads). The one call to make after any edit.
 */
export function coverageView(alignment: Alignment, evidence: Evidence, previous: CoverageView | null): CoverageView {
  if (previous?.fits(alignment)) return previous;
  return new CoverageView(coverageContext(alignment, evidence));
}
