/**
 * The figures a reviewer watches while working: beads by flag and by status, and how many
 * sentences of each side the other version covers. Boilerplate is neither side's content, so it
 * is left out of the coverage ratios. Linear in the beads, cheap enough to recompute per key press.
 */
import type { Bead, Flag, Status } from './types.js';

/** Below this an aligned bead is worth a second look: it is drawn in red and the review can jump to it. */
export const LOW_CONFIDENCE = 0.6;

export const isLowConfidence = (bead: Bead): boolean => bead.flag === 'aligned' && bead.score < LOW_CONFIDENCE;

/**
 * Flagged: sentences only one version has, what a translator is looking for. Boilerplate is flagged
 * in the file too, but it is site chrome, drawn grey, and stepping through it would bury the rest.
 */
export const isFlagged = (bead: Bead): boolean => bead.flag === 'source-only' || bead.flag === 'target-only';

/** What a reviewer should look at: one-sided beads and pairs the aligner was unsure of. */
export const needsAttention = (bead: Bead): boolean => isFlagged(bead) || isLowConfidence(bead);

export interface ReviewStats {
  flags: Record<Flag, number>;
  statuses: Record<Status, number>;
  /** Content sentences of the side that are in an aligned bead, over the side's content sentences. */
  sourceCoverage: { covered: number; total: number };
  targetCoverage: { covered: number; total: number };
}

export function reviewStats(beads: readonly Bead[]): ReviewStats {
  const stats: ReviewStats = {
    flags: { aligned: 0, 'source-only': 0, 'target-only': 0, boilerplate: 0 },
    statuses: { auto: 0, confirmed: 0, edited: 0 },
    sourceCoverage: { covered: 0, total: 0 },
    targetCoverage: { covered: 0, total: 0 },
  };
  for (const bead of beads) {
    stats.flags[bead.flag]++;
    stats.statuses[bead.status]++;
    if (bead.flag === 'boilerplate') continue;
    stats.sourceCoverage.total += bead.source.length;
    stats.targetCoverage.total += bead.target.length;
    if (bead.flag === 'aligned') {
      stats.sourceCoverage.covered += bead.source.length;
      stats.targetCoverage.covered += bead.target.length;
    }
  }
  return stats;
}

/** A ratio as a whole percentage; an empty side is fully covered (nothing of it is missing). */
export function percent({ covered, total }: { covered: number; total: number }): number {
  return total === 0 ? 100 : Math.floor((100 * covered) / total);
}
