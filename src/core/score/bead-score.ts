/**
 * The score of a candidate bead. Its similarity is the share of content weight, on both sides
 * together, that finds a counterpart on the other side — a Dice coefficient over weighted tokens.
 * For a bead of several sentences, each sentence's matched weight is the sum of its pairwise
 * matches capped at its own total, so a token cannot count twice. A bead's gain in the search is
 *   (sentences in the bead) × (similarity − threshold) − shape penalty − length cost + paragraph bonus,
 * and a one-sided bead gains 0: a sentence joins a bead only when the evidence beats the threshold,
 * which is what lets sentences present in one version alone come out as one-sided.
 */
import type { CellTable } from './cells.js';
import type { ArabicUnit, EnglishUnit } from './features.js';
import { lengthCost } from './length.js';

export interface ScoreParams {
  /** Similarity a bead must exceed, per sentence, to beat leaving its sentences one-sided. */
  threshold: number;
  /** Penalty per bead shape beyond 1-1, keyed "di-dj". */
  shapePenalty: Readonly<Record<string, number>>;
  /** Weight of the Gale–Church length cost. */
  lengthWeight: number;
  /** Gain for a bead that opens a paragraph on both sides. */
  paragraphBonus: number;
}

export class BeadScorer {
  constructor(
    private readonly en: readonly EnglishUnit[],
    private readonly ar: readonly ArabicUnit[],
    private readonly cells: CellTable,
    private readonly params: ScoreParams,
    private readonly ratio: number,
    private readonly enParagraphStart: readonly boolean[] | null,
    private readonly arParagraphStart: readonly boolean[] | null,
  ) {}

  /** Similarity of English sentences [i0, i1) with Arabic sentences [j0, j1). */
  similarity(i0: number, i1: number, j0: number, j1: number): number {
    let matched = 0;
    let total = 0;
    for (let i = i0; i < i1; i++) {
      const own = this.en[i]!.total;
      let sum = 0;
      for (let j = j0; j < j1; j++) sum += this.cells.en(i, j);
      matched += Math.min(own, sum);
      total += own;
    }
    for (let j = j0; j < j1; j++) {
      const own = this.ar[j]!.total;
      let sum = 0;
      for (let i = i0; i < i1; i++) sum += this.cells.ar(i, j);
      matched += Math.min(own, sum);
      total += own;
    }
    return total > 0 ? matched / total : 0;
  }

  lengthCost(i0: number, i1: number, j0: number, j1: number): number {
    let enChars = 0;
    let arChars = 0;
    for (let i = i0; i < i1; i++) enChars += this.en[i]!.chars;
    for (let j = j0; j < j1; j++) arChars += this.ar[j]!.chars;
    return lengthCost(enChars, arChars, this.ratio);
  }

  /** Gain of the bead ending at boundary (i, j) that takes di English and dj Arabic sentences. */
  gain = (i: number, j: number, di: number, dj: number): number => {
    if (di === 0 || dj === 0) return 0;
    const { threshold, shapePenalty, lengthWeight, paragraphBonus } = this.params;
    const sim = this.similarity(i - di, i, j - dj, j);
    let gain = (di + dj) * (sim - threshold) - (shapePenalty[`${di}-${dj}`] ?? 0);
    gain -= lengthWeight * this.lengthCost(i - di, i, j - dj, j);
    if (this.enParagraphStart?.[i - di] && this.arParagraphStart?.[j - dj]) gain += paragraphBonus;
    return gain;
  };
}
