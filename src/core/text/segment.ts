/**
 * Splitting a text into the segments the aligner works on. Every line that holds text is a
 * paragraph: some inputs separate paragraphs with blank lines, others (pasted web pages) with
 * single newlines, and the aligner needs the same units from both. Sentences are split inside a
 * line by the rules in `sentence-rules.ts`.
 *
 * One regex scan finds line breaks and terminators; each candidate looks only at its neighbourhood,
 * so a document of tens of thousands of sentences segments in milliseconds. Every non-space
 * character ends up in exactly one segment, and `start`/`end` point into the original text, so
 * review and export can always show the sentence as it was written.
 */
import type { Lang, Segment } from '../types.js';
import { isBoundary, isCloser, isSpace } from './sentence-rules.js';

/** Terminator runs: . ! ? … the Arabic question mark ؟ and the Urdu full stop ۔ used in some Arabic text. */
const SCAN = /[.!?\u2026\u061F\u06D4]+|\r\n?|\n/g;
const WORD_OR_BREAK = /[\p{L}\p{N}]|[\r\n]/gu;

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

function isInlineSpace(c: number): boolean {
  return isSpace(c) && !isBreak(c);
}

const NEEDS_COLLAPSE = /[^\S ]| {2}/;

/** Most sentences hold single plain spaces only; skipping `replace` for them halves the time and the garbage. */
function collapse(s: string): string {
  return NEEDS_COLLAPSE.test(s) ? s.replace(/\s+/g, ' ') : s;
}

/** Paragraphs are the non-empty lines (\r\n, \r or \n); sentences are split inside each. */
/** Below this share of capitals among Latin letters a text is taken as written without case. */
const CASELESS_SHARE = 0.005;
const CASE_SAMPLE = 100_000;

/** Whether an English text writes no capitals (a lower-cased transcript or corpus), judged on a sample. */
export function isCaseless(text: string): boolean {
  const sample = text.length > CASE_SAMPLE ? text.slice(0, CASE_SAMPLE) : text;
  const letters = sample.match(/[A-Za-z]/g)?.length ?? 0;
  const capitals = sample.match(/[A-Z]/g)?.length ?? 0;
  return letters >= 40 && capitals < letters * CASELESS_SHARE;
}

export function segmentText(text: string, lang: Lang): Segment[] {
  const caseless = lang === 'en' && isCaseless(text);
  const segments: Segment[] = [];
  const scan = new RegExp(SCAN);
  const wordOrBreak = new RegExp(WORD_OR_BREAK);
  let paragraph = 0;
  let lineUsed = false;
  let cursor = 0; // the pending sentence begins at the first non-space at or after here
  let first = -1; // that position once looked up, -1 before
  let firstWord = -1; // first letter or digit of the pending sentence (or its line end), -1 before

  const sentenceStart = (): number => {
    if (first < 0) {
      first = cursor;
      while (first < text.length && isInlineSpace(text.charCodeAt(first))) first++;
    }
    return first;
  };
  const close = (limit: number): void => {
    const s = sentenceStart();
    let e = limit;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) {
      segments.push({ index: segments.length, text: collapse(text.slice(s, e)), paragraph, start: s, end: e });
      lineUsed = true;
    }
  };
  const startAt = (pos: number): void => {
    cursor = pos;
    first = -1;
    firstWord = -1;
  };

  for (let m = scan.exec(text); m !== null; m = scan.exec(text)) {
    const runStart = m.index;
    const runEnd = runStart + m[0].length;
    if (isBreak(text.charCodeAt(runStart))) {
      close(runStart);
      if (lineUsed) paragraph++;
      lineUsed = false;
      startAt(runEnd);
      continue;
    }
    let closed = runEnd;
    while (closed < text.length && isCloser(text.charCodeAt(closed))) closed++;
    let next = closed;
    while (next < text.length && isInlineSpace(text.charCodeAt(next))) next++;
    // The end of a line ends the sentence anyway; only a terminator with more text after it is a question.
    if (next === closed || next >= text.length || isBreak(text.charCodeAt(next))) continue;

    const start = sentenceStart();
    if (firstWord < 0) {
      wordOrBreak.lastIndex = start;
      firstWord = wordOrBreak.exec(text)?.index ?? text.length;
    }
    // A sentence cannot be punctuation alone: a leading "..." belongs to what follows it.
    if (firstWord > runStart) continue;
    let tokenStart = runStart;
    while (tokenStart > start && !isSpace(text.charCodeAt(tokenStart - 1))) tokenStart--;
    if (!isBoundary({ text, tokenStart, runStart, runEnd, next, sentenceStart: start, caseless }, lang)) continue;
    close(closed);
    startAt(next);
    scan.lastIndex = next;
  }
  close(text.length);
  return segments;
}

const LINE_BREAK = /\r\n?|\n/g;

/**
 * --presplit mode: line i is segment i, empty lines included (as ''), so indices match line
 * numbers in the user's files; a final newline does not open an extra line.
 */
export function segmentPresplit(text: string): Segment[] {
  const segments: Segment[] = [];
  const breaks = new RegExp(LINE_BREAK);
  let lineStart = 0;
  for (;;) {
    const m = breaks.exec(text);
    if (m === null && lineStart === text.length) break;
    const lineEnd = m === null ? text.length : m.index;
    let s = lineStart;
    while (s < lineEnd && isSpace(text.charCodeAt(s))) s++;
    let e = lineEnd;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (s === e) s = e = lineStart;
    const index = segments.length;
    segments.push({ index, text: collapse(text.slice(s, e)), paragraph: index, start: s, end: e });
    if (m === null) break;
    lineStart = m.index + m[0].length;
  }
  return segments;
}

const OTHER_LETTER = /\p{L}/u;

function isArabicLetterCode(c: number): boolean {
  return (
    (c >= 0x0620 && c <= 0x064a && c !== 0x0640) || (c >= 0x066e && c <= 0x06d3 && c !== 0x06d4 && c !== 0x0670) ||
    c === 0x06d5 || (c >= 0x06fa && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08c9) ||
    (c >= 0xfb50 && c <= 0xfdfb) || (c >= 0xfe70 && c <= 0xfefc)
  );
}

function isLatinLetterCode(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x1e00 && c <= 0x1eff)
  );
}

/** Fewer letters than this is "no text" (a page number, a lone digit string). */
const MIN_LETTERS = 2;

/**
 * 'ar' or 'en' when that script's letters are more than half of all letters; null when the text has
 * (almost) no letters or no script dominates, so the caller can ask instead of guessing.
 */
export function detectLanguage(text: string): Lang | null {
  let arabic = 0;
  let latin = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x41) continue;
    if (isLatinLetterCode(c)) latin++;
    else if (isArabicLetterCode(c)) arabic++;
    else if (c > 0x7f && OTHER_LETTER.test(text[i] ?? '')) other++;
  }
  const letters = arabic + latin + other;
  if (arabic + latin < MIN_LETTERS) return null;
  if (arabic * 2 > letters) return 'ar';
  if (latin * 2 > letters) return 'en';
  return null;
}
