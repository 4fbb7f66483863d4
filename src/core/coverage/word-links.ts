/**
 * A word aligner for one aligned bead, made for coverage: which content words of one side have a
 * counterpart on the other, and, for those that have none, what the other side has in the same
 * place. The second question helps tell a dropped clause from a paraphrase: a clause one version
 * added sits between two linked words whose counterparts are next to each other, while words the
 * tables cannot link because the translator rephrased them face other unlinkable words.
 *
 * 1. Lexical links: an English and an Arabic word are linked when they share an id (score/cells.ts's
 *    test): a dictionary or model translation, a name the transliteration model confirms, a number or
 *    date value, or the same Latin word. One word may have several candidates ("said" twice).
 * 2. Anchors: the longest chain of links that is monotone on both sides (a longest increasing
 *    subsequence over the links ordered by the English position). Translation reorders words inside
 *    a phrase, not clauses across a sentence, so the chain keeps the links that place clauses and
 *    drops the stray ones of repeated or ambiguous words. A word counts as linked whether or not its
 *    link is on the chain: asking that it land between the anchors around it was measured, and
 *    bought nothing on the bench's tune part.
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
  /** Whether content word i of each side has a lexical counterpart anywhere in the bead. */
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
  return { linkedEn, linkedAr, anchors };
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
  /** First and last position of the run: consecutive unlinked content words. */
  from: number;
  to: number;
  /** Unlinked content words in the run (to - from + 1). */
  unlinked: number;
  /** Content words of the other side between the counterparts of the anchors around the run. */
  opposite: number;
  /** How many of those are unlinked too: what a rephrasing would leave. */
  oppositeUnlinked: number;
}

/**
 * The runs of unlinked words of one side and what faces them. `mine` says which words of this side
 * are linked; `anchors` pairs this side's positions (first) with the other side's (second).
 * A run stops at the first linked word: an added clause one of whose words finds a partner comes
 * out as two runs, each judged on its own. Joining runs across a linked word was measured and
 * lost: on the bench's tune part it glued the lexicon gaps of a sentence into one span, and at a
 * clause recall of about 0.78 word precision was 0.44 with joining against 0.72 without.
 */
export function unlinkedRuns(mine: readonly boolean[], theirs: readonly boolean[], anchors: ReadonlyArray<readonly [number, number]>): UnlinkedRun[] {
  const positions = anchors.map((a) => a[0]);
  const runs: UnlinkedRun[] = [];
  for (let from = 0; from < mine.length; from++) {
    if (mine[from]) continue;
    let to = from;
    while (to + 1 < mine.length && !mine[to + 1]) to++;
    const a = firstAtLeast(positions, from); // anchors[a - 1] is the last before the run
    const c = firstAtLeast(positions, to + 1); // anchors[c] is the first after it
    const before = a > 0 ? anchors[a - 1]![1] : -1;
    const after = c < anchors.length ? anchors[c]![1] : theirs.length;
    let oppositeUnlinked = 0;
    for (let j = Math.max(0, before + 1); j < Math.min(after, theirs.length); j++) if (!theirs[j]) oppositeUnlinked++;
    runs.push({ from, to, unlinked: to - from + 1, opposite: Math.max(0, after - before - 1), oppositeUnlinked });
    from = to;
  }
  return runs;
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
