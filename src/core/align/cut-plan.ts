/**
 * Where to cut a long segment that an automatic bead links to several sentences of the other side
 * (guided-split.ts says why): from the word links between the segment and those sentences, which
 * gaps of the segment (split-points.ts) separate them, and whether clearly enough. Pure.
 */
import { beadSide } from '../coverage/word-links.js';
import type { Word } from '../score/word-evidence.js';
import type { Lang } from '../types.js';
import { type GapKind, type SplitPoint, splitPoints } from './split-points.js';

export interface GuidedSplitParams {
  /** Link weight each piece needs with its own sentence, when every cut is at a marked gap / when one is bare. */
  minOwnStrong: number;
  minOwnBare: number;
  /** The largest share of the bead's link weight that may fall on the wrong side of the cuts. */
  maxWrongShare: number;
  /** Most sentences on the short side (a 1-3 bead is split in three). */
  maxParts: number;
  /** Whose segments may be split: Arabic is where sentence ends go unmarked. */
  langs: readonly Lang[];
  /**
   * A 1-1 bead's long segment that runs on into a sentence the other side lacks: content words the
   * unmatched piece needs, the link weight it may still hold (a stray common word), and the weight
   * the matched piece needs. Infinity for orphanMinWords turns this off.
   */
  orphanMinWords: number;
  orphanMaxWeight: number;
  orphanMinOwn: number;
  /** Tie-breaks, worth less than one link: per unit of length-share mismatch, and for a marked gap. */
  tieLength: number;
  tieStrong: number;
  /** Length share by characters or by content words. */
  shareBy: 'chars' | 'words';
}

/**
 * Chosen on nostop-raw-tune with `node dist/bench/raw-links.js` (link F1; and Arabic segments that
 * end inside a gold sentence, the needless cuts link F1 cannot see, on iwslt-raw-tune): unsplit
 * 0.843 (96 cuts); 1-2/1-3 only, own ≥ 1 / ≥ 2 at a marked / bare gap, wrong ≤ 0.3: 0.929; with the
 * recursive look inside pieces, 2-2/2-3 beads and one-sided tails (orphan ≥ 8 words, kept piece ≥ 4,
 * nothing crossing): 0.946 (136); wrong ≤ 0.4: 0.949 (137); own ≥ 1 at a bare gap too: 0.954 (150).
 * The last was not taken: one stray link is not "clear", and it cut more where no sentence ends.
 * Not cutting to follow an English cut at an ellipsis (guided-split.ts FIRM_END): 0.946 (137).
 * Tie-breaks: length share by content words put 55 of 139 cuts on the gold word gap against 48 by
 * characters (bench/guided-diag.ts); the tie weights do not matter there (0.05 to 0.6 the same).
 */
export const GUIDED_SPLIT: GuidedSplitParams = {
  minOwnStrong: 1,
  minOwnBare: 2,
  maxWrongShare: 0.4,
  maxParts: 3,
  langs: ['ar'],
  orphanMinWords: 8,
  orphanMaxWeight: 0,
  orphanMinOwn: 4,
  tieLength: 0.2,
  tieStrong: 0.3,
  shareBy: 'words',
};


interface Cut {
  word: number;
  offset: number;
  kind: GapKind;
}

/** A plan for one long segment: where to cut it, and how many short sentences each piece faces. */
export interface CutPlan {
  /** UTF-16 offsets into the long segment's text, ascending. */
  offsets: number[];
  /** Short sentences per piece, in order (sums to the short side's count). */
  groups: number[];
}

/** The ways to cut a run of n sentences into two or more consecutive groups: finest first. */
function compositions(n: number): number[][] {
  const out: number[][] = [];
  const walk = (left: number, acc: number[]) => {
    if (left === 0) {
      if (acc.length >= 2) out.push(acc);
      return;
    }
    for (let k = 1; k <= left; k++) walk(left - k, [...acc, k]);
  };
  walk(n, []);
  return out.sort((a, b) => b.length - a.length);
}

/**
 * Where to cut a long segment (its text and words) so that its pieces face `short`, the words of
 * the other side's sentences in order (`shortLengths` their lengths in characters), or null when
 * the links do not separate clearly. `firm[s]`: whether short sentence s ends a sentence for sure
 * (not at an ellipsis, which the segmenter also cuts at); no piece ends where it does not. The most pieces that pass win: a 1-3 bead whose first two
 * short sentences one long-side sentence translates is cut once, in 1-2 + 1-1.
 */
