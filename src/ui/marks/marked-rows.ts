/**
 * The text rows of an aligned bead with its coverage marks (bead-rows.ts draws the rest): each
 * sentence a marked column (ui/text/marked-text.ts), the two columns zipped as joinColumns does,
 * each piece a span styled by its marks, control symbols dimmed as everywhere else.
 */
import { inertPieces } from '../../core/text/inert.js';
import type { MarkKind, SentenceMarks } from '../../core/marks.js';
import type { Alignment, Bead } from '../../core/types.js';
import type { Row, Span } from '../layout/bead-rows.js';
import { COLUMN_SEPARATOR, columnWidths } from '../text/columns.js';
import { MARK_BIT, markedColumn, type MarkedPiece } from '../text/marked-text.js';
import type { BidiMode } from '../text/rtl.js';

export interface RowMarks {
  marks: SentenceMarks;
  /** No colour to show marks with: draw them as brackets. */
  brackets: boolean;
}

const kindOf = (mask: number): MarkKind | undefined => (mask & MARK_BIT.diff ? 'diff' : mask & MARK_BIT.gap ? 'gap' : undefined);

function spansOf(pieces: readonly MarkedPiece[], brackets: boolean): Span[] {
  return pieces.flatMap((piece) => {
    const mark = brackets ? undefined : kindOf(piece.mask);
    return inertPieces(piece.text).map(({ text, symbol }): Span => ({ text, ...(symbol ? { dim: true } : {}), ...(mark ? { mark } : {}) }));
  });
}

/** Trailing blanks cut, as joinColumns cuts them (an Arabic-only row keeps no padding on its right). */
function trimEnd(spans: Span[]): Span[] {
  const out = [...spans];
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const text = last.mark ? last.text : last.text.trimEnd();
    if (text.length > 0) {
      out[out.length - 1] = { ...last, text };
      break;
    }
    out.pop();
  }
  return out;
}

export function markedTextRows(alignment: Alignment, bead: Bead, width: number, bidi: BidiMode, marks: RowMarks): Row[] {
  const left = alignment.source.lang === 'ar' ? 'target' : 'source';
  const right = left === 'source' ? 'target' : 'source';
  const [leftWidth, rightWidth] = columnWidths(width);
  const column = (side: 'source' | 'target', w: number) =>
    bead[side].flatMap((i) =>
      markedColumn(alignment[side].segments[i]!.text, marks.marks[side].get(i) ?? [], w, { arabic: alignment[side].lang === 'ar', bidi, brackets: marks.brackets }),
    );
  const l = column(left, leftWidth);
  const r = column(right, rightWidth);
  const rows: Row[] = [];
  for (let k = 0; k < Math.max(l.length, r.length); k++) {
    const pieces = [...(l[k] ?? [{ text: ' '.repeat(leftWidth), mask: 0 }]), { text: COLUMN_SEPARATOR, mask: 0 }, ...(r[k] ?? [])];
    rows.push({ spans: trimEnd(spansOf(pieces, marks.brackets)), dim: bead.flag === 'boilerplate', body: true });
  }
  return rows;
}
