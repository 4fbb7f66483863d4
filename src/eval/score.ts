/**
 * Alignment scoring as in vecalign's score.py (github.com/thompsonb/vecalign), which implements the
 * strict/lax precision and recall of Bleualign (Sennrich & Volk 2011, aclweb.org/anthology/W11-4624).
 *
 * score.py, step by step, and where we follow it:
 *  - `_precision(gold, test)` turns both into sets of (src tuple, tgt tuple), dropping beads empty on
 *    both sides, so a repeated bead counts once and index order inside a bead matters.
 *  - a test bead found in the gold set is a strict and a lax true positive; otherwise it is a strict
 *    false positive, and a lax true positive when its target shares an index with the targets that
 *    gold links to any of its source indices (`src_id_to_gold_tgt_ids`), else a lax false positive.
 *    So a one-sided test bead is right only when gold has exactly that bead.
 *  - precision = `_precision(gold, test)` on all beads; recall = `_precision(test_no_del, gold_no_del)`
 *    with the arguments swapped and every one-sided bead dropped from both ("recall is precision with
 *    no insertion/deletion and swap args").
 *  - `score_multiple` sums the four counts of each pass over all documents, then divides once.
 *  - every 0/0 (and F1 with P+R = 0) is `value_for_div_by_0`, 0.0 by default; we do the same.
 * Recall ignores one-sided beads, so we also score one-sided detection: each segment of a
 * source-only or target-only bead is a unit (side, index); precision/recall/F1 of the predicted
 * units against the gold ones, counts pooled the same way.
 */
import type { LadderBead } from '../core/types.js';

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** Raw pooled counts, so documents (or shards of a batch) can be added up before dividing. */
export interface EvalCounts {
  documents: number;
  /** Distinct beads, not empty on both sides, that the precision pass saw. */
  goldBeads: number;
  testBeads: number;
  /** Precision pass over test beads (score.py's pcounts: tpstrict, fpstrict, tplax, fplax). */
  precision: { strictTp: number; strictFp: number; laxTp: number; laxFp: number };
  /** Recall pass over two-sided gold beads (score.py's rcounts, with the arguments swapped). */
  recall: { strictTp: number; strictFn: number; laxTp: number; laxFn: number };
  /** One-sided segments: predicted ∩ gold, predicted, gold. */
  oneSided: { tp: number; predicted: number; gold: number };
}

export interface EvalResult {
  strict: Prf;
  lax: Prf;
  oneSided: Prf;
  documents: number;
  goldBeads: number;
  testBeads: number;
}

type Pair = readonly [source: readonly number[], target: readonly number[]];

const key = (source: readonly number[], target: readonly number[]): string =>
  `${source.join(',')}:${target.join(',')}`;

/** score.py's `set([(tuple(x), tuple(y)) for x, y in align if len(x) or len(y)])`. */
function beadSet(beads: readonly LadderBead[], keep: (b: LadderBead) => boolean): Map<string, Pair> {
  const set = new Map<string, Pair>();
  for (const bead of beads) {
    if (keep(bead)) set.set(key(bead.source, bead.target), [bead.source, bead.target]);
  }
  return set;
}

const nonEmpty = (b: LadderBead): boolean => b.source.length > 0 || b.target.length > 0;
const twoSided = (b: LadderBead): boolean => b.source.length > 0 && b.target.length > 0;

/** score.py's `_precision`: [tpstrict, fpstrict, tplax, fplax] of `test` against `gold`. */
function precisionCounts(gold: Map<string, Pair>, test: Map<string, Pair>): [number, number, number, number] {
  let tpStrict = 0;
  let fpStrict = 0;
  let tpLax = 0;
  let fpLax = 0;
  const goldTargetsOf = new Map<number, Set<number>>();
  for (const [source, target] of gold.values()) {
    for (const s of source) {
      const targets = goldTargetsOf.get(s) ?? new Set<number>();
      for (const t of target) targets.add(t);
      goldTargetsOf.set(s, targets);
    }
  }
  for (const [k, [source, target]] of test) {
    if (gold.has(k)) {
      tpStrict++;
      tpLax++;
    } else {
      fpStrict++;
      const reachable = new Set<number>();
      for (const s of source) for (const t of goldTargetsOf.get(s) ?? []) reachable.add(t);
      if (target.some((t) => reachable.has(t))) tpLax++;
      else fpLax++;
    }
  }
  return [tpStrict, fpStrict, tpLax, fpLax];
}

