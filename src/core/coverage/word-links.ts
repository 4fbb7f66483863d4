/**
 * A word aligner for one aligned bead, made for coverage: which content words of one side have a
 * counterpart on the other, and, for those that have none, what the other side has in the same
 * place. The second question is what separates a dropped clause from a paraphrase: a clause one
 * version added sits between two linked words whose counterparts are next to each other, while
 * words the tables cannot link because the translator rephrased them face other unlinkable words.
 *
 * 1. Lexical links: an English and an Arabic word are linked when they share an id (score/cells.ts's
 *    test): a dictionary or model translation, a name the transliteration model confirms, a number or
 *    date value, or the same Latin word. One word may have several candidates ("said" twice).
 * 2. Anchors: the longest chain of links that is monotone on both sides (a longest increasing
 *    subsequence over the links ordered by the English position). Translation reorders words inside
 *    a phrase, not clauses across a sentence, so the chain keeps the links that place clauses and
 *    drops the stray ones of repeated or ambiguous words.
 * 3. Opposite gap: for a run of unlinked words, the stretch of the other side between the
 *    counterparts of the anchors before and after the run (the sentence edges when there is none),
 *    and how many of its content words are unlinked too. This is grow-diag's idea (an unaligned word
 *    next to an unaligned word across links to it) applied to whole runs.
 */
import type { Word } from '../score/word-evidence.js';

/** The content words of one side of a bead, all its sentences in order, with where each is. */
export interface BeadSide {
  words: Word[];
  /** For each word, the 0-based sentence within the bead's side and the word's index there. */
  sentence: number[];
  index: number[];
}

export interface BeadLinks {
  /** Whether content word i of each side has a lexical counterpart where the anchors place it (`placed`). */
  linkedEn: boolean[];
  linkedAr: boolean[];
  /** The monotone anchor chain, as (English position, Arabic position), both increasing. */
  anchors: Array<[number, number]>;
}

/** The content words (the tokenizer kept them: `key !== null`) of a bead side's sentences. */
export function beadSide(sentences: readonly (readonly Word[])[]): BeadSide {
  const side: BeadSide = { words: [], sentence: [], index: [] };
  sentences.forEach((words, s) =>
    words.forEach((word, i) => {
      if (word.key === null) return;
      side.words.push(word);
      side.sentence.push(s);
      side.index.push(i);
    }),
  );
  return side;
}

/** Links and anchors between the content words of the two sides of one bead. */
export function linkBead(en: BeadSide, ar: BeadSide): BeadLinks {
  const positions = new Map<number, number[]>();
  ar.words.forEach((word, j) => {
    for (const id of word.ids) {
      const list = positions.get(id);
      if (list) list.push(j);
      else positions.set(id, [j]);
    }
  });
  const linkedEn = new Array<boolean>(en.words.length).fill(false);
  const linkedAr = new Array<boolean>(ar.words.length).fill(false);
  const links: Array<[number, number]> = [];
  en.words.forEach((word, i) => {
    const seen = new Set<number>();
    for (const id of word.ids) {
      for (const j of positions.get(id) ?? []) {
        if (seen.has(j)) continue;
        seen.add(j);
        links.push([i, j]);
        linkedEn[i] = true;
        linkedAr[j] = true;
      }
    }
  });
  const anchors = longestMonotoneChain(links);
  return { linkedEn: placed(links, anchors, en.words.length, 0), linkedAr: placed(links, anchors, ar.words.length, 1), anchors };
}

/**
 * Which words of one side (`side` 0 English, 1 Arabic) have a link that lands where the anchors
 * say their counterpart must be: strictly between the counterparts of the anchors before and after
 * the word (a word on the chain is placed by definition). A clause one version added often holds a
 * common word ("said", "government") whose translation the other sentence has elsewhere, for its
 * own word; that link crosses the chain, and counting it would cut the clause into pieces.
 * `SLACK` anchors either side are skipped, so that a word reordered past one anchor in its phrase
 * still counts.
 */
