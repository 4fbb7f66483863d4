/**
 * Which beads an export carries. Boilerplate never: it is not part of either text. One-sided
 * beads only on request: a translation memory wants pairs, a corpus builder may want to see gaps.
 * `confirmedOnly` keeps what a person has confirmed or edited in review.
 */
import type { Alignment, Bead } from '../core/types.js';

export interface ExportOptions {
  confirmedOnly: boolean;
  includeOneSided: boolean;
}

export function exportedBeads(alignment: Alignment, options: ExportOptions): Bead[] {
  return alignment.beads.filter((bead) => {
    if (bead.flag === 'boilerplate') return false;
    if (bead.flag !== 'aligned' && !options.includeOneSided) return false;
    return !options.confirmedOnly || bead.status !== 'auto';
  });
}

/** The alignment with only the exported beads, for converters that take a whole Alignment. */
export function exportedAlignment(alignment: Alignment, options: ExportOptions): Alignment {
  return { ...alignment, beads: exportedBeads(alignment, options) };
}

/** A side of a bead as one line of text. */
export function sideText(alignment: Alignment, bead: Bead, side: 'source' | 'target'): string {
  return bead[side].map((k) => alignment[side].segments[k]!.text).join(' ');
}
