/**
 * Property: any sequence of segment splits and joins mixed with the bead edits of core/edit.ts
 * (moves, merges, unlinks) and undos keeps every non-space character of both inputs in exactly one
 * segment, every span exact, and every segment in exactly one bead, in order. Run on the seed pair
 * with its saved alignment, and on a small pair with collapsed spaces and emoji; once on the core
 * functions and once through the review reducer, as the keys drive it (split mode, J, moves, merges,
 * undo and redo). (Realign around the confirmed, step 3 of issue 12, is not built on this branch,
 * so it is not among the moves.)
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdit, type Edit } from '../src/core/edit.js';
import { joinSegments, splitSegment } from '../src/core/segment-edit.js';
import { segmentText } from '../src/core/text/segment.js';
import type { Alignment, Bead } from '../src/core/types.js';
import { parseAlignmentFile } from '../src/formats/alignment-file.js';
import { reviewReducer } from '../src/ui/state/review-reducer.js';
import { initialState, type ReviewAction } from '../src/ui/state/review-state.js';
import { ROOT } from './support/cli.js';
import { expectSound } from './support/segment-check.js';

type Step =
  | { kind: 'split'; side: 'source' | 'target'; segment: number; offset: number; withInput: boolean }
  | { kind: 'join'; side: 'source' | 'target'; segment: number; withInput: boolean }
  | { kind: 'bead'; edit: Edit['kind']; at: number; side: 'source' | 'target' }
  | { kind: 'undo' };

// Positions are fractions, scaled to whatever the alignment holds when the step runs.
const side = fc.constantFrom<'source' | 'target'>('source', 'target');
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('split' as const), side, segment: fc.nat(), offset: fc.nat(), withInput: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('join' as const), side, segment: fc.nat(), withInput: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('bead' as const), edit: fc.constantFrom<Edit['kind']>('move-up', 'move-down', 'merge-next', 'unlink', 'confirm'), at: fc.nat(), side }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'undo' as const }) },
);

function run(start: Alignment, inputs: { source: string; target: string }, steps: Step[]): void {
  const history: Alignment[] = [];
  let now = start;
  for (const s of steps) {
    let next: Alignment | null = null;
    if (s.kind === 'undo') {
      now = history.pop() ?? now;
    } else if (s.kind === 'bead') {
      const at = s.at % now.beads.length;
      const edit: Edit = s.edit === 'move-up' || s.edit === 'move-down' ? { kind: s.edit, at, side: s.side } : { kind: s.edit, at };
      const result = applyEdit(now.beads, edit);
      if (result.ok) next = { ...now, beads: result.beads };
    } else {
      const segments = now[s.side].segments;
      if (segments.length === 0) continue;
      const k = s.segment % segments.length;
      const input = s.withInput ? inputs[s.side] : undefined;
      const result =
        s.kind === 'split'
          ? splitSegment(now, s.side, k, s.offset % (segments[k]!.text.length + 1), input)
          : joinSegments(now, s.side, k, input);
      if (result.ok) next = result.alignment;
    }
    if (next) {
      history.push(now);
      now = next;
    }
    expectSound(now, inputs.source, inputs.target);
  }
}

const SMALL_EN = 'Rain  fell  on Monday 😀 and Tuesday. The roads closed.\n\nSchools stayed shut.\tBuses ran late.';
const SMALL_AR = 'هطلت الأمطار  يوم الاثنين والثلاثاء. وأغلقت الطرق.\nوبقيت المدارس مغلقة 😀 وتأخرت الحافلات.';

function smallPair(): Alignment {
  const source = segmentText(SMALL_EN, 'en');
  const target = segmentText(SMALL_AR, 'ar');
  const n = Math.max(source.length, target.length);
  const beads: Bead[] = Array.from({ length: n }, (_, k) => {
    const s = k < source.length ? [k] : [];
    const t = k < target.length ? [k] : [];
    return { source: s, target: t, flag: s.length && t.length ? 'aligned' : s.length ? 'source-only' : 'target-only', score: 0.5, status: 'auto' };
  });
  return { source: { lang: 'en', segments: source }, target: { lang: 'ar', segments: target }, beads };
}

/** What the keys send, in any order and in any mode (the reducer must ignore what does not apply). */
const mark = fc.constantFrom<'left' | 'right' | 'forward' | 'back'>('left', 'right', 'forward', 'back').map((toward): ReviewAction => ({ type: 'mark-word', toward }));
const action: fc.Arbitrary<ReviewAction> = fc.oneof(
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 3 }).map((by): ReviewAction => ({ type: 'move', by })) },
  { weight: 3, arbitrary: fc.constantFrom<ReviewAction>({ type: 'start-split' }, { type: 'mark-other-column' }, { type: 'split-here' }, { type: 'join-next' }, { type: 'set-mode', mode: { name: 'browse' } }) },
  { weight: 3, arbitrary: mark },
  {
    weight: 2,
    arbitrary: fc.constantFrom<ReviewAction>(
      { type: 'edit', command: { kind: 'merge-next' } },
      { type: 'edit', command: { kind: 'unlink' } },
      { type: 'edit', command: { kind: 'move-up', column: 'left' } },
      { type: 'edit', command: { kind: 'move-down', column: 'right' } },
      { type: 'edit', command: { kind: 'move-up', column: 'right' } },
      { type: 'edit', command: { kind: 'move-down', column: 'left' } },
      { type: 'undo' },
      { type: 'redo' },
    ),
  },
);
/** What a reviewer does in split mode: open it, maybe change column, move the mark, then split or join. */
const gesture: fc.Arbitrary<ReviewAction[]> = fc
  .tuple(fc.boolean(), fc.array(mark, { maxLength: 8 }), fc.constantFrom<ReviewAction>({ type: 'split-here' }, { type: 'join-next' }))
  .map(([other, moves, end]) => [{ type: 'start-split' }, ...(other ? [{ type: 'mark-other-column' } as const] : []), ...moves, end]);
