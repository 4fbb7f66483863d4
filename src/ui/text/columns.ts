/**
 * Two text columns side by side, in terminal cells. Pure: the listing of `mizan align` uses it
 * now, the review UI can reuse it. Each line is wrapped in logical order and only then made
 * visual (rtl.ts), so the columns line up whatever the script.
 */
import { arabicColumn, padCells, toVisual, wrapLogical, type BidiMode } from './rtl.js';

export const COLUMN_SEPARATOR = ' │ ';

/** The widths of the left and right columns that fill `width` cells with the separator between. */
export function columnWidths(width: number): [number, number] {
  const inner = Math.max(2, width - COLUMN_SEPARATOR.length);
  const left = Math.floor(inner / 2);
  return [left, inner - left];
}

/**
 * `text` as lines of exactly `width` cells: Arabic right-aligned (arabicColumn), anything else
 * left-aligned. A Latin line may still quote an Arabic word, so in 'mizan' mode it goes through
 * the bidi algorithm too, with a left-to-right paragraph direction.
 */
export function textColumn(text: string, width: number, arabic: boolean, mode: BidiMode): string[] {
  if (arabic) return arabicColumn(text, width, mode);
  return wrapLogical(text, width).map((line) => padCells(toVisual(line, mode, 'ltr'), width, 'left'));
}

/** Zip two columns into rows; the shorter column is filled with blank cells, trailing blanks are cut. */
export function joinColumns(left: string[], leftWidth: number, right: string[]): string[] {
  const rows: string[] = [];
  for (let r = 0; r < Math.max(left.length, right.length); r++) {
    rows.push(`${left[r] ?? ' '.repeat(leftWidth)}${COLUMN_SEPARATOR}${right[r] ?? ''}`.trimEnd());
  }
  return rows;
}
