/**
 * The length-only baseline of Gale & Church (1993), "A program for aligning sentences in bilingual
 * corpora": bead priors and a Gaussian model of the length difference, nothing lexical. Kept so
 * every benchmark run shows what the lexical evidence adds. The ratio c is estimated from the
 * pair, as in the mizan strategy, rather than fixed at 1.
 */
import { bandedDp, fullBand, type Band, type Shape } from './dp.js';
import { estimateRatio, lengthCost } from '../score/length.js';
import { crossesBreak, type Strategy, type StrategyBead, type StrategyInput } from './strategy.js';

/** Gale & Church's bead probabilities (Table 5), the one-sided and many-to-one mass split evenly. */
const PRIORS: ReadonlyArray<readonly [Shape, number]> = [
  [[1, 1], 0.89],
  [[1, 0], 0.0099 / 2],
  [[0, 1], 0.0099 / 2],
  [[2, 1], 0.089 / 2],
  [[1, 2], 0.089 / 2],
  [[2, 2], 0.011],
];
/** Beyond this many cells the baseline searches a band around the diagonal only. */
const FULL_SEARCH_CELLS = 400 * 400;
const DIAGONAL_BAND = 100;

function diagonalBand(n: number, m: number): Band {
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const centre = Math.round((i * m) / Math.max(n, 1));
    lo[i] = Math.max(0, centre - DIAGONAL_BAND);
    hi[i] = Math.min(m, centre + DIAGONAL_BAND);
  }
  return { lo, hi };
}

function align(input: StrategyInput): StrategyBead[] {
  const en = input.english.map((s) => s.replace(/\s+/g, '').length);
  const ar = input.arabic.map((s) => s.replace(/\s+/g, '').length);
  const ratio = estimateRatio(en, ar);
  const sum = (xs: number[], from: number, to: number) => xs.slice(from, to).reduce((a, b) => a + b, 0);
  const shapes = PRIORS.map(([shape]) => shape);
  const logPrior = new Map(PRIORS.map(([[di, dj], p]) => [`${di}-${dj}`, Math.log(p)]));
  const cost = (i: number, j: number, di: number, dj: number) =>
    -logPrior.get(`${di}-${dj}`)! + lengthCost(sum(en, i - di, i), sum(ar, j - dj, j), ratio);
  const n = en.length;
  const m = ar.length;
  const band = (n + 1) * (m + 1) <= FULL_SEARCH_CELLS ? fullBand(n, m) : diagonalBand(n, m);
  const path = bandedDp(n, m, shapes, band, (i, j, di, dj) =>
    crossesBreak(input.englishBreakAfter, i - di, i) || crossesBreak(input.arabicBreakAfter, j - dj, j) ? -Infinity : -cost(i, j, di, dj),
  );
  return path.map(({ i, j, di, dj, gain }) => ({
    english: Array.from({ length: di }, (_, k) => i + k),
    arabic: Array.from({ length: dj }, (_, k) => j + k),
    score: Math.exp(gain),
  }));
}

export const galeChurchStrategy: Strategy = {
  name: 'gale-church',
  signature: 'gale-church:1993|ratio=estimated',
  align: (input) => align(input),
};