export function planCuts(
  text: string,
  words: readonly Word[],
  lang: Lang,
  short: readonly (readonly Word[])[],
  shortLengths: readonly number[],
  params: GuidedSplitParams = GUIDED_SPLIT,
  firm: readonly boolean[] = short.map(() => true),
): CutPlan | null {
  if (short.length < 2 || short.length > params.maxParts) return null;
  // A gap with a plain comma, a dash or a bracket is inside a sentence: a translator who renders
  // two sentences as one joins them there, and that one sentence is not cut. A dropped stop leaves
  // nothing (or a closing quote); a connective after a comma opens a new sentence.
  const points = splitPoints(text, words, lang).filter((p) => p.mark !== 'other');
  let found: { plan: CutPlan; cost: number } | null = null;
  for (const groups of compositions(short.length)) {
    if (found && groups.length < found.plan.groups.length) break;
    // The long side is cut only where the short side has a firm sentence end.
    let end = 0;
    if (groups.slice(0, -1).some((size) => !firm[(end += size) - 1])) continue;
    let at = 0;
    const merged = groups.map((size) => {
      const group = { words: short.slice(at, at + size).flat(), length: shortLengths.slice(at, at + size).reduce((a, b) => a + b, 0) };
      at += size;
      return group;
    });
    const plan = planGroups(text, words, points, merged.map((g) => g.words), merged.map((g) => g.length), params);
    if (plan && (!found || plan.cost < found.cost)) found = { plan: { offsets: plan.offsets, groups }, cost: plan.cost };
  }
  return found ? found.plan : null;
}

function planGroups(text: string, words: readonly Word[], points: readonly SplitPoint[], short: readonly (readonly Word[])[], shortLengths: readonly number[], params: GuidedSplitParams): { offsets: number[]; cost: number } | null {
  const parts = short.length;
  if (points.length < parts - 1) return null;
  const ownBefore = linkPrefix(words, short);
  const total = ownBefore.reduce((sum, row) => sum + row[words.length]!, 0);
  if (total === 0) return null;
  const shortTotal = shortLengths.reduce((a, b) => a + b, 0) || 1;
  const contentBefore = [0];
  words.forEach((w, g) => contentBefore.push(contentBefore[g]! + (w.key === null ? 0 : 1)));
  const shortContent = short.map((ws) => ws.filter((w) => w.key !== null).length);
  const shortContentTotal = shortContent.reduce((a, b) => a + b, 0) || 1;
  const bounds: Cut[] = [{ word: 0, offset: 0, kind: 'strong' }, ...points, { word: words.length, offset: text.length, kind: 'strong' }];
  const within = (s: number, a: Cut, b: Cut) => ownBefore[s]![b.word]! - ownBefore[s]![a.word]!;
  const pieceCost = (s: number, a: Cut, b: Cut): number => {
    let all = 0;
    for (let t = 0; t < parts; t++) all += within(t, a, b);
    const longShare = params.shareBy === 'chars' ? (b.offset - a.offset) / (text.length || 1) : (contentBefore[b.word]! - contentBefore[a.word]!) / (contentBefore[words.length]! || 1);
    const shortShare = params.shareBy === 'chars' ? shortLengths[s]! / shortTotal : shortContent[s]! / shortContentTotal;
    return all - within(s, a, b) + params.tieLength * Math.abs(longShare - shortShare) - (b.kind === 'strong' && b.word < words.length ? params.tieStrong : 0);
  };
  // best[k][c]: least cost of pieces 0..k-1 with piece k-1 ending at bounds[c]; from[k][c] its start.
  const best: number[][] = [bounds.map((_, c) => (c === 0 ? 0 : Infinity))];
  const from: number[][] = [bounds.map(() => -1)];
  for (let k = 1; k <= parts; k++) {
    best.push(bounds.map(() => Infinity));
    from.push(bounds.map(() => -1));
    for (let c = 1; c < bounds.length; c++) {
      if (k === parts && c !== bounds.length - 1) continue;
      for (let p = 0; p < c; p++) {
        const cost = best[k - 1]![p]! + pieceCost(k - 1, bounds[p]!, bounds[c]!);
        if (cost < best[k]![c]!) {
          best[k]![c] = cost;
          from[k]![c] = p;
        }
      }
    }
  }
  const chosen: number[] = [bounds.length - 1];
  for (let k = parts; k > 0; k--) chosen.unshift(from[k]![chosen[0]!]!);
  if (chosen.some((c) => c < 0)) return null;
  const cuts = chosen.map((c) => bounds[c]!);
  const bare = cuts.some((c) => c.kind === 'bare');
  let own = Infinity;
  let wrong = total;
  for (let s = 0; s < parts; s++) {
    const mine = within(s, cuts[s]!, cuts[s + 1]!);
    own = Math.min(own, mine);
    wrong -= mine;
  }
  if (own < (bare ? params.minOwnBare : params.minOwnStrong) || wrong > params.maxWrongShare * total) return null;
  return { offsets: cuts.slice(1, -1).map((c) => c.offset), cost: best[parts]![bounds.length - 1]! };
}

