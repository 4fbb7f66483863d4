/**
 * Text with marks (core/marks.ts) drawn as a terminal column. The marks are ranges in the logical
 * text, never characters in it: every step of the display pipeline of rtl.ts (inert symbols, shaping,
 * wrapping, bidi reordering) is redone here with a mark mask carried beside each UTF-16 unit, so
 * the letters are the very ones the unmarked column shows — a marked Arabic word is joined and
 * ordered exactly as an unmarked one — and the marks land on them wherever the line puts them.
 *
 * Without colour, each mark is drawn between brackets (MARK_BRACKETS). Those are characters, so
 * they go in after the Arabic is shaped (a bracket inside a word would otherwise cut its joining)
 * and before it is wrapped (they take cells) and reordered (the bidi algorithm mirrors them in a
 * right-to-left run, as a bidi terminal would).
 */
import { inert } from '../../core/text/inert.js';
import { MARK_BRACKETS, type MarkKind, type MarkRange } from '../../core/marks.js';
import { bidi, BIDI_CONTROLS, displayWidth, padCells, shapeArabic, type BidiMode } from './rtl.js';

/** A mask bit per kind; a unit inside both a gap and a differing value carries both. */
export const MARK_BIT: Record<MarkKind, number> = { gap: 1, diff: 2 };

/** A string and, per UTF-16 unit, the marks over it. */
export interface MarkedText {
  text: string;
  masks: number[];
}

/** A piece of a drawn line with one set of marks (0: unmarked). */
export interface MarkedPiece {
  text: string;
  mask: number;
}

export function markText(text: string, marks: readonly MarkRange[]): MarkedText {
  const masks = new Array<number>(text.length).fill(0);
  for (const m of marks) for (let i = Math.max(0, m.start); i < Math.min(text.length, m.end); i++) masks[i]! |= MARK_BIT[m.kind];
  return { text, masks };
}

/** inert() never removes a unit: it keeps it or puts its symbol in its place, so the two align one by one. */
export function inertMarked(input: MarkedText): MarkedText {
  const out = inert(input.text);
  if (out === input.text) return input;
  const masks: number[] = [];
  let j = 0;
  for (let i = 0; i < input.text.length; i++) {
    const size = out[j] === input.text[i] ? 1 : inert(input.text[i]!).length;
    for (let k = 0; k < size; k++) masks.push(input.masks[i]!);
    j += size;
  }
  return { text: out, masks };
}

const LAM = 0x0644;
const isLamAlef = (c: number) => c >= 0xfef5 && c <= 0xfefc;

/** shapeArabic keeps one unit per unit, except that lam and the alef after it become one ligature. */
export function shapeMarked(input: MarkedText): MarkedText {
  const out = shapeArabic(input.text);
  if (out === input.text) return input;
  const masks: number[] = [];
  let i = 0;
  for (let j = 0; j < out.length; j++) {
    masks.push(input.masks[i]!);
    i += isLamAlef(out.charCodeAt(j)) && input.text.charCodeAt(i) === LAM ? 2 : 1;
  }
  return { text: out, masks };
}

/** Brackets around each marked run (outer gap, inner differing value), for a terminal without colour. */
export function bracketMarked(input: MarkedText): MarkedText {
  let text = '';
  const masks: number[] = [];
  const push = (s: string, mask: number) => {
    text += s;
    for (let k = 0; k < s.length; k++) masks.push(mask);
  };
  const change = (from: number, to: number) => {
    if (from & MARK_BIT.diff && !(to & MARK_BIT.diff)) push(MARK_BRACKETS.diff[1], from);
    if (from & MARK_BIT.gap && !(to & MARK_BIT.gap)) push(MARK_BRACKETS.gap[1], from & MARK_BIT.gap);
    if (to & MARK_BIT.gap && !(from & MARK_BIT.gap)) push(MARK_BRACKETS.gap[0], to & MARK_BIT.gap);
    if (to & MARK_BIT.diff && !(from & MARK_BIT.diff)) push(MARK_BRACKETS.diff[0], to);
  };
  let previous = 0;
  for (let i = 0; i < input.text.length; i++) {
    const mask = input.masks[i]!;
    if (mask !== previous) change(previous, mask);
    push(input.text[i]!, mask);
    previous = mask;
  }
  change(previous, 0);
  return { text, masks };
}

function slice(input: MarkedText, start: number, end: number): MarkedText {
  return { text: input.text.slice(start, end), masks: input.masks.slice(start, end) };
}

