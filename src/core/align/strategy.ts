/** What every aligner strategy takes and gives: English and Arabic sentences in, index beads out. */
import type { Evidence } from '../evidence.js';

export interface StrategyInput {
  english: readonly string[];
  arabic: readonly string[];
  /** Whether each sentence opens a paragraph; null when the input has no paragraph structure (presplit). */
  englishParagraphStart: readonly boolean[] | null;
  arabicParagraphStart: readonly boolean[] | null;
  /**
   * Whether a bead may not run on from sentence k into k + 1, because something kept out of the
   * alignment (boilerplate) lies between them in the text; null when nothing does.
   */
  englishBreakAfter: readonly boolean[] | null;
  arabicBreakAfter: readonly boolean[] | null;
}

/** Whether a run of sentences [from, to) crosses a break. */
export function crossesBreak(breakAfter: readonly boolean[] | null, from: number, to: number): boolean {
  if (!breakAfter) return false;
  for (let k = from; k < to - 1; k++) if (breakAfter[k]) return true;
  return false;
}

export interface StrategyBead {
  english: number[];
  arabic: number[];
  /** Confidence in [0, 1]. */
  score: number;
}

export interface Strategy {
  name: string;
  /** A short signature of the strategy and its settings, saved with every result. */
  signature: string;
  align(input: StrategyInput, evidence: Evidence): StrategyBead[];
}
