/** What every aligner strategy takes and gives: English and Arabic sentences in, index beads out. */
import type { Lexicon } from '../lexicon.js';

export interface StrategyInput {
  english: readonly string[];
  arabic: readonly string[];
  /** Whether each sentence opens a paragraph; null when the input has no paragraph structure (presplit). */
  englishParagraphStart: readonly boolean[] | null;
  arabicParagraphStart: readonly boolean[] | null;
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
  align(input: StrategyInput, lexicon: Lexicon): StrategyBead[];
}