/**
 * ownBefore[s][g]: link weight between short sentence s and the long segment's words before word g.
 * Each short content word spreads one unit over its long-side candidates.
 */
function linkPrefix(words: readonly Word[], short: readonly (readonly Word[])[]): number[][] {
  const positions = new Map<number, number[]>();
  words.forEach((word, g) => {
    if (word.key === null) return;
    for (const id of word.ids) {
      const list = positions.get(id);
      if (list) list.push(g);
      else positions.set(id, [g]);
    }
  });
  const weight = short.map(() => new Array<number>(words.length + 1).fill(0));
  const side = beadSide(short);
  side.words.forEach((word, i) => {
    const candidates = new Set<number>();
    for (const id of word.ids) for (const g of positions.get(id) ?? []) candidates.add(g);
    for (const g of candidates) weight[side.sentence[i]!]![g + 1]! += 1 / candidates.size;
  });
  for (const row of weight) for (let g = 1; g < row.length; g++) row[g]! += row[g - 1]!;
  return weight;
}


/**
 * A 1-1 bead whose long segment is two sentences glued, the other side translating only one: the
 * gap after which (or before which) the segment holds no link to the short sentence while the
 * rest holds enough, with a whole sentence's worth of content words on the unlinked side. Only a
 * gap with nothing but space, or a closing quote or colon, is taken: a clause a translator added
 * or left out is joined with a comma, and stays where it is (coverage reports it). Among the gaps
 * that qualify, the marked one, else the one that makes the kept piece's length closest to the
 * short sentence's. Returns the cut and which piece faces nothing, or null.
 */
export function planOrphan(text: string, words: readonly Word[], lang: Lang, short: readonly Word[], shortLength: number, params: GuidedSplitParams = GUIDED_SPLIT): { offset: number; orphan: 'first' | 'last' } | null {
  if (!Number.isFinite(params.orphanMinWords)) return null;
  const before = linkPrefix(words, [short])[0]!;
  const total = before[words.length]!;
  if (total < params.orphanMinOwn) return null;
  const contentBefore = [0];
  words.forEach((w, g) => contentBefore.push(contentBefore[g]! + (w.key === null ? 0 : 1)));
  const content = contentBefore[words.length]!;
  let best: { offset: number; orphan: 'first' | 'last'; cost: number } | null = null;
  for (const point of splitPoints(text, words, lang)) {
    if (point.mark === 'other' || point.mark === 'connective') continue;
    const head = before[point.word]!;
    const options = [
      { orphan: 'last' as const, kept: head, lost: total - head, orphanWords: content - contentBefore[point.word]!, keptLength: point.offset },
      { orphan: 'first' as const, kept: total - head, lost: head, orphanWords: contentBefore[point.word]!, keptLength: text.length - point.offset },
    ];
    for (const o of options) {
      if (o.lost > params.orphanMaxWeight || o.kept < params.orphanMinOwn || o.orphanWords < params.orphanMinWords) continue;
      const cost = Math.abs(o.keptLength / (shortLength || 1) - 1) - (point.mark === 'none' ? 0 : params.tieStrong);
      if (!best || cost < best.cost) best = { offset: point.offset, orphan: o.orphan, cost };
    }
  }
  return best && { offset: best.offset, orphan: best.orphan };
}
