/**
 * Split mode of the review: where the mark is, how it moves, and which cut or join it means. The
 * mark sits on one word (a run of non-space characters) of one sentence of the cursor bead, in one
 * column; a split cuts just before the marked word, so the marked word begins the new sentence.
 * Pure; the reducer applies the edits (core/segment-edit.ts) and keeps the undo history.
 *
 * Arrow keys move the mark the way it is drawn: left goes left on the screen. In an Arabic sentence,
 * drawn right to left, that is forward in reading order, as a reader of Arabic expects; in English
 * it is back. `w`/`b` move forward/back in reading order whatever the script.
 */
import type { Segment } from '../../core/types.js';
import { sideOfColumn, type Column, type Message, type ReviewState } from './review-state.js';

export type SplitMode = Extract<ReviewState['mode'], { name: 'split' }>;

/** A range of one segment's text (UTF-16 offsets into `text`), for the view to mark. */
export interface TextMark {
  side: 'source' | 'target';
  segment: number;
  start: number;
  end: number;
}

/** The words of a sentence as offsets into its text. */
export function wordsOf(text: string): { start: number; end: number }[] {
  return [...text.matchAll(/\S+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Drawn right to left: the test the view uses (ui/text/rtl.ts arabicColumn) for an Arabic segment. */
const drawnRightToLeft = (column: Column, segment: Segment | undefined): boolean => column === 'right' && /\p{Script=Arabic}/u.test(segment?.text ?? '');

/** The sentences of the cursor bead in `column`. */
function sentencesIn(state: ReviewState, column: Column): number[] {
  const bead = state.alignment.beads[state.cursor];
  return bead ? bead[sideOfColumn(column, state.alignment)] : [];
}

const segmentAt = (state: ReviewState, column: Column, segment: number): Segment | undefined =>
  state.alignment[sideOfColumn(column, state.alignment)].segments[segment];

/** The first place worth a cut in a column: the second word of its first sentence of more than one word. */
function firstMark(state: ReviewState, column: Column): SplitMode | null {
  const sentences = sentencesIn(state, column);
  if (sentences.length === 0) return null;
  const splittable = sentences.find((i) => wordsOf(segmentAt(state, column, i)?.text ?? '').length > 1);
  return { name: 'split', column, segment: splittable ?? sentences[0]!, word: splittable === undefined ? 0 : 1 };
}

const info = (text: string): Message => ({ text, tone: 'info' });

/** `s`: split mode on the English column, or the Arabic one when the bead has no English sentence. */
export function startSplit(state: ReviewState): ReviewState {
  const mode = firstMark(state, 'left') ?? firstMark(state, 'right');
  if (!mode) return { ...state, message: { text: 'this bead has no sentence to split', tone: 'error' } };
  return { ...state, mode, message: null };
}

/** Tab: the same, in the other column. */
export function markOtherColumn(state: ReviewState): ReviewState {
  if (state.mode.name !== 'split') return state;
  const mode = firstMark(state, state.mode.column === 'left' ? 'right' : 'left');
  if (!mode) return { ...state, message: info('the other column has no sentence in this bead') };
  return { ...state, mode, message: null };
}

/** One word on, in reading order, across the sentences of the bead in that column; stops at the ends. */
export function moveMark(state: ReviewState, toward: 'left' | 'right' | 'forward' | 'back'): ReviewState {
  const { mode } = state;
  if (mode.name !== 'split') return state;
  const rtl = drawnRightToLeft(mode.column, segmentAt(state, mode.column, mode.segment));
  const forward = toward === 'forward' || (toward === 'left' && rtl) || (toward === 'right' && !rtl);
  const step = forward ? 1 : -1;
  // Flatten the column's words into one reading-order list and step along it.
  const places = sentencesIn(state, mode.column).flatMap((segment) =>
    wordsOf(segmentAt(state, mode.column, segment)?.text ?? '').map((_, word) => ({ segment, word })),
  );
  const here = places.findIndex((p) => p.segment === mode.segment && p.word === mode.word);
  const next = places[here + step];
  if (here < 0 || !next) return { ...state, message: info(step > 0 ? 'last word of the bead' : 'first word of the bead') };
  return { ...state, mode: { ...mode, ...next }, message: null };
}

/** The marked word, for the view. */
export function splitMark(state: ReviewState): TextMark | null {
  const { mode } = state;
  if (mode.name !== 'split') return null;
  const side = sideOfColumn(mode.column, state.alignment);
  const word = wordsOf(state.alignment[side].segments[mode.segment]?.text ?? '')[mode.word];
  return word ? { side, segment: mode.segment, ...word } : null;
}
