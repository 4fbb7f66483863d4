/**
 * The score of a candidate bead. A sentence's coverage is the share of its content weight that
 * finds a counterpart on the other side of the bead; the bead's similarity is the mean coverage of
 * its sentences. Averaging per sentence (rather than pooling the words of
 * the bead, as a Dice score would) makes every sentence earn its place: an unrelated sentence
 * riding along with a well-matched neighbour halves its side's mean. The gain in the search is
 *   (sentences in the bead) × (similarity − threshold) − shape penalty − length cost + paragraph bonus,
 * and a one-sided bead gains 0, so sentences present in one version alone come out one-sided.
 * Matches are counted over the whole bead, so a word found in two sentences counts once.
 */
import type { CellTable } from './cells.js';
import type { ArabicUnit, EnglishUnit } from './features.js';
import { crossesBreak } from '../align/strategy.js';
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
  /** Cost of starting a run of aligned beads (see dp.ts). */
  entryCost: number;
  /** Gain for a 1-1 bead that continues a run (see dp.ts). */
  followBonus: number;
}

const EMPTY_MARGIN = 0.05;

/** Bead shapes go up to 3 sentences a side: penalties live in a flat table indexed di * 4 + dj. */
function penaltyTable(shapePenalty: Readonly<Record<string, number>>): Float64Array {
  const table = new Float64Array(16);
  for (const [shape, penalty] of Object.entries(shapePenalty)) {
    const [di, dj] = shape.split('-').map(Number) as [number, number];
    table[di * 4 + dj] = penalty;
  }
  return table;
}

export class BeadScorer {
  private readonly penalties: Float64Array;

  constructor(
    private readonly en: readonly EnglishUnit[],
    private readonly ar: readonly ArabicUnit[],
    private readonly cells: CellTable,
    private readonly params: ScoreParams,
    private readonly ratio: number,
    private readonly enParagraphStart: readonly boolean[] | null,
    private readonly arParagraphStart: readonly boolean[] | null,
    private readonly enBreakAfter: readonly boolean[] | null = null,
    private readonly arBreakAfter: readonly boolean[] | null = null,
  ) {
    this.penalties = penaltyTable(params.shapePenalty);
  }

  /**
   * Share of a sentence's weight that is matched. A sentence of function words only ("So where are
   * they?" / "فأين هم؟") has no lexical evidence either way: it scores a little above the threshold,
   * so that two such sentences pair when their lengths agree and stay apart when they do not.
   */
  private get emptyShare(): number {
    return this.params.threshold + EMPTY_MARGIN;
  }

  private share(matched: number, total: number): number {
    return total > 0 ? Math.min(1, matched / total) : this.emptyShare;
  }

  /**
   * How well English sentences [i0, i1) and Arabic sentences [j0, j1) cover each other: the mean,
   * over the bead's sentences, of the share of each sentence's weight with a counterpart in the bead.
   * (A harmonic mean of the two sides' coverage was tried and scored lower on the dev sets.)
   */
  similarity(i0: number, i1: number, j0: number, j1: number): number {
    let english: number;
    let arabic: number;
    if (i1 - i0 === 1 && j1 - j0 === 1) {
      english = this.share(this.cells.en(i0, j0), this.en[i0]!.total);
      arabic = this.share(this.cells.ar(i0, j0), this.ar[j0]!.total);
    } else {
      [english, arabic] = this.cells.runCoverage(i0, i1, j0, j1, this.emptyShare);
    }
    return (english + arabic) / (i1 - i0 + j1 - j0);
  }

  /**
   * An upper bound of similarity() from the precomputed pairs alone: each sentence's pair matches
   * summed and capped at its own weight. Lets the search skip the exact count for beads that
   * cannot win (branch and bound; the result is the same as without it).
   */
  similarityBound(i0: number, i1: number, j0: number, j1: number): number {
    let english = 0;
    let arabic = 0;
    for (let i = i0; i < i1; i++) {
      let sum = 0;
      for (let j = j0; j < j1; j++) sum += this.cells.en(i, j);
      english += this.share(sum, this.en[i]!.total);
    }
    for (let j = j0; j < j1; j++) {
      let sum = 0;
      for (let i = i0; i < i1; i++) sum += this.cells.ar(i, j);
      arabic += this.share(sum, this.ar[j]!.total);
    }
    return (english + arabic) / (i1 - i0 + j1 - j0);
  }

  lengthCost(i0: number, i1: number, j0: number, j1: number): number {
    let enChars = 0;
    let arChars = 0;
    for (let i = i0; i < i1; i++) enChars += this.en[i]!.chars;
    for (let j = j0; j < j1; j++) arChars += this.ar[j]!.chars;
    return lengthCost(enChars, arChars, this.ratio);
  }

  private gainWith(similarity: number, i: number, j: number, di: number, dj: number): number {
    const { threshold, lengthWeight, paragraphBonus } = this.params;
    let gain = (di + dj) * (similarity - threshold) - this.penalties[di * 4 + dj]!;
    gain -= lengthWeight * this.lengthCost(i - di, i, j - dj, j);
    if (this.enParagraphStart?.[i - di] && this.arParagraphStart?.[j - dj]) gain += paragraphBonus;
    return gain;
  }

  /** Whether the bead would join sentences that boilerplate separates in the text. */
  private crosses(i: number, j: number, di: number, dj: number): boolean {
    return (di > 1 && crossesBreak(this.enBreakAfter, i - di, i)) || (dj > 1 && crossesBreak(this.arBreakAfter, j - dj, j));
  }

  /** Gain of the bead ending at boundary (i, j) that takes di English and dj Arabic sentences. */
  gain = (i: number, j: number, di: number, dj: number): number => {
    if (di === 0 || dj === 0) return 0;
    if (this.crosses(i, j, di, dj)) return -Infinity;
    return this.gainWith(this.similarity(i - di, i, j - dj, j), i, j, di, dj);
  };

  /** An upper bound of gain(), cheap for many-sentence beads. */
  gainBound = (i: number, j: number, di: number, dj: number): number => {
    if (di === 0 || dj === 0) return 0;
    if (di === 1 && dj === 1) return this.gain(i, j, di, dj);
    if (this.crosses(i, j, di, dj)) return -Infinity;
    return this.gainWith(this.similarityBound(i - di, i, j - dj, j), i, j, di, dj);
  };
}
