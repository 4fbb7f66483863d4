import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reviewReducer } from '../src/ui/state/review-reducer.js';
import { initialState, isDirty, visibleBeads, type ReviewAction, type ReviewState } from '../src/ui/state/review-state.js';
import { loadEvidence } from '../src/cli/evidence-file.js';
import { mizanStrategy } from '../src/core/align/mizan.js';
import { realignUnconfirmed } from '../src/core/align/realign.js';
import { pinnedBeads, realignText, RIGHT_PAIRS, shiftedBeads } from './support/realign-fixtures.js';
import { coversInOrder, sampleAlignment } from './support/review-fixtures.js';

const start = () => initialState(sampleAlignment(), { bidi: 'mizan' });
const run = (state: ReviewState, ...actions: ReviewAction[]) => actions.reduce(reviewReducer, state);
const aligner = { strategy: mizanStrategy, evidence: loadEvidence() };
/** What the app dispatches on z: the realign worked out on the state of the moment. */
const realignAction = (state: ReviewState): ReviewAction => ({ type: 'realigned', outcome: realignUnconfirmed(state.alignment, aligner) });
const type = (text: string): ReviewAction[] => [...text].map((ch) => ({ type: 'type', text: ch }));

describe('review reducer: moving', () => {
  it('moves by beads and pages, clamped to the ends', () => {
    expect(run(start(), { type: 'move', by: 1 }).cursor).toBe(1);
    expect(run(start(), { type: 'move', by: -1 }).cursor).toBe(0);
    expect(run(start(), { type: 'move', by: Infinity }).cursor).toBe(4);
    expect(run(start(), { type: 'move', by: 3 }, { type: 'move', by: -Infinity }).cursor).toBe(0);
  });

  it('jumps to flagged, low-confidence and unconfirmed beads, wrapping around', () => {
    expect(run(start(), { type: 'jump', to: 'flagged', direction: 1 }).cursor).toBe(2);
    expect(run(start(), { type: 'jump', to: 'low-confidence', direction: 1 }).cursor).toBe(3);
    const wrapped = run(start(), { type: 'move', by: 4 }, { type: 'jump', to: 'flagged', direction: 1 });
    expect(wrapped.cursor).toBe(2);
    expect(wrapped.message?.text).toContain('wrapped');
    const confirmed = run(start(), { type: 'edit', command: { kind: 'confirm' } });
    expect(run(confirmed, { type: 'move', by: -1 }, { type: 'jump', to: 'unconfirmed', direction: 1 }).cursor).toBe(1);
  });

  it('steps over boilerplate when jumping to one-sided beads', () => {
    const chrome = run(start(), { type: 'move', by: 1 }, { type: 'edit', command: { kind: 'toggle-boilerplate' } }, { type: 'move', by: -1 });
    expect(run(chrome, { type: 'jump', to: 'flagged', direction: 1 }).cursor).toBe(2);
  });

  it('filters to one-sided and low-confidence beads, keeping the cursor bead in view', () => {
    const filtered = run(start(), { type: 'toggle-filter' });
    expect(visibleBeads(filtered)).toEqual([0, 2, 3]);
    expect(run(filtered, { type: 'move', by: 1 }).cursor).toBe(2);
    expect(visibleBeads(run(filtered, { type: 'move', by: 1 }))).toEqual([2, 3]);
    expect(visibleBeads(run(filtered, { type: 'toggle-filter' }))).toEqual([0, 1, 2, 3, 4]);
  });

  it('goes to the first bead of an English paragraph', () => {
    const at = run(start(), { type: 'set-mode', mode: { name: 'goto', draft: '' } }, ...type('3'), { type: 'submit' });
    expect(at.cursor).toBe(4);
    expect(at.mode.name).toBe('browse');
    expect(run(start(), { type: 'set-mode', mode: { name: 'goto', draft: '' } }, ...type('9'), { type: 'submit' }).message?.tone).toBe('error');
  });
});

