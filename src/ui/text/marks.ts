/**
 * A marked range of a sentence (the split mark), drawn through wrapping, shaping and bidi
 * reordering without losing its place: the range is fenced with two private-use characters in
 * logical order, before anything else happens to the text; each takes one cell, as the bracket
 * drawn in its place will, so wrapping measures the line as it is drawn. After the line is made
 * visual the fences are found again, wherever reordering put them, and what lies between them is
 * the range. The fence nearer the left edge is drawn `[`, the other `]`, so a colourless terminal
 * still shows the range, in Arabic as in English.
 *
 * Private-use characters have the bidi class L: next to an Arabic word such a fence forms a
 * one-character left-to-right run, which the algorithm keeps at the word's edge (UAX #9, L2), and
 * arabic-reshaper leaves it alone; the fences sit at word edges, where letters do not join anyway.
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const FENCES = /[\uE000\uE001]/g;

/** `text` with [start, end) fenced; fence characters already in the text become U+FFFD, so only ours are found. */
export function fenceRange(text: string, start: number, end: number): string {
  const clean = (s: string) => s.replace(FENCES, '\uFFFD');
  return `${clean(text.slice(0, start))}${OPEN}${clean(text.slice(start, end))}${CLOSE}${clean(text.slice(end))}`;
}

export type MarkPiece = { text: string; kind: 'plain' | 'fence' | 'marked' };

/**
 * A visual line cut at its fences. With both fences on the line, the text between them is marked.
 * A lone fence (a word longer than its column, cut across lines) is drawn `¦` and nothing is marked.
 */
export function fencedPieces(line: string): MarkPiece[] {
  const fences = line.match(FENCES)?.length ?? 0;
  if (fences === 0) return [{ text: line, kind: 'plain' }];
  const pieces: MarkPiece[] = [];
  let inside = false;
  let from = 0;
  for (let k = 0; k < line.length; k++) {
    if (line[k] !== OPEN && line[k] !== CLOSE) continue;
    if (k > from) pieces.push({ text: line.slice(from, k), kind: inside ? 'marked' : 'plain' });
    pieces.push({ text: fences === 1 ? '¦' : inside ? ']' : '[', kind: 'fence' });
    if (fences > 1) inside = !inside;
    from = k + 1;
  }
  if (from < line.length) pieces.push({ text: line.slice(from), kind: 'plain' });
  return pieces;
}
