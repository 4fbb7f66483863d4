import { describe, expect, it } from 'vitest';
import type { LadderBead } from '../src/core/types.js';
import { addCounts, countDocument, evaluate, finish } from '../src/eval/score.js';
import { parseLadder } from '../src/formats/ladder.js';

const L = (text: string): LadderBead[] => parseLadder(text.replace(/ *\| */g, '\n'));

/*
 * Document 1: gold has a 1-1 and a 0-1 where the test has one 1-2 bead, plus a source-only bead.
 *   gold: [0]:[0] | [1]:[1] | []:[2] | [2]:[3] | [3]:[]
 *   test: [0]:[0] | [1]:[1, 2] | [2]:[3] | [3]:[]
 * Precision pass (all test beads vs all gold; gold maps source 0→{0}, 1→{1}, 2→{3}):
 *   [0]:[0] exact → strict tp, lax tp
 *   [1]:[1, 2] not in gold; gold targets of source 1 = {1}, meets {1, 2} → strict fp, lax tp
 *   [2]:[3] exact → tp, tp
 *   [3]:[] exact (gold has that source-only bead) → tp, tp
 *   strict 3 tp 1 fp, lax 4 tp 0 fp → P strict 3/4, P lax 4/4
 * Recall pass (two-sided gold vs two-sided test; test maps 0→{0}, 1→{1, 2}, 2→{3}):
 *   [0]:[0] exact; [1]:[1] not exact but {1} meets {1, 2} → lax only; [2]:[3] exact
 *   strict 2 tp 1 fn, lax 3 tp 0 fn → R strict 2/3, R lax 1
 *   F1 strict = 2·(3/4)(2/3) / (3/4 + 2/3) = 1 / (17/12) = 12/17
 * One-sided units: gold {t2, s3}, test {s3} → tp 1 → P 1/1, R 1/2, F1 2/3
 */
const gold1 = L('[0]:[0] | [1]:[1] | []:[2] | [2]:[3] | [3]:[]');
const test1 = L('[0]:[0] | [1]:[1, 2] | [2]:[3] | [3]:[]');

/*
 * Document 2: a 2-1 test bead against gold 1-1 + 1-0, a swap, and a 1-1 split into 1-0 + 0-1.
 *   gold: [0]:[0] | [1]:[1] | [2]:[] | [3]:[2] | [4]:[3] | [5]:[4]
 *   test: [0]:[0] | [1, 2]:[1] | [3]:[3] | [4]:[2] | [5]:[] | []:[4]
 * Precision pass (gold maps 0→{0}, 1→{1}, 3→{2}, 4→{3}, 5→{4}; source 2 maps to nothing):
 *   [0]:[0] tp tp;  [1, 2]:[1] → {1} meets {1}: strict fp, lax tp
 *   [3]:[3] → {2}: fp fp;  [4]:[2] → {3}: fp fp
 *   [5]:[] not in gold, no target to overlap: fp fp;  []:[4] no source: fp fp
 *   strict 1 tp 5 fp, lax 2 tp 4 fp
 * Recall pass (gold two-sided [0]:[0] [1]:[1] [3]:[2] [4]:[3] [5]:[4];
 *   test two-sided maps 0→{0}, 1→{1}, 2→{1}, 3→{3}, 4→{2}):
 *   [0]:[0] tp tp; [1]:[1] lax tp; [3]:[2] fn fn; [4]:[3] fn fn; [5]:[4] (5 maps to nothing) fn fn
 *   strict 1 tp 4 fn, lax 2 tp 3 fn
 * One-sided units: gold {s2}, test {s5, t4} → tp 0
 *
 * Pooled over both (counts summed, then divided, as score.py's score_multiple):
 *   P strict 4/10 = 0.4, R strict 3/8 = 0.375, F1 = 0.3/0.775 = 12/31
 *   P lax 6/10 = 0.6, R lax 5/8 = 0.625, F1 = 0.75/1.225 = 30/49
 *   one-sided tp 1, predicted 3, gold 3 → 1/3, 1/3, 1/3
 *   beads: gold 5 + 6 = 11, test 4 + 6 = 10
 * (Averaging per document would give P strict (3/4 + 1/6)/2 ≈ 0.458 instead.)
 * Cross-checked by running score.py's _precision/score_multiple on the same beads.
 */
