/**
 * How much lexical evidence a document offers at all, and the bar a sentence pair must clear in
 * it. With a dictionary that knows the domain, true pairs share most of their words and the fixed
 * threshold sits far below them; in a text whose vocabulary the tables barely know (an old
 * translation, a technical field, damaged text), true pairs may share only a tenth of their weight,
 * and a fixed bar would split every one of them into one-sided beads. So the bar is set between two
 * figures the document itself gives: the similarity of sentences near the diagonal to their best
 * neighbour (what a translation pair looks like here) and of sentences far off it (what chance
 * looks like). A pair is "not a translation" when its evidence looks like chance, not merely when
 * it is thin. The bar never rises above the usual threshold, and never falls below a floor; and it
 * moves at all only where the diagonal clearly beats the best of as many candidates half a text
 * away, since reports of one event in two languages share names and topic words everywhere and
 * must stay unaligned (the comparable seeds are tested for it).
 */
import type { ArabicUnit, EnglishUnit } from '../score/features.js';

/** Neighbours either side of the diagonal searched for a sentence's best counterpart. */
const WINDOW = 3;
/** Sentences sampled, evenly spread, on long documents. */
const SAMPLE = 400;
/** The bar sits this far from chance towards a typical translation pair. */
const POSITION = 0.4;
/** Near-diagonal pairs must beat chance by this much before the document counts as a translation at all. */
const MIN_SEPARATION = 0.05;
/** Below this, chance matches (a shared number, a common word) would pair unrelated sentences. */
export const THRESHOLD_FLOOR = 0.08;

/**
 * The 1-1 bead similarity of English and Arabic units (the mean share of both sentences' weight
 * matched), by stamping ids into arrays over the vocabulary as cells.ts does: this runs for some
 * eight pairs a sentence, and a Map per pair cost more than the search it sets the bar for.
 */
class PairSimilarity {
  private readonly stamp: Int32Array;
  private readonly slot: Int32Array;
  private readonly hit: Int32Array;
  private current = 0;

  constructor(vocabularySize: number) {
    this.stamp = new Int32Array(vocabularySize);
    this.slot = new Int32Array(vocabularySize);
    this.hit = new Int32Array(vocabularySize);
  }

  of(en: EnglishUnit, ar: ArabicUnit): number {
    const s = ++this.current;
    en.ids.forEach((id, k) => {
      this.stamp[id] = s;
      this.slot[id] = k;
    });
    let arabicMatched = 0;
    let englishMatched = 0;
    for (let k = 0; k < ar.weights.length; k++) {
      let matched = false;
      for (let t = ar.start[k]!; t < ar.start[k + 1]!; t++) {
        const id = ar.trans[t]!;
        if (this.stamp[id] !== s) continue;
        matched = true;
        if (this.hit[id] !== s) {
          this.hit[id] = s;
          englishMatched += en.weights[this.slot[id]!]!;
        }
      }
      if (matched) arabicMatched += ar.weights[k]!;
    }
    const share = (matched: number, total: number) => (total > 0 ? Math.min(1, matched / total) : 0);
    return (share(englishMatched, en.total) + share(arabicMatched, ar.total)) / 2;
  }
}

const median = (values: number[]): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** The document's bar for a pair: `threshold` when evidence is plentiful, lower when it is thin. */
export function documentThreshold(en: readonly EnglishUnit[], ar: readonly ArabicUnit[], vocabularySize: number, threshold: number): number {
  const n = en.length;
  const m = ar.length;
  if (n < 4 || m < 4) return threshold;
  const similarity = new PairSimilarity(vocabularySize);
  const best: number[] = [];
  const chance: number[] = [];
  const topical: number[] = [];
  const step = Math.max(1, Math.floor(n / SAMPLE));
  /** Best similarity of English sentence i within WINDOW of Arabic sentence `centre`. */
  const bestAround = (i: number, centre: number): number => {
    let top = 0;
    for (let j = Math.max(0, centre - WINDOW); j <= Math.min(m - 1, centre + WINDOW); j++) top = Math.max(top, similarity.of(en[i]!, ar[j]!));
    return top;
  };
  for (let i = 0; i < n; i += step) {
    const diagonal = Math.round((i * m) / n);
    const across = (diagonal + Math.floor(m / 2)) % m;
    best.push(bestAround(i, diagonal));
    chance.push(similarity.of(en[i]!, ar[across]!));
    topical.push(bestAround(i, across));
  }
  const typical = median(best);
  const background = median(chance);
  // Is this a translation at all? Texts that merely share a topic (reports of one event) find words
  // in common anywhere: the best of as many candidates half a text away does as well as the
  // diagonal. Only where the diagonal clearly wins does thin evidence lower the bar.
  if (typical - median(topical) < MIN_SEPARATION) return threshold;
  return Math.min(threshold, Math.max(THRESHOLD_FLOOR, background + POSITION * (typical - background)));
}
