/**
 * Lexical evidence for every sentence pair inside the search band. For the pair (i, j):
 *   en(i, j): weight of English sentence i's tokens that some token of Arabic sentence j can stand for;
 *   ar(i, j): weight of Arabic sentence j's tokens that stand for some token of English sentence i.
 * Rows are filled one at a time by stamping the English ids of row i into a flat array, so each
 * pair costs one pass over the Arabic tokens' candidate ids and no allocation — this is the hot
 * loop of the aligner. Many-sentence beads are counted exactly by `runCoverage`.
 */
import type { ArabicUnit, EnglishUnit } from './features.js';

export class CellTable {
  private readonly offsets: Int32Array;
  private readonly enMatch: Float32Array;
  private readonly arMatch: Float32Array;
  /** rowStamp[id] === stamp: the id occurs in the stamped English sentences. */
  private readonly rowStamp: Int32Array;
  /** hitStamp[id] === hit: the id was matched by the Arabic sentences of the current count. */
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
    this.hitStamp = new Int32Array(vocabularySize);
    this.offsets = new Int32Array(english.length + 1);
    for (let i = 0; i < english.length; i++) this.offsets[i + 1] = this.offsets[i]! + Math.max(0, colHi[i]! - colLo[i]!);
    this.enMatch = new Float32Array(this.offsets[english.length]!);
    this.arMatch = new Float32Array(this.offsets[english.length]!);
    for (let i = 0; i < english.length; i++) {
      this.stampRows(i, i + 1);
      for (let j = colLo[i]!; j < colHi[i]!; j++) {
        const k = this.offsets[i]! + j - colLo[i]!;
        const hit = ++this.hit;
        this.arMatch[k] = this.markArabic(j, hit);
        this.enMatch[k] = this.matchedEnglish(i, hit);
      }
    }
  }

  private stampRows(i0: number, i1: number): void {
    this.stamp++;
    for (let i = i0; i < i1; i++) for (const id of this.english[i]!.ids) this.rowStamp[id] = this.stamp;
  }

  /** Marks with `hit` the stamped English ids that Arabic sentence j can stand for; returns j's matched weight. */
  private markArabic(j: number, hit: number): number {
    const unit = this.arabic[j]!;
    let matchedWeight = 0;
    for (let k = 0; k < unit.weights.length; k++) {
      let matched = false;
      for (let t = unit.start[k]!; t < unit.start[k + 1]!; t++) {
        const id = unit.trans[t]!;
        if (this.rowStamp[id] !== this.stamp) continue;
        matched = true;
        this.hitStamp[id] = hit;
      }
      if (matched) matchedWeight += unit.weights[k]!;
    }
    return matchedWeight;
  }

  /** Weight of English sentence i's ids marked with `hit`. */
  private matchedEnglish(i: number, hit: number): number {
    const unit = this.english[i]!;
    let weight = 0;
    for (let k = 0; k < unit.ids.length; k++) if (this.hitStamp[unit.ids[k]!] === hit) weight += unit.weights[k]!;
    return weight;
  }

  /**
   * Exact coverage of a many-sentence bead, English sentences [i0, i1) with Arabic [j0, j1): for each
   * side, the sum over its sentences of the share of each one's weight matched anywhere on the other
   * side of the bead (a sentence without content weight counts `empty`). A word found in two
   * sentences of the other side counts once, unlike in a sum of pairs.
   */
  runCoverage(i0: number, i1: number, j0: number, j1: number, empty: number): [english: number, arabic: number] {
    this.stampRows(i0, i1);
    const hit = ++this.hit;
    let arabic = 0;
    let english = 0;
    for (let j = j0; j < j1; j++) {
      const total = this.arabic[j]!.total;
      const matched = this.markArabic(j, hit);
      arabic += total > 0 ? matched / total : empty;
    }
    for (let i = i0; i < i1; i++) {
      const total = this.english[i]!.total;
      english += total > 0 ? this.matchedEnglish(i, hit) / total : empty;
    }
    return [english, arabic];
  }

  private index(i: number, j: number): number {
    return j >= this.colLo[i]! && j < this.colHi[i]! ? this.offsets[i]! + j - this.colLo[i]! : -1;
  }

  /** Pairs outside the precomputed band are rare (band edges) and counted on the spot. */
  private outside(i: number, j: number): [english: number, arabic: number] {
    this.stampRows(i, i + 1);
    const hit = ++this.hit;
    const arabic = this.markArabic(j, hit);
    return [this.matchedEnglish(i, hit), arabic];
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
