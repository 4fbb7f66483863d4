/**
 * Property: any sequence of segment splits and joins mixed with the bead edits of core/edit.ts
 * (moves, merges, unlinks) and undos keeps every non-space character of both inputs in exactly one
 * segment, every span exact, and every segment in exactly one bead, in order. Run on the seed pair
 * with its saved alignment, and on a small pair with collapsed spaces and emoji. (Realign around the
 * confirmed, step 4 of issue 12, is not built on this branch, so it is not among the moves.)
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { applyEdit, type Edit } from '../src/core/edit.js';
import { joinSegments, splitSegment } from '../src/core/segment-edit.js';
import { segmentText } from '../src/core/text/segment.js';
import type { Alignment, Bead } from '../src/core/types.js';
import { parseAlignmentFile } from '../src/formats/alignment-file.js';
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
