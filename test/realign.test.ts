import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadEvidence } from '../src/cli/evidence-file.js';
import { mizanStrategy } from '../src/core/align/mizan.js';
import { isAnchor, realignUnconfirmed, type Aligner } from '../src/core/align/realign.js';
import type { Strategy } from '../src/core/align/strategy.js';
import { applyEdit } from '../src/core/edit.js';
import type { Alignment, Bead } from '../src/core/types.js';
import { checkCoverage, parseAlignmentFile } from '../src/formats/alignment-file.js';
import { bead, pinnedBeads, REALIGN_AR, REALIGN_EN, realignText, RIGHT_PAIRS, shiftedBeads } from './support/realign-fixtures.js';
import { segments } from './support/review-fixtures.js';

const evidence = loadEvidence();
const mizan: Aligner = { strategy: mizanStrategy, evidence };

/** A strategy that knows nothing: pairs sentences 1-1 in order, and leaves what is over one-sided. */
const inOrder: Strategy = {
  name: 'in-order',
  signature: 'in-order',
  align: ({ english, arabic }) =>
    Array.from({ length: Math.max(english.length, arabic.length) }, (_, k) => ({
      english: k < english.length ? [k] : [],
      arabic: k < arabic.length ? [k] : [],
      score: 0.5,
    })),
};
const naive: Aligner = { strategy: inOrder, evidence };

const pairs = (beads: readonly Bead[]) => beads.map((b) => [b.source, b.target]);
const EN = REALIGN_EN;
const AR = REALIGN_AR;
const text = realignText;
const SHIFTED = shiftedBeads;
const RIGHT = RIGHT_PAIRS;

