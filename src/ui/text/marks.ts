/**
 * A marked range of a sentence (the split mark), drawn through wrapping, shaping and bidi
 * reordering without losing its place: the range is fenced with two private-use characters in
 * logical order, before anything else happens to the text; each takes one cell, as the bracket
 * drawn in its place will, so wrapping measures the line as it is drawn. After the line is made
 * visual the fences are found again, wherever reordering put them, and what lies between them is
 * the range. The fence nearer the left edge is drawn `[`, the other `]`, so a colourless terminal
 * still shows the range, in Arabic as in English.
 *
 * The fences are noncharacters (U+FDD0, U+FDD1), which never occur in interchanged text and whose
 * bidi class is BN: the algorithm gives each the level of the character before it and otherwise
 * ignores it, so it neither changes how the line is ordered nor how a number next to it is read
 * (a strong left-to-right fence would turn the "130" after a marked Arabic word into Latin text
 * and carry the fence across it). arabic-reshaper leaves them alone, and they sit at word edges,
 * where letters do not join anyway. Known limit: a word that mixes directions at a direction
 * boundary (an English line quoting `"قال`) is not contiguous on screen, so its mark is not exact.
 */
const OPEN = '\uFDD0';
const CLOSE = '\uFDD1';
const FENCES = /[\uFDD0\uFDD1]/g;

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
