/**
 * Colours of the review UI as pure functions of a bead (the @inkjs/ui theme pattern), so the list,
 * the status bar and the help screen agree. Names are Ink's (chalk) colour names.
 */
import { isLowConfidence } from '../core/review-stats.js';
import type { MarkKind } from '../core/marks.js';
import type { Bead, Flag, Status } from '../core/types.js';

export const FLAG_COLOR: Record<Flag, string> = {
  aligned: 'green',
  'source-only': 'yellow',
  'target-only': 'yellow',
  boilerplate: 'gray',
};

export const STATUS_COLOR: Record<Status, string> = { auto: 'white', confirmed: 'cyan', edited: 'magenta' };

/** Low confidence in red; a one-sided bead's score says how sure the aligner is that nothing matches. */
export function scoreColor(bead: Bead): string {
  if (bead.flag === 'boilerplate') return 'gray';
  return isLowConfidence(bead) ? 'red' : 'white';
}

export const CURSOR_MARK = '▌';
export const MATCH_COLOR = 'blueBright';
export const ERROR_COLOR = 'red';
export const DIM = 'gray';

/**
 * Coverage marks inside aligned beads (core/marks.ts), as the HTML export colours them: words with no
 * counterpart on yellow, a differing number, date or name on red. Without colour they are bracketed
 * instead (MARK_BRACKETS), so they survive NO_COLOR and a monochrome terminal.
 */
export const MARK_STYLE: Record<MarkKind, { backgroundColor: string; color: string; bold?: boolean }> = {
  gap: { backgroundColor: 'yellow', color: 'black' },
  diff: { backgroundColor: 'red', color: 'white', bold: true },
};
