/**
 * Editing the segmentation itself: split one segment in two, or join a segment with the next one
 * on the same side. The review uses these when the segmenter missed a sentence end (Arabic quoted
 * speech that ends without a full stop) or cut where it should not have; the aligner pipeline uses
 * `splitSegment` to split Arabic segments after segmentation. Pure: no I/O, no UI.
 *
 * What stays true after every edit, as after segmentation (core/text/segment.ts):
 * - every non-space character of the input is in exactly one segment, segments are in order and
 *   `index` is the position; `start`/`end` are exact UTF-16 offsets into the ORIGINAL input and
 *   `text` is `original.slice(start, end)` with whitespace runs collapsed to one space;
 * - every segment of each side is in exactly one bead, in order (indices after the edited segment
 *   shift by one in every bead).
 *
 * A split keeps both parts in the bead that held the segment; the whitespace at the cut belongs to
 * neither part. A segment whose whitespace was collapsed (its text is shorter than its span) can be
 * split exactly only with the original text at hand, so `original` is asked for then.
 *
 * A join stays inside a paragraph: paragraphs are the input's lines, and a segment never spans a
 * line break (in --presplit mode a segment IS a line, so only a split's parts can be joined back).
 * When the two segments are in different beads, the joined segment stays in the first one's bead;
 * the second bead loses its segment and is dropped when empty, else reflagged by its new shape.
 */
import { flagForShape } from './edit.js';
import type { Alignment, Bead, Segment, SegmentedText } from './types.js';

export type SegmentSide = 'source' | 'target';

/** The edited alignment and the bead the cursor should rest on, or why the edit does not apply. */
export type SegmentEditResult = { ok: true; alignment: Alignment; cursor: number } | { ok: false; reason: string };

/** A bead a person shaped: certain as far as the tool can tell (as in core/edit.ts). */
const HUMAN_SCORE = 1;

const SPACE = /\s/;
const isSpaceAt = (s: string, k: number): boolean => SPACE.test(s[k] ?? '');
const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** What the segmenter makes of a span: every whitespace run one space. */
export function collapseSpaces(s: string): string {
  return s.replace(/\s+/g, ' ');
}

const fail = (reason: string): SegmentEditResult => ({ ok: false, reason });

/**
 * For each UTF-16 offset k of `segment.text` (0..length), the offset in the original input of the
 * character there (k = length maps to `end`). Identity plus `start` when nothing was collapsed
 * (the text is as long as its span); else worked out from `original`. A string is the reason it
 * cannot be known.
 */
function originalOffsets(segment: Segment, original: string | undefined): number[] | string {
  const { text, start, end } = segment;
  if (typeof start !== 'number' || typeof end !== 'number') return 'this alignment does not record where the sentence lies in its input';
  if (text.length === end - start) return Array.from({ length: text.length + 1 }, (_, k) => start + k);
  if (original === undefined) return 'its spaces were collapsed, so the input text is needed to split it exactly';
  const span = original.slice(start, end);
  if (collapseSpaces(span) !== text) return 'the input text does not match this sentence';
  const offsets: number[] = [];
  for (let j = 0; j < span.length; ) {
    offsets.push(start + j);
    if (isSpaceAt(span, j)) while (j < span.length && isSpaceAt(span, j)) j++;
    else j++;
  }
  offsets.push(end);
  return offsets;
}

function renumber(segments: Segment[]): Segment[] {
  return segments.map((seg, index) => (seg.index === index ? seg : { ...seg, index }));
}

function withSide(alignment: Alignment, side: SegmentSide, segments: Segment[], beads: Bead[]): Alignment {
  const text: SegmentedText = { lang: alignment[side].lang, segments: renumber(segments), segmentation: 'edited' };
  return { ...alignment, [side]: text, beads };
}

/** Shape changed by a person: status edited, score 1, flag from the shape (boilerplate stays). */
function edited(bead: Bead, source: number[], target: number[]): Bead {
  const flag = bead.flag === 'boilerplate' ? 'boilerplate' : flagForShape({ source, target });
  return { source, target, flag, score: HUMAN_SCORE, status: 'edited' };
}

/** The bead holding segment `index` of `side`. */
function beadHolding(beads: readonly Bead[], side: SegmentSide, index: number): number {
  return beads.findIndex((b) => b[side].includes(index));
}

/**
 * Split segment `segment` of `side` at UTF-16 offset `offset` of its text (0 < offset < length, not
 * inside a surrogate pair, with something other than whitespace on both sides of the cut).
 * `original` is that side's input text; it is needed only when the segment's spaces were collapsed.
 */