describe('review reducer: search', () => {
  it('finds both languages with normalised Arabic and steps through matches', () => {
    // أولوند typed with a bare alef still matches; English ignores case.
    const found = run(start(), { type: 'set-mode', mode: { name: 'search', draft: '' } }, ...type('اولوند'), { type: 'submit' });
    expect(found.search?.matches).toEqual([0]);
    expect(found.cursor).toBe(0);
    const said = run(start(), { type: 'set-mode', mode: { name: 'search', draft: '' } }, ...type('SAID'), { type: 'submit' });
    expect(said.search?.matches).toEqual([4]);
    const qala = run(start(), { type: 'set-mode', mode: { name: 'search', draft: '' } }, ...type('وقال'), { type: 'submit' });
    expect(qala.search?.matches).toEqual([2, 4]);
    expect(run(qala, { type: 'jump', to: 'match', direction: 1 }).cursor).toBe(4);
    expect(run(qala, { type: 'jump', to: 'match', direction: 1 }, { type: 'jump', to: 'match', direction: 1 }).cursor).toBe(2);
    expect(run(qala, { type: 'jump', to: 'match', direction: -1 }).cursor).toBe(4);
  });

  it('erases, cancels and reports a search with no match', () => {
    const typing = run(start(), { type: 'set-mode', mode: { name: 'search', draft: '' } }, ...type('xyz'), { type: 'erase' });
    expect(typing.mode).toEqual({ name: 'search', draft: 'xy' });
    expect(run(typing, { type: 'submit' }).message).toEqual({ text: 'no match for "xy"', tone: 'error' });
  });

  it('finds matches again after an edit renumbers the beads', () => {
    const qala = run(start(), { type: 'set-mode', mode: { name: 'search', draft: '' } }, ...type('وقال'), { type: 'submit' });
    const merged = run(qala, { type: 'move', by: -Infinity }, { type: 'edit', command: { kind: 'merge-next' } });
    expect(merged.search?.matches).toEqual([1, 3]);
  });
});

describe('review reducer: edits, undo and redo', () => {
  it('maps the English and Arabic columns to the right side whichever is the source', () => {
    const moved = run(start(), { type: 'move', by: 2 }, { type: 'edit', command: { kind: 'move-up', column: 'right' } });
    expect(moved.alignment.beads[1]!.target).toEqual([1, 2]);
    const swapped = sampleAlignment();
    const arabicSource = { source: swapped.target, target: swapped.source, beads: swapped.beads.map((b) => ({ ...b, source: b.target, target: b.source })) };
    const fixed = run(initialState(arabicSource, { bidi: 'mizan' }), { type: 'move', by: 2 }, { type: 'edit', command: { kind: 'move-up', column: 'right' } });
    expect(fixed.alignment.beads[1]!.source).toEqual([1, 2]);
  });

  it('undoes and redoes every edit, and knows when the beads are back as saved', () => {
    const edited = run(start(), { type: 'edit', command: { kind: 'unlink' } }, { type: 'edit', command: { kind: 'merge-next' } });
    expect(isDirty(edited)).toBe(true);
    const undone = run(edited, { type: 'undo' }, { type: 'undo' });
    expect(undone.alignment.beads).toEqual(start().alignment.beads);
    expect(isDirty(undone)).toBe(false);
    expect(run(undone, { type: 'undo' }).message?.text).toBe('nothing to undo');
    const redone = run(undone, { type: 'redo' }, { type: 'redo' });
    expect(redone.alignment.beads).toEqual(edited.alignment.beads);
    expect(run(redone, { type: 'redo' }).message?.text).toBe('nothing to redo');
    // A new edit after undoing forgets the redo history.
    expect(run(undone, { type: 'redo' }, { type: 'edit', command: { kind: 'merge-next' } }).redo).toEqual([]);
  });

  it('confirming steps to the next bead; a refused edit explains itself and changes nothing', () => {
    const confirmed = run(start(), { type: 'edit', command: { kind: 'confirm' } });
    expect(confirmed.cursor).toBe(1);
    expect(confirmed.alignment.beads[0]!.status).toBe('confirmed');
    const refused = run(start(), { type: 'edit', command: { kind: 'move-up', column: 'left' } });
    expect(refused.alignment.beads).toEqual(start().alignment.beads);
    expect(refused.undo).toEqual([]);
    expect(refused.message?.tone).toBe('error');
    expect(isDirty(refused)).toBe(false);
  });

  it('is clean again once saved, and a recovery is one undoable edit', () => {
    const edited = run(start(), { type: 'edit', command: { kind: 'unlink' } });
    const saved = run(edited, { type: 'saved', beads: edited.alignment.beads, path: 'x.json' });
    expect(isDirty(saved)).toBe(false);
    const recovering = initialState(sampleAlignment(), { bidi: 'mizan', mode: { name: 'recover', alignment: edited.alignment, savedAt: 'now' } });
    const recovered = run(recovering, { type: 'accept-recovery' });
    expect(recovered.alignment.beads).toEqual(edited.alignment.beads);
    expect(isDirty(recovered)).toBe(true);
    expect(run(recovered, { type: 'undo' }).alignment.beads).toEqual(sampleAlignment().beads);
  });

  it('keeps the invariant and a valid cursor under random sequences of actions and realigns (z), and undo restores the start', () => {
    const action: fc.Arbitrary<ReviewAction | 'realign'> = fc.oneof(
      fc.constant('realign' as const),
      fc.integer({ min: -3, max: 3 }).map((by): ReviewAction => ({ type: 'move', by })),
      fc.constantFrom<ReviewAction>(
        { type: 'edit', command: { kind: 'confirm' } },
        { type: 'edit', command: { kind: 'confirm-through' } },
        { type: 'edit', command: { kind: 'unlink' } },
        { type: 'edit', command: { kind: 'merge-next' } },
        { type: 'edit', command: { kind: 'toggle-boilerplate' } },
        { type: 'edit', command: { kind: 'move-up', column: 'left' } },
        { type: 'edit', command: { kind: 'move-up', column: 'right' } },
        { type: 'edit', command: { kind: 'move-down', column: 'left' } },
        { type: 'edit', command: { kind: 'move-down', column: 'right' } },
        { type: 'undo' },
        { type: 'redo' },
        { type: 'toggle-filter' },
        { type: 'jump', to: 'flagged', direction: 1 },
        { type: 'jump', to: 'unconfirmed', direction: -1 },
      ),
    );
    let realignsThatChanged = 0;
    // Also from a shifted alignment, where a realign around what was confirmed has work to do.
    const shifted = () => initialState(realignText(shiftedBeads()), { bidi: 'mizan' });
    fc.assert(
      fc.property(fc.boolean(), fc.array(action, { maxLength: 60 }), (fromShifted, actions) => {
        const first = fromShifted ? shifted() : start();
        let state = first;
        for (const a of actions) {
          const next = reviewReducer(state, a === 'realign' ? realignAction(state) : a);
          if (a === 'realign' && next.alignment !== state.alignment) realignsThatChanged++;
          state = next;
          expect(coversInOrder(state.alignment)).toBe(true);
          expect(state.cursor).toBeGreaterThanOrEqual(0);
          expect(state.cursor).toBeLessThan(state.alignment.beads.length);
        }
        while (state.undo.length > 0) state = reviewReducer(state, { type: 'undo' });
        expect(state.alignment.beads).toEqual(first.alignment.beads);
      }),
      { numRuns: 300 },
    );
    expect(realignsThatChanged).toBeGreaterThan(10);
  });
});

