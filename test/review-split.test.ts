/** Split mode and joins through the review reducer: where the mark goes, what Enter and J do, and undo. */
import { describe, expect, it } from 'vitest';
import type { Alignment } from '../src/core/types.js';
import type { Key } from 'ink';
import { commandFor, splitKeys } from '../src/ui/input/keymap.js';
import { reviewReducer } from '../src/ui/state/review-reducer.js';
import { initialState, isDirty, type ReviewAction, type ReviewState } from '../src/ui/state/review-state.js';
import { splitMark } from '../src/ui/state/split-mode.js';
import { AR, coversInOrder, EN, sampleAlignment } from './support/review-fixtures.js';

const start = (alignment: Alignment = sampleAlignment(), inputs = {}) => initialState(alignment, { bidi: 'mizan', inputs });
const run = (state: ReviewState, ...actions: ReviewAction[]) => actions.reduce(reviewReducer, state);
const markedWord = (state: ReviewState) => {
  const mark = splitMark(state);
  return mark && state.alignment[mark.side].segments[mark.segment]!.text.slice(mark.start, mark.end);
};
const left: ReviewAction = { type: 'mark-word', toward: 'left' };
const right: ReviewAction = { type: 'mark-word', toward: 'right' };

describe('split mode', () => {
  it('opens on the second English word; → moves on in English, ← back', () => {
    const split = run(start(), { type: 'start-split' });
    expect(split.mode).toEqual({ name: 'split', column: 'left', segment: 0, word: 1 });
    expect(markedWord(split)).toBe('met');
    expect(markedWord(run(split, right, right))).toBe('in');
    expect(markedWord(run(split, right, left))).toBe('met');
    expect(markedWord(run(split, left))).toBe('Putin');
    expect(run(split, left, left).message?.text).toBe('first word of the bead');
  });

  it('in Arabic, drawn right to left, ← moves on in reading order and → back', () => {
    const split = run(start(), { type: 'start-split' }, { type: 'mark-other-column' });
    expect(split.mode).toMatchObject({ column: 'right', segment: 0, word: 1 });
    expect(markedWord(split)).toBe('بوتين');
    expect(markedWord(run(split, left))).toBe('أولوند');
    expect(markedWord(run(split, right))).toBe('التقى');
    expect(markedWord(run(split, { type: 'mark-word', toward: 'forward' }))).toBe('أولوند');
  });

  it('Enter splits before the marked word, keeps both parts in the bead, and one undo takes it back', () => {
    const split = run(start(), { type: 'start-split' }, right, { type: 'split-here' });
    expect(split.mode.name).toBe('browse');
    expect(split.alignment.source.segments.map((s) => s.text).slice(0, 2)).toEqual(['Putin met', 'Hollande in Moscow on Thursday.']);
    expect(split.alignment.source.segmentation).toBe('edited');
    expect(split.alignment.beads[0]).toMatchObject({ source: [0, 1], target: [0], status: 'edited' });
    expect(split.alignment.beads[1]!.source).toEqual([2]);
    expect(coversInOrder(split.alignment)).toBe(true);
    expect(split.message?.text).toBe('split English sentence 1 in two (u undoes)');
    expect(isDirty(split)).toBe(true);
    const undone = run(split, { type: 'undo' });
    expect(undone.alignment).toEqual(sampleAlignment());
    expect(isDirty(undone)).toBe(false);
    expect(run(undone, { type: 'redo' }).alignment).toEqual(split.alignment);
  });

  it('splits an Arabic sentence with exact spans', () => {
    const split = run(start(), { type: 'move', by: 4 }, { type: 'start-split' }, { type: 'mark-other-column' }, left, left, { type: 'split-here' });
    const [first, second] = split.alignment.target.segments.slice(4, 6);
    expect([first!.text, second!.text]).toEqual(['وقال فابيوس إن', '130 شخصا قتلوا.']);
    const offset = AR.slice(0, 4).join(' ').length + 1;
    expect([first!.start, first!.end, second!.start, second!.end]).toEqual([offset, offset + 14, offset + 15, offset + AR[4]!.length]);
    expect(split.alignment.beads[4]).toMatchObject({ source: [3], target: [4, 5] });
  });

  it('refuses a cut before the first word, and Esc leaves without an edit', () => {
    const refused = run(start(), { type: 'start-split' }, left, { type: 'split-here' });
    expect(refused.mode.name).toBe('split');
    expect(refused.message?.text).toContain('already begins its sentence');
    expect(refused.undo).toHaveLength(0);
    expect(run(start(), { type: 'start-split' }, { type: 'set-mode', mode: { name: 'browse' } }).alignment).toEqual(sampleAlignment());
  });

  it('moves the mark across the sentences of a bead', () => {
    const merged = run(start(), { type: 'edit', command: { kind: 'merge-next' } }, { type: 'start-split' });
    const words = EN[0]!.split(' ').length;
    const moved = run(merged, ...Array<ReviewAction>(words - 1).fill(right));
    expect(moved.mode).toMatchObject({ segment: 1, word: 0 });
    expect(markedWord(moved)).toBe('The');
  });

  it('splits inside collapsed spaces with the input text, and says why not without it', () => {
    const input = 'Putin  met Hollande.';
    const alignment: Alignment = {
      source: { lang: 'en', segments: [{ index: 0, text: 'Putin met Hollande.', paragraph: 0, start: 0, end: input.length }] },
      target: { lang: 'ar', segments: [{ index: 0, text: AR[0]!, paragraph: 0, start: 0, end: AR[0]!.length }] },
      beads: [{ source: [0], target: [0], flag: 'aligned', score: 0.9, status: 'auto' }],
    };
    const without = run(start(alignment), { type: 'start-split' }, { type: 'split-here' });
    expect(without.message).toEqual({ text: 'cannot split this sentence: its spaces were collapsed, so the input text is needed to split it exactly', tone: 'error' });
    const withInput = run(start(alignment, { source: input }), { type: 'start-split' }, { type: 'split-here' });
    expect(withInput.alignment.source.segments.map(({ text, start, end }) => ({ text, start, end }))).toEqual([
      { text: 'Putin', start: 0, end: 5 },
      { text: 'met Hollande.', start: 7, end: input.length },
    ]);
  });
});