export function splitSegment(alignment: Alignment, side: SegmentSide, segment: number, offset: number, original?: string): SegmentEditResult {
  const segments = alignment[side].segments;
  const seg = segments[segment];
  if (!seg) return fail(`there is no ${side} sentence ${segment}`);
  const { text } = seg;
  if (!Number.isInteger(offset) || offset <= 0 || offset >= text.length) return fail('a split needs text on both sides of the cut');
  if (isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset))) return fail('the cut would fall inside a character');
  let leftEnd = offset;
  while (leftEnd > 0 && isSpaceAt(text, leftEnd - 1)) leftEnd--;
  let rightStart = offset;
  while (rightStart < text.length && isSpaceAt(text, rightStart)) rightStart++;
  if (leftEnd === 0 || rightStart === text.length) return fail('a split needs text on both sides of the cut');
  const offsets = originalOffsets(seg, original);
  if (typeof offsets === 'string') return fail(`cannot split this sentence: ${offsets}`);
  const at = beadHolding(alignment.beads, side, segment);
  if (at < 0) return fail(`no bead holds ${side} sentence ${segment}`);

  // The left part ends just after its last character, which is not a space and so one unit long in the original too.
  const left: Segment = { ...seg, text: text.slice(0, leftEnd), start: seg.start, end: offsets[leftEnd - 1]! + 1 };
  const right: Segment = { ...seg, index: segment + 1, text: text.slice(rightStart), start: offsets[rightStart]!, end: seg.end };
  const nextSegments = [...segments.slice(0, segment), left, right, ...segments.slice(segment + 1)];
  const shift = (list: number[]) => list.map((i) => (i > segment ? i + 1 : i));
  const beads = alignment.beads.map((bead, k): Bead => {
    if (k !== at) return bead[side].some((i) => i > segment) ? { ...bead, [side]: shift(bead[side]) } : bead;
    const list = bead[side].flatMap((i) => (i === segment ? [i, i + 1] : i > segment ? [i + 1] : [i]));
    return edited(bead, side === 'source' ? list : bead.source, side === 'target' ? list : bead.target);
  });
  return { ok: true, alignment: withSide(alignment, side, nextSegments, beads), cursor: at };
}

/**
 * Join segment `segment` of `side` with segment `segment + 1`, which must be in the same paragraph.
 * The joined text is what the input holds from the first one's start to the second one's end, with
 * whitespace collapsed: the two texts with one space between them when the input has space there,
 * none when the cut was inside a word. With `original`, the result is checked against it.
 */
export function joinSegments(alignment: Alignment, side: SegmentSide, segment: number, original?: string): SegmentEditResult {
  const segments = alignment[side].segments;
  const first = segments[segment];
  if (!first) return fail(`there is no ${side} sentence ${segment}`);
  const second = segments[segment + 1];
  if (!second) return fail(`the last ${side === 'source' ? 'source' : 'target'} sentence has no next sentence to join`);
  if (first.paragraph !== second.paragraph) return fail('the next sentence is in another paragraph (a line of the input); a sentence cannot span a line break');
  const gap = typeof first.end === 'number' && typeof second.start === 'number' ? second.start > first.end : true;
  const text = first.text === '' || second.text === '' ? first.text + second.text : `${first.text}${gap ? ' ' : ''}${second.text}`;
  if (original !== undefined && typeof first.start === 'number' && typeof second.end === 'number') {
    if (collapseSpaces(original.slice(first.start, second.end)) !== text) return fail('the input text does not match these sentences');
  }
  const firstBead = beadHolding(alignment.beads, side, segment);
  const secondBead = beadHolding(alignment.beads, side, segment + 1);
  if (firstBead < 0 || secondBead < 0) return fail(`no bead holds ${side} sentence ${firstBead < 0 ? segment : segment + 1}`);

  const joined: Segment = { ...first, text, end: second.end };
  const nextSegments = [...segments.slice(0, segment), joined, ...segments.slice(segment + 2)];
  const shift = (list: number[]) => list.flatMap((i) => (i === segment + 1 ? [] : i > segment + 1 ? [i - 1] : [i]));
  const beads: Bead[] = [];
  for (const [k, bead] of alignment.beads.entries()) {
    if (k !== firstBead && k !== secondBead) {
      beads.push(bead[side].some((i) => i > segment) ? { ...bead, [side]: shift(bead[side]) } : bead);
      continue;
    }
    const list = shift(bead[side]);
    const source = side === 'source' ? list : bead.source;
    const target = side === 'target' ? list : bead.target;
    // The second bead, when it is another one, gave its only sentence away: it disappears.
    if (source.length + target.length === 0) continue;
    beads.push(edited(bead, source, target));
  }
  return { ok: true, alignment: withSide(alignment, side, nextSegments, beads), cursor: firstBead };
}
