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
import { documentWords, type Word } from '../score/word-evidence.js';
import { flagForShape } from '../edit.js';
import { splitSegment } from '../segment-edit.js';
import type { Alignment, Bead, Lang } from '../types.js';
import { type CutPlan, GUIDED_SPLIT, type GuidedSplitParams, planCuts, planOrphan } from './cut-plan.js';

type Side = 'source' | 'target';

export { GUIDED_SPLIT, type GuidedSplitParams, planCuts } from './cut-plan.js';

/** Sides' original input texts, for exact spans when a segment's whitespace was collapsed. */
export interface Originals {
  source: string;
  target: string;
}

/**
 * A sentence that ends for sure: a full stop, question or exclamation mark, closing quotes or
 * brackets after it, but not an ellipsis, where a quotation often goes on ("a free, united ..."
 * / "Syria, it cannot be ..." in the seed pair): cutting the other side to follow such a cut
 * would split one sentence in two.
 */
const FIRM_END = /(?<!\.)[.!?؟]["'”’»)\]]*$/u;

/**
 * planCuts, then again inside each piece that still faces two or more sentences: a 1-3 bead whose
 * three-way cut is not clear may still split in two, and the piece facing two sentences then gets
 * its own look, with its own links.
 */
function planDeep(text: string, words: readonly Word[], lang: Lang, short: readonly (readonly Word[])[], shortLengths: readonly number[], params: GuidedSplitParams, firm: readonly boolean[]): CutPlan | null {
  const plan = planCuts(text, words, lang, short, shortLengths, params, firm);
  if (!plan) return null;
  const bounds = [0, ...plan.offsets, text.length];
  const offsets: number[] = [];
  const groups: number[] = [];
  let first = 0;
  plan.groups.forEach((size, k) => {
    const from = bounds[k]!;
    const to = bounds[k + 1]!;
    const inner =
      size >= 2
        ? planDeep(
            text.slice(from, to),
            words.filter((w) => w.start >= from && w.end <= to).map((w) => ({ ...w, start: w.start - from, end: w.end - from })),
            lang,
            short.slice(first, first + size),
            shortLengths.slice(first, first + size),
            params,
            firm.slice(first, first + size),
          )
        : null;
    if (inner) {
      offsets.push(...inner.offsets.map((o) => o + from));
      groups.push(...inner.groups);
    } else groups.push(size);
    if (k < plan.offsets.length) offsets.push(plan.offsets[k]!);
    first += size;
  });
  return { offsets, groups };
}

/** The long side of a bead the splitter may cut: one or two segments in a language it splits, facing as many or more, up to maxParts. */
function longSideOf(alignment: Alignment, bead: Bead, params: GuidedSplitParams): Side | null {
  if (bead.flag !== 'aligned' || bead.status !== 'auto') return null;
  for (const [side, other] of [['source', 'target'], ['target', 'source']] as const) {
    const m = bead[side].length;
    const n = bead[other].length;
    if (m < 1 || m > 2 || n < m || n > params.maxParts || (m === 2 && n < 2)) continue;
    if (params.langs.includes(alignment[side].lang)) return side;
  }
  return null;
}

/**
 * The alignment with every automatic bead whose long side the links show to hold glued sentences
 * cut: a 1-2 or 1-3 bead into 1-1 beads (or 1-2 + 1-1); a 2-2 or 2-3 bead whose second segment runs
 * on into the next sentence likewise (the two segments are looked at as one text, their boundary a
 * free cut); a 1-1 bead into 1-1 and a one-sided bead (planOrphan).
 */
export function guidedSplit(alignment: Alignment, evidence: Evidence, originals: Originals, params: GuidedSplitParams = GUIDED_SPLIT): Alignment {
  const candidates = alignment.beads.flatMap((bead, at) => (longSideOf(alignment, bead, params) ? [at] : []));
  if (candidates.length === 0) return alignment;
  const enSide = alignment.source.lang === 'en' ? 'source' : 'target';
  const arSide = enSide === 'source' ? 'target' : 'source';
  const texts = (side: Side) => alignment[side].segments.map((s) => s.text);
  const words = documentWords(texts(enSide), texts(arSide), evidence);
  const wordsOf = (side: Side) => (side === enSide ? words.en : words.ar);

  let result = alignment;
  // From the last bead back, so that the indices of the beads still to split do not move.
  for (const at of candidates.reverse()) {
    const bead = result.beads[at]!;
    const side = longSideOf(alignment, bead, params)!;
    const other = side === 'source' ? 'target' : 'source';
    const long = bead[side].map((i) => alignment[side].segments[i]!);
    const short = bead[other].map((i) => alignment[other].segments[i]!);
    const lang = alignment[side].lang;
    // The long segments as one text, a line break between them (split-points.ts: a free cut).
    const starts: number[] = [];
    let text = '';
    const longWords = long.flatMap((seg, k) => {
      if (k > 0) text += '\n';
      starts.push(text.length);
      text += seg.text;
      return wordsOf(side)[seg.index]!.map((w) => ({ ...w, start: w.start + starts[k]!, end: w.end + starts[k]! }));
    });
    let plan: CutPlan | null;
    if (short.length === 1) {
      const orphan = planOrphan(text, longWords, lang, wordsOf(other)[short[0]!.index]!, short[0]!.text.length, params);
      plan = orphan && { offsets: [orphan.offset], groups: orphan.orphan === 'last' ? [1, 0] : [0, 1] };
    } else {
      plan = planDeep(text, longWords, lang, short.map((s) => wordsOf(other)[s.index]!), short.map((s) => s.text.length), params, short.map((s) => FIRM_END.test(s.text)));
    }
    if (!plan) continue;
    // Each cut either falls on the boundary of two long segments (nothing to split) or inside one.
    const inside = plan.offsets.flatMap((offset) => {
      const k = starts.findLastIndex((s) => s <= offset);
      return offset === starts[k]! + long[k]!.text.length ? [] : [{ k, offset: offset - starts[k]! }];
    });
    if (inside.length === 0) continue;
    let split = result;
    let ok = true;
    for (const { k, offset } of [...inside].reverse()) {
      const edit = splitSegment(split, side, bead[side][k]!, offset, originals[side]);
      if (!edit.ok) ok = false;
      else split = edit.alignment;
    }
    if (!ok) continue;
    // The bead's long segments after the splits, each with whether a piece ends after it.
    const ends: boolean[] = [];
    long.forEach((seg, k) => {
      inside.filter((c) => c.k === k).forEach(() => ends.push(true));
      ends.push(plan.offsets.includes(starts[k]! + seg.text.length) || k === long.length - 1);
    });
    let index = bead[side][0]!;
    let next = 0;
    const pieces: Bead[] = plan.groups.map((size) => {
      const mine: number[] = [];
      do mine.push(index);
      while (!ends[index++ - bead[side][0]!]);
      const facing = bead[other].slice(next, (next += size));
      const shape = { [side]: mine, [other]: facing } as Pick<Bead, 'source' | 'target'>;
      return { ...bead, ...shape, flag: flagForShape(shape) };
    });
    result = { ...split, beads: [...split.beads.slice(0, at), ...pieces, ...split.beads.slice(at + 1)] };
    const before = alignment[side].segmentation;
    result = { ...result, [side]: { ...result[side], segmentation: before === 'edited' ? 'edited' : 'guided' } };
  }
  return result;
}