describe('realignUnconfirmed', () => {
  it('fixes a shifted stretch once a confirmed bead pins it, even with an aligner that only pairs in order', () => {
    // Alone, the in-order aligner makes the shift itself: the pin is what puts it right.
    const unpinned = realignUnconfirmed(text([...SHIFTED().slice(0, 4), bead([], [4], 'confirmed')]), naive);
    expect(pairs(unpinned.beads)).toEqual(pairs(SHIFTED()));
    // The reviewer confirmed "The two leaders…" ↔ "وناقش الزعيمان…" (the Arabic extra was left in the
    // first bead): before it the extra goes one-sided, after it everything pairs again.
    const beads = [bead([0], [0, 1]), bead([1], [2], 'confirmed'), bead([2], [3]), bead([3], [4])];
    const outcome = realignUnconfirmed(text(beads), naive);
    expect(pairs(outcome.beads)).toEqual(RIGHT);
    expect(outcome).toMatchObject({ anchors: 1, stretches: 2 });
  });

  it('with mizan: a shifted alignment comes out right around one confirmed pair, which stays the very same bead', () => {
    const pinned = pinnedBeads();
    const anchor = pinned[4]!;
    const outcome = realignUnconfirmed(text(pinned), mizan);
    expect(pairs(outcome.beads)).toEqual(RIGHT);
    expect(outcome.beads.at(-1)).toBe(anchor);
    for (const b of outcome.beads.slice(0, -1)) expect(b.status).toBe('auto');
    expect(outcome.beads[1]!.flag).toBe('target-only');
    expect(checkCoverage(outcome.beads, EN.length, AR.length)).toBeNull();
  });

  it('keeps a bead of the same sentences as the very bead it was (its score too), and changes nothing with no anchor', () => {
    const right = RIGHT.map(([s, t]) => bead(s!, t!));
    right[4] = bead([3], [4], 'edited');
    const outcome = realignUnconfirmed(text(right), mizan);
    outcome.beads.forEach((b, k) => expect(b).toBe(right[k]));
    const none = text(SHIFTED());
    expect(realignUnconfirmed(none, mizan)).toEqual({ beads: none.beads, anchors: 0, stretches: 0 });
  });

  it('leaves boilerplate where it was, and a stretch with nothing on one side as it is', () => {
    const en = ['Home | World | Sport', ...EN];
    const alignment: Alignment = {
      source: { lang: 'en', segments: segments(en) },
      target: { lang: 'ar', segments: segments(AR) },
      // The menu is boilerplate inside the first stretch; the first Arabic sentence faces it wrongly.
      beads: [bead([0], [], 'auto', 'boilerplate'), bead([1], [0, 1]), bead([2], [2], 'confirmed'), bead([3, 4], [3, 4])],
    };
    const outcome = realignUnconfirmed(alignment, mizan);
    expect(outcome.beads[0]).toBe(alignment.beads[0]);
    expect(pairs(outcome.beads)).toEqual([[[0], []], [[1], [0]], [[], [1]], [[2], [2]], [[3], [3]], [[4], [4]]]);
    expect(checkCoverage(outcome.beads, en.length, AR.length)).toBeNull();

    const oneSided = text([bead([0], [0], 'confirmed'), bead([], [1]), bead([1], [2], 'confirmed'), bead([2], [3]), bead([3], [4])]);
    const kept = realignUnconfirmed(oneSided, mizan);
    expect(kept.beads[1]).toBe(oneSided.beads[1]);
    expect(kept.stretches).toBe(2);
  });

  it('searches the whole text once, and alone only the stretches whose whole-text beads an anchor cuts', () => {
    const calls: number[] = [];
    const counting: Aligner = { ...naive, strategy: { ...inOrder, align: (input, ev) => (calls.push(input.english.length), inOrder.align(input, ev)) } };
    // The anchors agree with the in-order path: no stretch needs a search of its own.
    const agreeing = text([bead([0], [0]), bead([1], [1], 'confirmed'), bead([2], [2]), bead([3], [3], 'confirmed'), bead([], [4])]);
    expect(realignUnconfirmed(agreeing, counting).stretches).toBe(3);
    expect(calls).toEqual([4]);
    // The pin of the second pair cuts the in-order path on both sides of it: those two stretches are searched alone.
    calls.length = 0;
    realignUnconfirmed(text([bead([0], [0, 1]), bead([1], [2], 'confirmed'), bead([2], [3]), bead([3], [4])]), counting);
    expect(calls).toEqual([4, 1, 2]);
  });

  it('aligns Arabic-source files the same way, sides swapped', () => {
    const swapped: Alignment = {
      source: { lang: 'ar', segments: segments(AR) },
      target: { lang: 'en', segments: segments(EN) },
      beads: [bead([0], [0]), bead([1], [1]), bead([2], [2]), bead([3], []), bead([4], [3], 'confirmed')],
    };
    expect(pairs(realignUnconfirmed(swapped, mizan).beads)).toEqual(RIGHT.map(([s, t]) => [t, s]));
  });

  it('on the seed alignment, after any edits and confirmations: anchors untouched and in place, every sentence in one bead, in order', () => {
    const seed = parseAlignmentFile(readFileSync(new URL('../alignments/dawn-eremnews.json', import.meta.url), 'utf8')).alignment;
    const auto = seed.beads.map((b) => ({ ...b, status: 'auto' as const }));
    const action = fc.record({ kind: fc.constantFrom('confirm', 'unlink', 'merge-next', 'move-up', 'move-down'), at: fc.nat(), side: fc.constantFrom('source', 'target') });
    fc.assert(
      fc.property(fc.array(action, { maxLength: 8 }), (actions) => {
        let beads: Bead[] = auto;
        for (const a of actions) {
          const at = a.at % beads.length;
          const edit = a.kind === 'move-up' || a.kind === 'move-down' ? { kind: a.kind, at, side: a.side } : { kind: a.kind, at };
          const result = applyEdit(beads, edit);
          if (result.ok) beads = result.beads;
        }
        const alignment = { ...seed, beads };
        const outcome = realignUnconfirmed(alignment, mizan);
        expect(checkCoverage(outcome.beads, seed.source.segments.length, seed.target.segments.length)).toBeNull();
        expect(outcome.beads.filter(isAnchor)).toEqual(beads.filter(isAnchor));
        // Each anchor keeps its neighbours' sentences out: the beads before it end where they ended.
        const anchorsAt = (list: readonly Bead[]) => list.flatMap((b) => (isAnchor(b) ? [b] : []));
        anchorsAt(outcome.beads).forEach((anchor, k) => expect(anchor).toBe(anchorsAt(beads)[k]));
        for (const b of outcome.beads) expect(b.score >= 0 && b.score <= 1 && b.source.length + b.target.length > 0).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
