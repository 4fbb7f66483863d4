import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit, flagForShape, type Edit } from '../src/core/edit.js';
import type { Bead } from '../src/core/types.js';
import { coversInOrder, sampleAlignment } from './support/review-fixtures.js';

const beads = () => sampleAlignment().beads;
const shape = (list: Bead[]) => list.map((b) => `${b.source.join('+')}:${b.target.join('+')}:${b.flag}`);

function applied(list: Bead[], edit: Edit): Bead[] {
  const result = applyEdit(list, edit);
  if (!result.ok) throw new Error(result.reason);
  return result.beads;
}

describe('review edits', () => {
  it('confirm marks one bead, confirm-through every auto bead up to the cursor', () => {
    expect(applied(beads(), { kind: 'confirm', at: 1 }).map((b) => b.status)).toEqual(['auto', 'confirmed', 'auto', 'auto', 'auto']);
    const through = applied(applied(beads(), { kind: 'toggle-boilerplate', at: 0 }), { kind: 'confirm-through', at: 2 });
    expect(through.map((b) => b.status)).toEqual(['edited', 'confirmed', 'confirmed', 'auto', 'auto']);
    expect(applyEdit(applied(beads(), { kind: 'confirm', at: 0 }), { kind: 'confirm', at: 0 })).toEqual({ ok: false, reason: 'this bead is already reviewed' });
  });

  it('unlink turns a pair into one-sided beads, source first', () => {
    const list = applied(beads(), { kind: 'unlink', at: 0 });
    expect(shape(list).slice(0, 3)).toEqual(['0::source-only', ':0:target-only', '1:1:aligned']);
    expect(list[0]).toMatchObject({ status: 'edited', score: 1 });
    expect(applyEdit(list, { kind: 'unlink', at: 0 }).ok).toBe(false);
  });

  it('merge joins a bead with the next, and the flag follows the shape', () => {
    const list = applied(beads(), { kind: 'merge-next', at: 1 });
    expect(shape(list)).toEqual(['0:0:aligned', '1:1+2:aligned', '2:3:aligned', '3:4:aligned']);
    expect(applyEdit(list, { kind: 'merge-next', at: 3 })).toEqual({ ok: false, reason: 'the last bead has no next bead to merge with' });
  });

  it('moves the first sentence of a side up and the last one down, dropping a bead left empty', () => {
    // The Arabic-only sentence 2 goes up into bead 1: bead 1 becomes 1-2 and the empty bead disappears.
    const up = applyEdit(beads(), { kind: 'move-up', at: 2, side: 'target' });
    expect(up.ok && shape(up.beads)).toEqual(['0:0:aligned', '1:1+2:aligned', '2:3:aligned', '3:4:aligned']);
    expect(up.ok && up.cursor).toBe(1);
    // ... and back down again: bead 1 gives its last Arabic sentence to bead 2.
    const down = applied(up.ok ? up.beads : [], { kind: 'move-down', at: 1, side: 'target' });
    expect(shape(down)).toEqual(['0:0:aligned', '1:1:aligned', '2:2+3:aligned', '3:4:aligned']);
    // Moving the only English sentence of a pair down leaves an Arabic-only bead behind.
    expect(shape(applied(beads(), { kind: 'move-down', at: 0, side: 'source' })).slice(0, 2)).toEqual([':0:target-only', '0+1:1:aligned']);
    expect(applyEdit(beads(), { kind: 'move-up', at: 0, side: 'source' }).ok).toBe(false);
    expect(applyEdit(beads(), { kind: 'move-up', at: 2, side: 'source' })).toEqual({ ok: false, reason: 'this bead has no source sentence to move up' });
  });

  it('toggles boilerplate and back to the flag the shape implies', () => {
    const on = applied(beads(), { kind: 'toggle-boilerplate', at: 2 });
    expect(on[2]!.flag).toBe('boilerplate');
    expect(applied(on, { kind: 'toggle-boilerplate', at: 2 })[2]!.flag).toBe('target-only');
    expect(flagForShape({ source: [1], target: [] })).toBe('source-only');
  });

  it('refuses a position with no bead', () => {
    expect(applyEdit(beads(), { kind: 'confirm', at: 9 })).toEqual({ ok: false, reason: 'no bead here' });
  });

  it('keeps every sentence in exactly one bead, in order, under any sequence of edits', () => {
    const kinds = ['confirm', 'confirm-through', 'unlink', 'merge-next', 'move-up', 'move-down', 'toggle-boilerplate'] as const;
    const edit = fc.record({ kind: fc.constantFrom(...kinds), at: fc.nat(12), side: fc.constantFrom('source' as const, 'target' as const) });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 40 }), (edits) => {
        const alignment = sampleAlignment();
        for (const e of edits) {
          const result = applyEdit(alignment.beads, e as Edit);
          if (!result.ok) continue;
          alignment.beads = result.beads;
          expect(result.cursor).toBeLessThan(result.beads.length);
          expect(coversInOrder(alignment)).toBe(true);
          for (const b of result.beads) if (b.flag !== 'boilerplate') expect(b.flag).toBe(flagForShape(b));
        }
      }),
      { numRuns: 300 },
    );
  });
});