const SLACK = 1;
function placed(links: ReadonlyArray<readonly [number, number]>, anchors: ReadonlyArray<readonly [number, number]>, length: number, side: 0 | 1): boolean[] {
  const other = side === 0 ? 1 : 0;
  const out = new Array<boolean>(length).fill(false);
  const chain = side === 0 ? anchors : anchors.map((a) => [a[1], a[0]] as const).sort((a, b) => a[0] - b[0]);
  const positions = chain.map((a) => a[0]);
  for (const link of links) {
    const i = link[side];
    if (out[i]) continue;
    // The anchors around i: the last at or before it and the first at or after it.
    let lo = 0;
    let hi = positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (positions[mid]! < i) lo = mid + 1;
      else hi = mid;
    }
    const on = lo < chain.length && chain[lo]![0] === i ? 1 : 0;
    const before = lo - 1 - SLACK >= 0 ? chain[lo - 1 - SLACK]![1] : -1;
    const after = lo + on + SLACK < chain.length ? chain[lo + on + SLACK]![1] : Infinity;
    if (link[other] > before && link[other] < after) out[i] = true;
  }
  return out;
}

/**
 * The longest chain of links increasing on both sides. Links come ordered by English position; within
 * one English word the Arabic candidates are visited in decreasing order so that one word never
 * anchors twice (the patience-sort form of the longest strictly increasing subsequence, O(L log L)).
 */
export function longestMonotoneChain(links: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const order = [...links].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const tails: number[] = []; // tails[k]: index in `order` of the smallest Arabic end of a chain of length k + 1
  const previous = new Array<number>(order.length).fill(-1);
  order.forEach(([, j], n) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order[tails[mid]!]![1] < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[n] = tails[lo - 1]!;
    tails[lo] = n;
  });
  const chain: Array<[number, number]> = [];
  for (let n = tails.length > 0 ? tails[tails.length - 1]! : -1; n >= 0; n = previous[n]!) chain.push([order[n]![0], order[n]![1]]);
  return chain.reverse();
}

/** A maximal run of unlinked content words of one side, positions `from`..`to` inclusive. */
export interface UnlinkedRun {
  /** First and last position of the run; both unlinked, words in between may be linked (`stray`). */
  from: number;
  to: number;
  /** Unlinked content words in the run. */
  unlinked: number;
  /** Linked words inside the run: a common word of an added clause that found a partner anyway. */
  stray: number;
  /** Content words of the other side between the counterparts of the anchors around the run. */
  opposite: number;
  /** How many of those are unlinked too: what a rephrasing would leave. */
  oppositeUnlinked: number;
}

/**
 * Two runs of unlinked words with `MERGE_GAP`·g or more words each, g linked words apart, are one
 * run: an added clause of eight words keeps its shape when one of them ("year", "said") finds a
 * partner, while two lone gaps of the tables one word apart stay apart.
 */
const MERGE_GAP = 1;

/**
 * The runs of unlinked words of one side and what faces them. `mine` says which words of this side
 * are linked; `anchors` pairs this side's positions (first) with the other side's (second).
 */
export function unlinkedRuns(mine: readonly boolean[], theirs: readonly boolean[], anchors: ReadonlyArray<readonly [number, number]>): UnlinkedRun[] {
  const plain: Array<{ from: number; to: number; unlinked: number }> = [];
  for (let i = 0; i < mine.length; i++) {
    if (mine[i]) continue;
    let to = i;
    while (to + 1 < mine.length && !mine[to + 1]) to++;
    plain.push({ from: i, to, unlinked: to - i + 1 });
    i = to;
  }
  for (let merged = true; merged; ) {
    merged = false;
    for (let r = 0; r + 1 < plain.length; r++) {
      const a = plain[r]!;
      const b = plain[r + 1]!;
      const gap = b.from - a.to - 1;
      if (Math.min(a.unlinked, b.unlinked) >= MERGE_GAP * gap) {
        plain.splice(r, 2, { from: a.from, to: b.to, unlinked: a.unlinked + b.unlinked });
        merged = true;
      }
    }
  }
  const positions = anchors.map((a) => a[0]);
  return plain.map(({ from, to, unlinked }) => {
    const a = firstAtLeast(positions, from); // anchors[a - 1] is the last before the run
    const c = firstAtLeast(positions, to + 1); // anchors[c] is the first after it
    const before = a - 1 >= 0 ? anchors[a - 1]![1] : -1;
    const after = c < anchors.length ? anchors[c]![1] : theirs.length;
    let oppositeUnlinked = 0;
    for (let j = Math.max(0, before + 1); j < Math.min(after, theirs.length); j++) if (!theirs[j]) oppositeUnlinked++;
    return { from, to, unlinked, stray: to - from + 1 - unlinked, opposite: Math.max(0, after - before - 1), oppositeUnlinked };
  });
}

/** The first index of sorted `values` holding a value ≥ `x` (values.length when none does). */
function firstAtLeast(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