const session = (maxLength: number) =>
  fc.array(fc.oneof({ weight: 3, arbitrary: action.map((a) => [a]) }, { weight: 1, arbitrary: gesture }), { maxLength }).map((parts) => parts.flat());

/** Splits and joins that went through, over all runs. */
const done = { split: 0, joined: 0 };

function drive(start: Alignment, inputs: { source: string; target: string }, actions: ReviewAction[]): void {
  let state = initialState(start, { bidi: 'mizan', inputs });
  for (const a of actions) {
    state = reviewReducer(state, a);
    if (state.message?.text.startsWith('split ')) done.split++;
    if (state.message?.text.startsWith('joined ')) done.joined++;
    expectSound(state.alignment, inputs.source, inputs.target);
    expect(state.cursor).toBeLessThan(state.alignment.beads.length);
  }
  while (state.undo.length > 0) state = reviewReducer(state, { type: 'undo' });
  expect(state.alignment).toEqual(start);
}

describe('segmentation edits through the review reducer, property', () => {
  it('a small pair: any sequence of key actions keeps both texts whole, spans exact, beads in order; undo gets back to the start', () => {
    const start = smallPair();
    fc.assert(fc.property(session(40), (actions) => drive(start, { source: SMALL_EN, target: SMALL_AR }, actions)), { numRuns: 300, seed: 12 });
  });

  it('the seed pair: the same', () => {
    const { alignment, file } = parseAlignmentFile(readFileSync(join(ROOT, 'alignments/dawn-eremnews.json'), 'utf8'));
    const inputs = { source: readFileSync(join(ROOT, file.source.path), 'utf8'), target: readFileSync(join(ROOT, file.target.path), 'utf8') };
    fc.assert(fc.property(session(25), (actions) => drive(alignment, inputs, actions)), { numRuns: 60, seed: 12 });
  });

  it('splits and joins do happen in these runs (the property is not vacuous)', () => {
    expect(done).toEqual({ split: expect.toSatisfy((n: number) => n > 100), joined: expect.toSatisfy((n: number) => n > 100) });
  });
});

describe('segmentation edits, property', () => {
  it('a small pair with collapsed spaces and emoji: any sequence keeps spans exact and beads in order', () => {
    const start = smallPair();
    fc.assert(fc.property(fc.array(step, { maxLength: 40 }), (steps) => run(start, { source: SMALL_EN, target: SMALL_AR }, steps)), { numRuns: 300, seed: 12 });
  });

  it('the seed pair and its saved alignment: the same', () => {
    const { alignment, file } = parseAlignmentFile(readFileSync(join(ROOT, 'alignments/dawn-eremnews.json'), 'utf8'));
    const inputs = { source: readFileSync(join(ROOT, file.source.path), 'utf8'), target: readFileSync(join(ROOT, file.target.path), 'utf8') };
    fc.assert(fc.property(fc.array(step, { maxLength: 25 }), (steps) => run(alignment, inputs, steps)), { numRuns: 60, seed: 12 });
  });
});
