/**
 * Which beads fit on the screen. Only these are laid out and drawn, so a key press costs the same
 * on a 10-bead and a 10,000-bead alignment. Pure: the list keeps the previous top between frames.
 */
export interface ViewportInput {
  /** How many beads the list shows (after any filter). */
  count: number;
  /** Position of the cursor bead in that list. */
  cursor: number;
  /** Position of the first bead drawn last time. */
  top: number;
  /** Rows available. */
  height: number;
  /** Rows that the bead at a position takes. */
  rowsAt: (position: number) => number;
}

/**
 * The new top: unchanged while the cursor bead is fully on screen, else scrolled just enough to
 * bring it in (a bead taller than the screen is drawn from its first row and cut).
 */
export function scrollTop({ count, cursor, top, height, rowsAt }: ViewportInput): number {
  if (count === 0) return 0;
  const at = Math.max(0, Math.min(cursor, count - 1));
  let first = Math.max(0, Math.min(top, count - 1));
  if (at < first) return at;
  // Every bead takes a row at least, so a cursor a screen or more below the top needs a top no
  // earlier than this: start there, and a jump to the end lays out one screen, not the document.
  first = Math.max(first, at - height + 1);
  let used = 0;
  for (let p = first; p <= at; p++) used += rowsAt(p);
  while (used > height && first < at) used -= rowsAt(first++);
  return first;
}

/** Positions from `top` on whose first row still fits in `height` rows. */
export function visibleRange(top: number, count: number, height: number, rowsAt: (position: number) => number): number[] {
  const shown: number[] = [];
  let used = 0;
  for (let p = top; p < count && used < height; p++) {
    shown.push(p);
    used += rowsAt(p);
  }
  return shown;
}
