/**
 * Lexical evidence for every sentence pair inside the search band. For the pair (i, j):
 *   en(i, j): weight of English sentence i's tokens that some token of Arabic sentence j can stand for;
 *   ar(i, j): weight of Arabic sentence j's tokens that stand for some token of English sentence i.
 * A bead over several sentences adds these up (see bead-score.ts). Rows are filled one at a time by
 * stamping the English ids of row i into flat arrays, so each pair costs one pass over the Arabic
 * tokens' candidate ids and no allocation — this is the hot loop of the aligner.
 */
import type { ArabicUnit, EnglishUnit } from './features.js';

export class CellTable {
  private readonly offsets: Int32Array;
  private readonly enMatch: Float32Array;
  private readonly arMatch: Float32Array;
  private readonly rowStamp: Int32Array;
  private readonly rowWeight: Float64Array;
  private readonly hitStamp: Int32Array;
  private stamp = 0;
  private hit = 0;

  /** colLo/colHi: for each English sentence i, the Arabic sentences [colLo[i], colHi[i]) to precompute. */
  constructor(
    private readonly english: readonly EnglishUnit[],
    private readonly arabic: readonly ArabicUnit[],
    vocabularySize: number,
    private readonly colLo: Int32Array,
    private readonly colHi: Int32Array,
  ) {
    this.rowStamp = new Int32Array(vocabularySize);
    this.rowWeight = new Float64Array(vocabularySize);
    this.hitStamp = new Int32Array(vocabularySize);
    this.offsets = new Int32Array(english.length + 1);
    for (let i = 0; i < english.length; i++) this.offsets[i + 1] = this.offsets[i]! + Math.max(0, colHi[i]! - colLo[i]!);
    this.enMatch = new Float32Array(this.offsets[english.length]!);
    this.arMatch = new Float32Array(this.offsets[english.length]!);
    for (let i = 0; i < english.length; i++) {
      this.stampRow(i);
      for (let j = colLo[i]!; j < colHi[i]!; j++) {
        const k = this.offsets[i]! + j - colLo[i]!;
        this.enMatch[k] = this.computePair(j);
        this.arMatch[k] = this.lastArabic;
      }
    }
  }

  private lastArabic = 0;

  /** Marks the English ids of sentences [i0, i1) with their summed weights. */
  private stampRow(i0: number, i1 = i0 + 1): void {
    this.stamp++;
    for (let i = i0; i < i1; i++) {
      const unit = this.english[i]!;
      for (let k = 0; k < unit.ids.length; k++) {
        const id = unit.ids[k]!;
        if (this.rowStamp[id] !== this.stamp) {
          this.rowStamp[id] = this.stamp;
          this.rowWeight[id] = 0;
        }
        this.rowWeight[id] = this.rowWeight[id]! + unit.weights[k]!;
      }
    }
  }

  /** Returns the English weight of the stamped row matched by Arabic sentence j, and leaves j's matched weight in lastArabic. */
  private computePair(j: number): number {
    const hit = ++this.hit;
    const unit = this.arabic[j]!;
    let enWeight = 0;
    let arWeight = 0;
    for (let k = 0; k < unit.weights.length; k++) {
      let matched = false;
      for (let t = unit.start[k]!; t < unit.start[k + 1]!; t++) {
        const id = unit.trans[t]!;
        if (this.rowStamp[id] !== this.stamp) continue;
        matched = true;
        if (this.hitStamp[id] !== hit) {
          this.hitStamp[id] = hit;
          enWeight += this.rowWeight[id]!;
        }
      }
      if (matched) arWeight += unit.weights[k]!;
    }
    this.lastArabic = arWeight;
    return enWeight;
  }

  /**
   * Exact coverage of a many-sentence bead, English sentences [i0, i1) with Arabic [j0, j1): for each
   * side, the sum over its sentences of the share of each one's weight matched anywhere on the other
   * side of the bead (a sentence without content weight counts `empty`). A word found in two sentences of the
   * other side counts once, unlike in a sum of pairs.
   */
  runCoverage(i0: number, i1: number, j0: number, j1: number, empty: number): [english: number, arabic: number] {
    this.stampRow(i0, i1);
    const hit = ++this.hit;
    let arabic = 0;
    let english = 0;
    for (let j = j0; j < j1; j++) {
      const unit = this.arabic[j]!;
      let arWeight = 0;
      for (let k = 0; k < unit.weights.length; k++) {
        let matched = false;
        for (let t = unit.start[k]!; t < unit.start[k + 1]!; t++) {
          const id = unit.trans[t]!;
          if (this.rowStamp[id] !== this.stamp) continue;
          matched = true;
          this.hitStamp[id] = hit;
        }
        if (matched) arWeight += unit.weights[k]!;
      }
      arabic += unit.total > 0 ? arWeight / unit.total : empty;
    }
    for (let i = i0; i < i1; i++) {
      const unit = this.english[i]!;
      let enWeight = 0;
      for (let k = 0; k < unit.ids.length; k++) if (this.hitStamp[unit.ids[k]!] === hit) enWeight += unit.weights[k]!;
      english += unit.total > 0 ? enWeight / unit.total : empty;
    }
    return [english, arabic];
  }

  private index(i: number, j: number): number {
    return j >= this.colLo[i]! && j < this.colHi[i]! ? this.offsets[i]! + j - this.colLo[i]! : -1;
  }

  /** Pairs outside the precomputed band are rare (band edges) and computed on the spot. */
  private outside(i: number, j: number): [number, number] {
    this.stampRow(i);
    const en = this.computePair(j);
    return [en, this.lastArabic];
  }

  en(i: number, j: number): number {
    const k = this.index(i, j);
    return k >= 0 ? this.enMatch[k]! : this.outside(i, j)[0];
  }

  ar(i: number, j: number): number {
    const k = this.index(i, j);
    return k >= 0 ? this.arMatch[k]! : this.outside(i, j)[1];
  }
}