/** The (side, index) units of the one-sided beads of a document. */
function oneSidedUnits(beads: readonly LadderBead[]): Set<string> {
  const units = new Set<string>();
  for (const bead of beads) {
    if (bead.target.length === 0) for (const s of bead.source) units.add(`s${s}`);
    if (bead.source.length === 0) for (const t of bead.target) units.add(`t${t}`);
  }
  return units;
}

export function countDocument(gold: readonly LadderBead[], test: readonly LadderBead[]): EvalCounts {
  const goldAll = beadSet(gold, nonEmpty);
  const testAll = beadSet(test, nonEmpty);
  const [pTp, pFp, pLaxTp, pLaxFp] = precisionCounts(goldAll, testAll);
  // Swapped arguments: the "test" of this pass is the two-sided gold beads.
  const [rTp, rFn, rLaxTp, rLaxFn] = precisionCounts(beadSet(test, twoSided), beadSet(gold, twoSided));
  const goldUnits = oneSidedUnits(gold);
  const testUnits = oneSidedUnits(test);
  let tp = 0;
  for (const unit of testUnits) if (goldUnits.has(unit)) tp++;
  return {
    documents: 1,
    goldBeads: goldAll.size,
    testBeads: testAll.size,
    precision: { strictTp: pTp, strictFp: pFp, laxTp: pLaxTp, laxFp: pLaxFp },
    recall: { strictTp: rTp, strictFn: rFn, laxTp: rLaxTp, laxFn: rLaxFn },
    oneSided: { tp, predicted: testUnits.size, gold: goldUnits.size },
  };
}

export function emptyCounts(): EvalCounts {
  return {
    documents: 0,
    goldBeads: 0,
    testBeads: 0,
    precision: { strictTp: 0, strictFp: 0, laxTp: 0, laxFp: 0 },
    recall: { strictTp: 0, strictFn: 0, laxTp: 0, laxFn: 0 },
    oneSided: { tp: 0, predicted: 0, gold: 0 },
  };
}

export function addCounts(a: EvalCounts, b: EvalCounts): EvalCounts {
  const p = a.precision;
  const r = a.recall;
  return {
    documents: a.documents + b.documents,
    goldBeads: a.goldBeads + b.goldBeads,
    testBeads: a.testBeads + b.testBeads,
    precision: {
      strictTp: p.strictTp + b.precision.strictTp,
      strictFp: p.strictFp + b.precision.strictFp,
      laxTp: p.laxTp + b.precision.laxTp,
      laxFp: p.laxFp + b.precision.laxFp,
    },
    recall: {
      strictTp: r.strictTp + b.recall.strictTp,
      strictFn: r.strictFn + b.recall.strictFn,
      laxTp: r.laxTp + b.recall.laxTp,
      laxFn: r.laxFn + b.recall.laxFn,
    },
    oneSided: {
      tp: a.oneSided.tp + b.oneSided.tp,
      predicted: a.oneSided.predicted + b.oneSided.predicted,
      gold: a.oneSided.gold + b.oneSided.gold,
    },
  };
}

/** score.py: `if den == 0: value_for_div_by_0` (0.0) `else: num / float(den)`. */
const ratio = (num: number, den: number): number => (den === 0 ? 0 : num / den);

function prf(precision: number, recall: number): Prf {
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function finish(counts: EvalCounts): EvalResult {
  const p = counts.precision;
  const r = counts.recall;
  const o = counts.oneSided;
  return {
    strict: prf(ratio(p.strictTp, p.strictTp + p.strictFp), ratio(r.strictTp, r.strictTp + r.strictFn)),
    lax: prf(ratio(p.laxTp, p.laxTp + p.laxFp), ratio(r.laxTp, r.laxTp + r.laxFn)),
    oneSided: prf(ratio(o.tp, o.predicted), ratio(o.tp, o.gold)),
    documents: counts.documents,
    goldBeads: counts.goldBeads,
    testBeads: counts.testBeads,
  };
}

export function evaluate(
  pairs: ReadonlyArray<{ gold: readonly LadderBead[]; test: readonly LadderBead[] }>,
): EvalResult {
  return finish(pairs.reduce((sum, { gold, test }) => addCounts(sum, countDocument(gold, test)), emptyCounts()));
}
