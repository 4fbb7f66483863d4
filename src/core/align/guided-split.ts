/**
 * Segmentation guided by the other side (issue 10). When a sentence reaches the aligner glued to
 * the next one (Arabic quoted speech closed without a full stop, a stop dropped in raw text), the
 * aligner links that one segment to two or three sentences of the other side: a 1-2 or 1-3 bead.
 * Here, after alignment, the word links of such a bead say where its long segment changes from
 * translating the first short sentence to translating the second; when a gap between words
 * (split-points.ts) separates them clearly, the long segment is cut there and the bead becomes
 * 1-1 + 1-1 (+ 1-1).
 *
 * The links are the coverage word aligner's (coverage/word-links.ts `beadSide`): a short-side
 * content word and a long-side one are linked when they share an id. A word with several
 * candidates ("said" twice) spreads one unit of weight over them, so repeated common words weigh
 * little. A cut is chosen to leave the least link weight on the wrong side (links of sentence 1
 * after it, of sentence 2 before it); among equally good gaps, the one the text marks (a closing
 * quote, a colon, a comma and a connective) and the one whose length share matches the short
 * sentences' wins. The bead is split only when each piece keeps enough weight of its own and
 * little falls on the wrong side (GUIDED_SPLIT, chosen on the bench's nostop tune part).
 *
 * The split goes through core/segment-edit.ts, so spans stay exact offsets into the input and every
 * character stays in exactly one segment; the split side records `segmentation: 'guided'`. The new
 * beads stay automatic (status auto, the bead's score): no person made them.
 */
import type { Evidence } from '../evidence.js';
import { beadSide } from '../coverage/word-links.js';
import { documentWords, type Word } from '../score/word-evidence.js';
import { splitSegment } from '../segment-edit.js';
import type { Alignment, Bead, Lang } from '../types.js';
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
}

/**
 * Chosen on nostop-raw-tune (bench/raw-links.ts), with the link F1 it gave: unsplit 0.843; own
 * ≥ 1 / ≥ 3 and wrong ≤ 0.1: 0.884; ≥ 1 / ≥ 2, 0.3: 0.929; ≥ 1 / ≥ 1, 0.4: 0.937. Link F1 cannot
 * see a needless split (both pieces still stand for their sentence), so the looser settings that
 * gain the last points were not taken: a cut at a bare gap needs two units of link weight on each
 * side, and at most 30% of the weight may cross it. main-raw-tune went 0.981 → 0.983 with it.
 */
export const GUIDED_SPLIT: GuidedSplitParams = { minOwnStrong: 1, minOwnBare: 2, maxWrongShare: 0.3, maxParts: 3, langs: ['ar'] };

/** Tie-breaks, worth less than one link: length-share mismatch (0..2 summed over pieces) and a marked gap. */
const LENGTH_WEIGHT = 0.2;
const STRONG_BONUS = 0.3;

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
 * the links do not separate clearly. The most pieces that pass win: a 1-3 bead whose first two
 * short sentences one long-side sentence translates is cut once, in 1-2 + 1-1.
 */
export function planCuts(text: string, words: readonly Word[], lang: Lang, short: readonly (readonly Word[])[], shortLengths: readonly number[], params: GuidedSplitParams = GUIDED_SPLIT): CutPlan | null {
  if (short.length < 2 || short.length > params.maxParts) return null;
  const points = splitPoints(text, words, lang);
  let found: { plan: CutPlan; cost: number } | null = null;
  for (const groups of compositions(short.length)) {
    if (found && groups.length < found.plan.groups.length) break;
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
  const bounds: Cut[] = [{ word: 0, offset: 0, kind: 'strong' }, ...points, { word: words.length, offset: text.length, kind: 'strong' }];
  const within = (s: number, a: Cut, b: Cut) => ownBefore[s]![b.word]! - ownBefore[s]![a.word]!;
  const pieceCost = (s: number, a: Cut, b: Cut): number => {
    let all = 0;
    for (let t = 0; t < parts; t++) all += within(t, a, b);
    const lengthShare = Math.abs((b.offset - a.offset) / (text.length || 1) - shortLengths[s]! / shortTotal);
    return all - within(s, a, b) + LENGTH_WEIGHT * lengthShare - (b.kind === 'strong' && b.word < words.length ? STRONG_BONUS : 0);
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

/** Sides' original input texts, for exact spans when a segment's whitespace was collapsed. */
export interface Originals {
  source: string;
  target: string;
}

/** The alignment with every 1-2 or 1-3 bead whose links separate clearly split into 1-1 beads. */
export function guidedSplit(alignment: Alignment, evidence: Evidence, originals: Originals, params: GuidedSplitParams = GUIDED_SPLIT): Alignment {
  const longSide = (bead: Bead): 'source' | 'target' | null => {
    for (const [side, other] of [['source', 'target'], ['target', 'source']] as const) {
      if (bead[side].length !== 1 || bead[other].length < 2 || bead[other].length > params.maxParts) continue;
      if (params.langs.includes(alignment[side].lang)) return side;
    }
    return null;
  };
  const candidates = alignment.beads.flatMap((bead, at) => (bead.flag === 'aligned' && bead.status === 'auto' && longSide(bead) ? [at] : []));
  if (candidates.length === 0) return alignment;
  const enSide = alignment.source.lang === 'en' ? 'source' : 'target';
  const arSide = enSide === 'source' ? 'target' : 'source';
  const texts = (side: 'source' | 'target') => alignment[side].segments.map((s) => s.text);
  const words = documentWords(texts(enSide), texts(arSide), evidence);
  const wordsOf = (side: 'source' | 'target') => (side === enSide ? words.en : words.ar);

  let result = alignment;
  // From the last bead back, so that the indices of the beads still to split do not move.
  for (const at of candidates.reverse()) {
    const bead = result.beads[at]!;
    const side = longSide(bead)!;
    const other = side === 'source' ? 'target' : 'source';
    const segment = alignment[side].segments[bead[side][0]!]!;
    const short = bead[other].map((i) => alignment[other].segments[i]!);
    const plan = planCuts(segment.text, wordsOf(side)[segment.index]!, alignment[side].lang, short.map((s) => wordsOf(other)[s.index]!), short.map((s) => s.text.length), params);
    if (!plan) continue;
    let split = result;
    let ok = true;
    for (const offset of [...plan.offsets].reverse()) {
      const edit = splitSegment(split, side, bead[side][0]!, offset, originals[side]);
      if (!edit.ok) ok = false;
      else split = edit.alignment;
    }
    if (!ok) continue;
    const first = bead[side][0]!;
    let next = 0;
    const pieces: Bead[] = plan.groups.map((size, k) => {
      const facing = bead[other].slice(next, (next += size));
      return { ...bead, [side]: [first + k], [other]: facing } as Bead;
    });
    result = { ...split, beads: [...split.beads.slice(0, at), ...pieces, ...split.beads.slice(at + 1)] };
    const before = alignment[side].segmentation;
    result = { ...result, [side]: { ...result[side], segmentation: before === 'edited' ? 'edited' : 'guided' } };
  }
  return result;
}
