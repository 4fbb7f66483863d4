/**
 * Drawing Arabic in a terminal, as pure functions over strings. Most terminals neither join Arabic
 * letters nor reorder right-to-left text: they put each code point in the next cell, left to right.
 * So mizan does the last step itself: shape (arabic-reshaper turns letters into their contextual
 * presentation forms, which every monospace font draws joined) and reorder (bidi-js, the Unicode
 * Bidirectional Algorithm, UAX #9, rules L1–L4). Everything before this step keeps logical order.
 *
 * Order of operations matters (DESIGN.md, "Terminal facts"): wrap in logical order first, then
 * reorder each line on its own. Reordering a whole paragraph and then cutting it into lines puts the
 * paragraph's end on the first line, so the lines read bottom-up.
 */
import reshaper from 'arabic-reshaper';
import bidiModule, { type Bidi } from 'bidi-js';

/**
 * 'mizan': mizan shapes and reorders, for ordinary terminals (xterm, VTE, tmux, Windows Terminal).
 * 'terminal': the line is left in logical order for terminals that run the bidi algorithm
 * themselves (mlterm, some configurations of Konsole); reordering it here too would reverse it twice.
 */
export type BidiMode = 'mizan' | 'terminal';

// bidi-js is CommonJS with types written as an ES module: under NodeNext TypeScript types the default
// import as the module object, while Node hands over module.exports, the factory itself (and a
// bundler reading its "module" entry hands over the real default). Accept either.
const bidiFactory = ((bidiModule as { default?: unknown }).default ?? bidiModule) as () => Bidi;
let bidiInstance: Bidi | undefined;
/** bidi-js exports a factory; its tables are built on the first call, so build them only when needed. */
export const bidi = (): Bidi => (bidiInstance ??= bidiFactory());

// ANSI escape sequences (colours) take no cells.
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
// Combining marks (harakat, shadda), controls and format characters (ZWJ, ZWNJ, LRM/RLM, bidi
// isolates, BOM) take no cell of their own; Hangul medial and final jamo join the syllable before them.
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cc}\p{Cf}\u1160-\u11FF]/u;
// East Asian Wide and Fullwidth blocks (UAX #11), and emoji drawn as pictures, take two cells.
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6\u{1B000}-\u{1B2FF}\u{1F900}-\u{1F9FF}\u{20000}-\u{2FFFD}\u{30000}-\u{3FFFD}\p{Emoji_Presentation}]/u;
// Directional formatting characters have done their work once the line is in visual order; left in,
// a terminal with partial bidi support could act on them a second time.
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Width of one code point in terminal cells. Presentation-form letters (U+FB50–U+FEFC) are one cell. */
function charWidth(ch: string): number {
  if (ZERO_WIDTH.test(ch)) return 0;
  return WIDE.test(ch) ? 2 : 1;
}

/** Terminal cells that `s` takes, as wcwidth counts them. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s.replace(ANSI, '')) width += charWidth(ch);
  return width;
}

/** Cut a word wider than `width` into pieces that fit; zero-width marks stay with the letter they follow. */
function breakWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const ch of word) {
    const w = charWidth(ch);
    if (piece && w > 0 && used + w > width) {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += ch;
    used += w;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Greedy word wrap in logical order, measured in cells; whitespace runs collapse; words too long are cut. */
export function wrapLogical(text: string, width: number): string[] {
  const max = Math.max(1, Math.floor(width));
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of text.split(/\s+/u)) {
    if (!word) continue;
    const size = displayWidth(word);
    if (line && used + 1 + size <= max) {
      line += ` ${word}`;
      used += 1 + size;
      continue;
    }
    if (line) lines.push(line);
    const pieces = size <= max ? [word] : breakWord(word, max);
    line = pieces.pop() ?? '';
    used = displayWidth(line);
    lines.push(...pieces);
  }
  if (line) lines.push(line);
  return lines;
}

/** Arabic letters to presentation forms, still in logical order. Idempotent: forms are left as they are. */
export function shapeArabic(text: string): string {
  return reshaper.convertArabic(text);
}

/**
 * One line (no line breaks) as a terminal that draws cells left to right must receive it. In 'mizan'
 * mode: shaped, then reordered with the paragraph direction given (RTL for an Arabic line, so a
 * line that opens with a number or a Latin name still reads from the right), mirrored brackets
 * swapped, directional controls dropped. In 'terminal' mode: unchanged.
 */
export function toVisual(line: string, mode: BidiMode, direction: 'rtl' | 'ltr' | 'auto' = 'rtl'): string {
  if (mode === 'terminal') return line;
  const shaped = shapeArabic(line);
  const levels = bidi().getEmbeddingLevels(shaped, direction);
  return bidi().getReorderedString(shaped, levels).replace(BIDI_CONTROLS, '');
}

/** Pad `s` with spaces to `width` cells: on the left for 'right', on the right for 'left'. */
export function padCells(s: string, width: number, align: 'left' | 'right'): string {
  const pad = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'right' ? pad + s : s + pad;
}

/**
 * Arabic text as a right-aligned column of `width` cells: wrapped in logical order, then each
 * line made visual, then padded on the left. In 'mizan' mode the text is shaped before it is
 * measured, because a lam-alef pair becomes one ligature and so one cell.
 */
export function arabicColumn(text: string, width: number, mode: BidiMode): string[] {
  const logical = mode === 'mizan' ? shapeArabic(text) : text;
  // One direction for the whole segment, so its wrapped lines agree: right-to-left when it holds any
  // Arabic (even if it opens with a Latin name), left-to-right for a Latin-only line such as a
  // site's "No stories found." (else its full stop would jump to the left).
  const direction = /\p{Script=Arabic}/u.test(text) ? 'rtl' : 'ltr';
  return wrapLogical(logical, width).map((line) => padCells(toVisual(line, mode, direction), width, 'right'));
}