const gold2 = L('[0]:[0] | [1]:[1] | [2]:[] | [3]:[2] | [4]:[3] | [5]:[4]');
const test2 = L('[0]:[0] | [1, 2]:[1] | [3]:[3] | [4]:[2] | [5]:[] | []:[4]');

describe('scoring as vecalign score.py', () => {
  it('counts one document by hand: 1-2 bead vs gold 1-1 + 0-1, with a one-sided bead', () => {
    const counts = countDocument(gold1, test1);
    expect(counts.precision).toEqual({ strictTp: 3, strictFp: 1, laxTp: 4, laxFp: 0 });
    expect(counts.recall).toEqual({ strictTp: 2, strictFn: 1, laxTp: 3, laxFn: 0 });
    expect(counts.oneSided).toEqual({ tp: 1, predicted: 1, gold: 2 });
    const r = finish(counts);
    expect(r.strict.precision).toBeCloseTo(0.75, 12);
    expect(r.strict.recall).toBeCloseTo(2 / 3, 12);
    expect(r.strict.f1).toBeCloseTo(12 / 17, 12);
    expect(r.lax).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(r.oneSided.precision).toBe(1);
    expect(r.oneSided.recall).toBe(0.5);
    expect(r.oneSided.f1).toBeCloseTo(2 / 3, 12);
    expect([r.documents, r.goldBeads, r.testBeads]).toEqual([1, 5, 4]);
  });

  it('counts a 2-1 bead vs gold 1-1 + 1-0, a swap and a split pair', () => {
    const counts = countDocument(gold2, test2);
    expect(counts.precision).toEqual({ strictTp: 1, strictFp: 5, laxTp: 2, laxFp: 4 });
    expect(counts.recall).toEqual({ strictTp: 1, strictFn: 4, laxTp: 2, laxFn: 3 });
    expect(counts.oneSided).toEqual({ tp: 0, predicted: 2, gold: 1 });
    expect(finish(counts).oneSided).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('pools counts over documents before dividing', () => {
    const r = evaluate([
      { gold: gold1, test: test1 },
      { gold: gold2, test: test2 },
    ]);
    expect(r.strict.precision).toBeCloseTo(0.4, 12);
    expect(r.strict.recall).toBeCloseTo(0.375, 12);
    expect(r.strict.f1).toBeCloseTo(12 / 31, 12);
    expect(r.lax.precision).toBeCloseTo(0.6, 12);
    expect(r.lax.recall).toBeCloseTo(0.625, 12);
    expect(r.lax.f1).toBeCloseTo(30 / 49, 12);
    expect(r.oneSided.precision).toBeCloseTo(1 / 3, 12);
    expect(r.oneSided.recall).toBeCloseTo(1 / 3, 12);
    expect(r.oneSided.f1).toBeCloseTo(1 / 3, 12);
    expect([r.documents, r.goldBeads, r.testBeads]).toEqual([2, 11, 10]);
    expect(finish(addCounts(countDocument(gold1, test1), countDocument(gold2, test2)))).toEqual(r);
  });

  it('gives 0 for 0/0, as score.py with value_for_div_by_0=0.0', () => {
    // Empty test: precision 0/0 → 0; recall 0/3 → 0; F1 with P + R = 0 → 0.
    const r = evaluate([{ gold: gold1, test: [] }]);
    expect(r.strict).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(r.lax).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(evaluate([]).strict).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('is perfect on identical alignments', () => {
    const r = evaluate([{ gold: gold2, test: gold2 }]);
    expect(r.strict).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(r.lax).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(r.oneSided).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('uses sets as score.py does: duplicates count once, [] : [] is ignored', () => {
    // test [0]:[0] twice and an empty bead → test set {[0]:[0]}: P strict 1/1; recall 1/2.
    const r = evaluate([{ gold: L('[0]:[0] | [1]:[1]'), test: L('[0]:[0] | [0]:[0] | []:[]') }]);
    expect(r.strict.precision).toBe(1);
    expect(r.strict.recall).toBe(0.5);
    expect(r.testBeads).toBe(1);
  });
});
