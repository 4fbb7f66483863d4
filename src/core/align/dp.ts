/**
 * Monotone dynamic programme over beads (Gale & Church 1993; Moore 2002; Thompson & Koehn 2019),
 * restricted to a band: for each boundary row i (source sentences consumed), only target
 * boundaries lo[i]..hi[i] are searched. A full band is the exact search; a narrow band around a
 * coarse path keeps cost linear in the input length.
 */

/** [source sentences, target sentences] consumed by one bead. */
export type Shape = readonly [number, number];

export interface Band {
  lo: Int32Array;
  hi: Int32Array;
}

export function fullBand(n: number, m: number): Band {
  return { lo: new Int32Array(n + 1), hi: new Int32Array(n + 1).fill(m) };
}

/** Gain of the bead that ends at boundary (i, j) with the given shape; -Infinity forbids it. */
export type GainFn = (i: number, j: number, di: number, dj: number) => number;

export interface PathBead {
  i: number;
  j: number;
  di: number;
  dj: number;
  gain: number;
}

/**
 * Maximises the summed gain from (0, 0) to (n, m); returns the beads in order. With `bound`, an
 * upper bound of `gain` that is cheaper to compute, a shape whose bound cannot beat the best found
 * so far at a cell is skipped (list cheap shapes first so the best is found early).
 */
export function bandedDp(n: number, m: number, shapes: readonly Shape[], band: Band, gain: GainFn, bound?: GainFn): PathBead[] {
  const offsets = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) offsets[i + 1] = offsets[i]! + Math.max(0, band.hi[i]! - band.lo[i]! + 1);
  const best = new Float64Array(offsets[n + 1]!).fill(-Infinity);
  const back = new Int8Array(offsets[n + 1]!).fill(-1);
  const at = (i: number, j: number) => (j >= band.lo[i]! && j <= band.hi[i]! ? offsets[i]! + j - band.lo[i]! : -1);

  const origin = at(0, 0);
  if (origin < 0 || at(n, m) < 0) throw new Error('the search band must contain both corners');
  best[origin] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = band.lo[i]!; j <= band.hi[i]!; j++) {
      const here = offsets[i]! + j - band.lo[i]!;
      if (i === 0 && j === 0) continue;
      let bestValue = -Infinity;
      let bestShape = -1;
      for (let s = 0; s < shapes.length; s++) {
        const [di, dj] = shapes[s]!;
        if (di > i || dj > j) continue;
        const from = at(i - di, j - dj);
        if (from < 0 || best[from] === -Infinity) continue;
        if (bound && best[from]! + bound(i, j, di, dj) <= bestValue) continue;
        const value = best[from]! + gain(i, j, di, dj);
        if (value > bestValue) {
          bestValue = value;
          bestShape = s;
        }
      }
      best[here] = bestValue;
      back[here] = bestShape;
    }
  }

  const path: PathBead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const k = at(i, j);
    const s = k >= 0 ? back[k]! : -1;
    if (s < 0) throw new Error(`no path through the search band at (${i}, ${j})`);
    const [di, dj] = shapes[s]!;
    path.push({ i: i - di, j: j - dj, di, dj, gain: best[k]! - best[at(i - di, j - dj)]! });
    i -= di;
    j -= dj;
  }
  return path.reverse();
}