describe('review reducer: realign around the confirmed', () => {
  const pinned = () => initialState(realignText(pinnedBeads()), { bidi: 'mizan' });
  const realign = realignAction;

  it('applies the realign as one edit, says what changed as mizan diff does, and one u takes it all back', () => {
    const before = run(pinned(), { type: 'move', by: 2 });
    const after = reviewReducer(before, realign(before));
    expect(after.alignment.beads.map((b) => [b.source, b.target])).toEqual(RIGHT_PAIRS);
    expect(after.message?.text).toBe('realigned 1 stretch around 1 fixed: 1 realigned; 2 beads unchanged (u undoes)');
    expect(after.undo).toHaveLength(before.undo.length + 1);
    expect(isDirty(after)).toBe(true);
    // The cursor was on "France bombed Raqqa…", which moved from bead 3 to bead 4.
    expect(after.alignment.beads[after.cursor]!.source).toEqual([2]);
    const undone = reviewReducer(after, { type: 'undo' });
    expect(undone.alignment.beads).toBe(before.alignment.beads);
    expect(undone.cursor).toBe(before.cursor);
    expect(isDirty(undone)).toBe(false);
    expect(reviewReducer(undone, { type: 'redo' }).alignment.beads).toBe(after.alignment.beads);
  });

  it('says so, and changes nothing, when there is no anchor or the realign finds the same beads', () => {
    const auto = initialState(realignText(shiftedBeads()), { bidi: 'mizan' });
    const none = reviewReducer(auto, realign(auto));
    expect(none.alignment).toBe(auto.alignment);
    expect(none.message?.text).toMatch(/^nothing to realign around/);
    const right = reviewReducer(pinned(), realign(pinned()));
    const again = reviewReducer(right, realign(right));
    expect(again.alignment.beads).toBe(right.alignment.beads);
    expect(again.undo).toHaveLength(right.undo.length);
    expect(again.message?.text).toBe('realigned 1 stretch around 1 fixed: no changes');
  });
});