/** Pieces of a word wider than `width` (rtl.ts breakWord): zero-width marks stay with their letter. */
function breakWord(word: MarkedText, width: number): MarkedText[] {
  const pieces: MarkedText[] = [];
  let start = 0;
  let used = 0;
  let at = 0;
  for (const ch of word.text) {
    const w = displayWidth(ch);
    if (at > start && w > 0 && used + w > width) {
      pieces.push(slice(word, start, at));
      start = at;
      used = 0;
    }
    used += w;
    at += ch.length;
  }
  if (at > start) pieces.push(slice(word, start, at));
  return pieces;
}

/**
 * wrapLogical (rtl.ts) with the masks: the same greedy breaks, whitespace runs collapsed to one
 * space, which is marked with what both words around it share (inside a span, not at its edge).
 */
export function wrapMarked(input: MarkedText, width: number): MarkedText[] {
  const max = Math.max(1, Math.floor(width));
  const lines: MarkedText[] = [];
  let line: MarkedText = { text: '', masks: [] };
  let used = 0;
  for (const m of input.text.matchAll(/\S+/gu)) {
    const word = slice(input, m.index, m.index + m[0].length);
    const size = displayWidth(word.text);
    if (line.text && used + 1 + size <= max) {
      const space = line.masks[line.masks.length - 1]! & word.masks[0]!;
      line = { text: `${line.text} ${word.text}`, masks: [...line.masks, space, ...word.masks] };
      used += 1 + size;
      continue;
    }
    if (line.text) lines.push(line);
    const pieces = size <= max ? [word] : breakWord(word, max);
    line = pieces.pop() ?? { text: '', masks: [] };
    used = displayWidth(line.text);
    lines.push(...pieces);
  }
  if (line.text) lines.push(line);
  return lines;
}

const BIDI_CONTROL = new RegExp(BIDI_CONTROLS.source);

/** toVisual (rtl.ts) with the masks: shaped, reordered by the bidi algorithm, mirrored, controls dropped. */
export function visualMarked(line: MarkedText, mode: BidiMode, direction: 'rtl' | 'ltr' | 'auto'): MarkedText {
  if (mode === 'terminal') return line;
  const shaped = shapeMarked(line);
  const levels = bidi().getEmbeddingLevels(shaped.text, direction);
  const order = bidi().getReorderedIndices(shaped.text, levels);
  let text = '';
  const masks: number[] = [];
  for (const i of order) {
    const ch = shaped.text[i]!;
    if (BIDI_CONTROL.test(ch)) continue;
    text += (levels.levels[i]! & 1 ? bidi().getMirroredCharacter(ch) : null) ?? ch;
    masks.push(shaped.masks[i]!);
  }
  return { text, masks };
}

/** Consecutive units with the same marks, as pieces. */
export function pieces(input: MarkedText): MarkedPiece[] {
  const out: MarkedPiece[] = [];
  let start = 0;
  for (let i = 1; i <= input.text.length; i++) {
    if (i === input.text.length || input.masks[i] !== input.masks[start]) {
      out.push({ text: input.text.slice(start, i), mask: input.masks[start] ?? 0 });
      start = i;
    }
  }
  return out;
}

function padded(line: MarkedText, width: number, align: 'left' | 'right'): MarkedPiece[] {
  const pad = padCells('', width - displayWidth(line.text), 'left');
  const body = pieces(line);
  if (!pad) return body;
  return align === 'right' ? [{ text: pad, mask: 0 }, ...body] : [...body, { text: pad, mask: 0 }];
}

export interface MarkedColumnOptions {
  arabic: boolean;
  bidi: BidiMode;
  /** Draw the marks as brackets (no colour to show them with). */
  brackets: boolean;
}

/**
 * textColumn (columns.ts) of a marked sentence: lines of exactly `width` cells, as pieces. With no
 * marks and no brackets, the lines are textColumn's own, unit for unit.
 */
export function markedColumn(text: string, marks: readonly MarkRange[], width: number, options: MarkedColumnOptions): MarkedPiece[][] {
  let logical = inertMarked(markText(text, marks));
  if (options.arabic) {
    // As arabicColumn: shaped whole before it is measured (lam-alef is one cell), then wrapped.
    if (options.bidi === 'mizan') logical = shapeMarked(logical);
    if (options.brackets) logical = bracketMarked(logical);
    const direction = /\p{Script=Arabic}/u.test(text) ? 'rtl' : 'ltr';
    return wrapMarked(logical, width).map((line) => padded(visualMarked(line, options.bidi, direction), width, 'right'));
  }
  if (options.brackets) logical = bracketMarked(logical);
  return wrapMarked(logical, width).map((line) => padded(visualMarked(line, options.bidi, 'ltr'), width, 'left'));
}