describe('joining sentences', () => {
  it('J in browse joins the last English sentence of the bead with the next, dropping the emptied bead', () => {
    const joined = run(start(), { type: 'join-next' });
    expect(joined.alignment.source.segments).toHaveLength(3);
    expect(joined.alignment.source.segments[0]!.text).toBe(`${EN[0]} ${EN[1]}`);
    expect(joined.alignment.beads[0]).toMatchObject({ source: [0], target: [0], status: 'edited' });
    expect(joined.alignment.beads[1]).toMatchObject({ source: [], target: [1], flag: 'target-only' });
    expect(coversInOrder(joined.alignment)).toBe(true);
    expect(joined.message?.text).toBe('joined English sentences 1 and 2 (u undoes)');
    expect(run(joined, { type: 'undo' }).alignment).toEqual(sampleAlignment());
  });

  it('J in split mode joins the marked sentence, in either language; never across a paragraph', () => {
    // Arabic 2 and 3 share a paragraph; the mark is on Arabic 2 (bead 2).
    const joined = run(start(), { type: 'move', by: 1 }, { type: 'start-split' }, { type: 'mark-other-column' }, { type: 'join-next' });
    expect(joined.mode.name).toBe('browse');
    expect(joined.alignment.target.segments[1]!.text).toBe(`${AR[1]} ${AR[2]}`);
    expect(joined.alignment.beads.map((b) => b.target)).toEqual([[0], [1], [2], [3]]);
    const refused = run(start(), { type: 'start-split' }, { type: 'mark-other-column' }, { type: 'join-next' });
    expect(refused.message?.tone).toBe('error');
    expect(refused.message?.text).toContain('another paragraph');
    expect(refused.alignment).toEqual(sampleAlignment());
  });

  it('a bead without English says how to join its Arabic', () => {
    const state = run(start(), { type: 'move', by: 2 }, { type: 'join-next' });
    expect(state.message?.text).toContain('s, then Tab, then J');
  });
});

describe('split mode keys', () => {
  it('s, then l, Tab, h and Enter in one chunk, as typed fast: each is its own key', () => {
    const none = {} as Key;
    let state = start();
    for (const [input, key] of splitKeys('sl\th\r', none)) {
      const command = commandFor(state.mode.name, input, key, { pageSize: 5 });
      if (command && 'action' in command) state = reviewReducer(state, command.action);
    }
    // s opens on "met"; l is → (English: on); Tab goes to Arabic "بوتين"; h is ← (Arabic: on) to "أولوند"; Enter splits there.
    expect(state.alignment.target.segments.slice(0, 2).map((s) => s.text)).toEqual(['التقى بوتين', 'أولوند في موسكو يوم الخميس.']);
  });

  it('J works in browse and in split mode; Esc leaves split mode; browse keys do nothing there', () => {
    expect(commandFor('browse', 'J', {} as Key, { pageSize: 5 })).toEqual({ action: { type: 'join-next' } });
    expect(commandFor('split', 'J', {} as Key, { pageSize: 5 })).toEqual({ action: { type: 'join-next' } });
    expect(commandFor('split', '', { escape: true } as Key, { pageSize: 5 })).toEqual({ action: { type: 'set-mode', mode: { name: 'browse' } } });
    expect(commandFor('split', 'm', {} as Key, { pageSize: 5 })).toBeNull();
  });
});
