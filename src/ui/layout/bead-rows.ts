/**
 * A bead as terminal rows of known width: an optional paragraph line, a header with the bead's
 * number, flag, confidence, status and sentence numbers, then the two text columns (English left,
 * Arabic right, made visual line by line by ui/text). Pure; rows are cached per bead object, which
 * edits never mutate, so a key press re-lays-out only the beads it changed.
 */
import { inert, inertPieces } from '../../core/text/inert.js';
import type { Alignment, Bead, SegmentedText } from '../../core/types.js';
import { columnWidths, joinColumns, textColumn } from '../text/columns.js';
import { fencedPieces, fenceRange } from '../text/marks.js';
import type { BidiMode } from '../text/rtl.js';
import type { TextMark } from '../state/split-mode.js';
import type { MarkKind } from '../../core/marks.js';
import { markedTextRows, type RowMarks } from '../marks/marked-rows.js';
import { DIM, FLAG_COLOR, scoreColor, STATUS_COLOR } from '../theme.js';

export interface Span {
  text: string;
  color?: string;
  bold?: boolean;
  /** A symbol standing for a control character of the text (core/text/inert.ts), drawn dim. */
  dim?: boolean;
  /** The marked word of split mode: inverse and underlined, between brackets for colourless terminals. */
  marked?: boolean;
  /** Inside a coverage mark (core/marks.ts), drawn in MARK_STYLE. */
  mark?: MarkKind;
}

export interface Row {
  spans: Span[];
  /** Boilerplate text is drawn dim: it is there, but not what a reviewer judges. */
  dim?: boolean;
  /** A row of the bead's text (the whole row is bold under the cursor, however many spans it has). */
  body?: boolean;
}

/** English left, Arabic right, whichever of them is the source. */
function leftRight(alignment: Alignment, bead: Bead): [SegmentedText, number[], SegmentedText, number[]] {
  const { source, target } = alignment;
  return source.lang === 'ar' ? [target, bead.target, source, bead.source] : [source, bead.source, target, bead.target];
}

const opensParagraph = (text: SegmentedText, i: number | undefined): boolean =>
  i !== undefined && (i === 0 || text.segments[i - 1]!.paragraph !== text.segments[i]!.paragraph);

function sentenceSpan(text: SegmentedText, indices: number[]): string {
  const first = indices[0];
  if (first === undefined) return `${text.lang.toUpperCase()} –`;
  const last = indices[indices.length - 1]!;
  const paragraph = text.segments[first]!.paragraph + 1;
  return `${text.lang.toUpperCase()} ¶${paragraph} s${first + 1}${last > first ? `-${last + 1}` : ''}`;
}

function header(alignment: Alignment, bead: Bead, number: number): Row {
  const [left, leftIdx, right, rightIdx] = leftRight(alignment, bead);
  return {
    spans: [
      { text: `#${String(number + 1).padEnd(5)}`, bold: true },
      { text: bead.flag.padEnd(12), color: FLAG_COLOR[bead.flag] },
      { text: bead.score.toFixed(2).padEnd(6), color: scoreColor(bead) },
      { text: bead.status.padEnd(10), color: STATUS_COLOR[bead.status] },
      { text: `${sentenceSpan(left, leftIdx)} · ${sentenceSpan(right, rightIdx)}`, color: DIM },
    ],
  };
}

function paragraphRow(alignment: Alignment, bead: Bead): Row | null {
  const [left, leftIdx, right, rightIdx] = leftRight(alignment, bead);
  const parts = [
    opensParagraph(left, leftIdx[0]) ? `${left.lang.toUpperCase()} ¶${left.segments[leftIdx[0]!]!.paragraph + 1}` : '',
    opensParagraph(right, rightIdx[0]) ? `${right.lang.toUpperCase()} ¶${right.segments[rightIdx[0]!]!.paragraph + 1}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? { spans: [{ text: `── ${parts.join(' · ')} ──`, color: DIM }] } : null;
}

function textRows(alignment: Alignment, bead: Bead, width: number, bidi: BidiMode, mark?: TextMark): Row[] {
  const [left, leftIdx, right, rightIdx] = leftRight(alignment, bead);
  const [leftWidth, rightWidth] = columnWidths(width);
  // The mark goes in in logical order, before inert, wrapping, shaping and reordering (ui/text/marks.ts).
  const textOf = (text: SegmentedText, i: number) => {
    const segment = text.segments[i]!;
    return mark && alignment[mark.side] === text && mark.segment === i ? fenceRange(segment.text, mark.start, mark.end) : segment.text;
  };
  // Each sentence opens a new line of its column, so a 1-2 bead shows where its sentences meet.
  const column = (text: SegmentedText, indices: number[], w: number) => indices.flatMap((i) => textColumn(inert(textOf(text, i)), w, text.lang === 'ar', bidi));
  const lines = joinColumns(column(left, leftIdx, leftWidth), leftWidth, column(right, rightIdx, rightWidth));
  return lines.map((line) => ({
    spans: fencedPieces(line).flatMap(({ text, kind }) =>
      kind === 'fence'
        ? [{ text, bold: true }]
        : inertPieces(text).map((piece): Span => ({ text: piece.text, ...(piece.symbol ? { dim: true } : {}), ...(kind === 'marked' ? { marked: true } : {}) })),
    ),
    dim: bead.flag === 'boilerplate',
    body: true,
  }));
}

const cache = new WeakMap<Bead, { key: string; rows: Row[] }>();

/**
 * The rows of bead number `number` at `width` cells. The bead number is part of the header, hence of
 * the cache key; so are the coverage marks drawn in the text (`marks.key` names them), if any.
 * A bead drawn with split mode's word mark (`split`: only the cursor bead, in split mode) is laid
 * out afresh and without coverage marks: while a reviewer picks a cut, the word mark is what that
 * bead shows (the fences of the one and the ranges of the other are not composed).
 */
export function beadRows(alignment: Alignment, number: number, width: number, bidi: BidiMode, marks?: RowMarks & { key: string }, split?: TextMark | null): Row[] {
  const bead = alignment.beads[number]!;
  const key = `${number}|${width}|${bidi}${marks ? `|${marks.key}` : ''}`;
  const hit = cache.get(bead);
  if (hit?.key === key && !split) return hit.rows;
  const paragraph = paragraphRow(alignment, bead);
  const rows = [
    ...(paragraph ? [paragraph] : []),
    header(alignment, bead, number),
    ...(split ? textRows(alignment, bead, width, bidi, split) : marks ? markedTextRows(alignment, bead, width, bidi, marks) : textRows(alignment, bead, width, bidi)),
  ];
  if (!split) cache.set(bead, { key, rows });
  return rows;
}
