/**
 * Monotone dynamic programme over beads (Gale & Church 1993; Moore 2002; Thompson & Koehn 2019),
 * restricted to a band: for each boundary row i (source sentences consumed), only target
 * boundaries lo[i]..hi[i] are searched. A full band is the exact search; a narrow band around a
 * coarse path keeps cost linear in the input length.
 *
 * The search state also counts the one-sided beads since the last aligned one, up to GAP, as the
 * states of an HMM aligner do. An aligned bead after GAP or more one-sided beads (or opening the
 * text) costs `entryCost`: in a translation, aligned beads come in runs broken by the odd sentence
 * one version lacks, while two merely comparable texts that share names and topic words match as
 * isolated islands in long gaps, which the entry cost keeps one-sided. Charging every re-entry
 * instead would push the search to hide single one-sided sentences inside merged beads.
 * Inside a run, a 1-1 bead that follows an aligned bead earns `followBonus`: a pair with weak
 * lexical evidence (an idiom, a short reply) between two good anchors is most likely a pair.
 * Only 1-1 beads earn it, so it never makes merging a one-sided sentence pay.
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

export interface DpOptions {
  /** An upper bound of `gain` that is cheaper to compute: shapes whose bound cannot win are skipped. */
  bound?: GainFn;
  /** Cost of an aligned bead that follows a one-sided bead or opens the text. */
  entryCost?: number;
  /** Gain for a 1-1 bead right after an aligned bead. */
  followBonus?: number;
}

/** States 0..GAP: one-sided beads since the last aligned bead; GAP also stands for the start. */
const GAP = 3;
const STATES = GAP + 1;

/** Maximises the summed gain from (0, 0) to (n, m); returns the beads in order. List cheap shapes first. */
export function bandedDp(n: number, m: number, shapes: readonly Shape[], band: Band, gain: GainFn, options: DpOptions = {}): PathBead[] {
  const { bound, entryCost = 0, followBonus = 0 } = options;
  const offsets = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) offsets[i + 1] = offsets[i]! + Math.max(0, band.hi[i]! - band.lo[i]! + 1);
  const cells = offsets[n + 1]!;
  // best[STATES k + state]; back[STATES k + state] = shape index * STATES + previous state.
  const best = new Float64Array(STATES * cells).fill(-Infinity);
  const back = new Int16Array(STATES * cells).fill(-1);
  const at = (i: number, j: number) => (j >= band.lo[i]! && j <= band.hi[i]! ? offsets[i]! + j - band.lo[i]! : -1);

  const origin = at(0, 0);
  if (origin < 0 || at(n, m) < 0) throw new Error('the search band must contain both corners');
  best[STATES * origin + GAP] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = band.lo[i]!; j <= band.hi[i]!; j++) {
      if (i === 0 && j === 0) continue;
      const here = offsets[i]! + j - band.lo[i]!;
      for (let s = 0; s < shapes.length; s++) {
        const [di, dj] = shapes[s]!;
        if (di > i || dj > j) continue;
        const from = at(i - di, j - dj);
        if (from < 0) continue;
        const aligned = di > 0 && dj > 0;
        // The bead's own gain does not depend on the state: computed at most once, and only when
        // some predecessor state could still win with it.
        let beadGain = NaN;
        let beadBound = NaN;
        for (let previous = 0; previous < STATES; previous++) {
          let base = best[STATES * from + previous]!;
          if (base === -Infinity) continue;
          if (aligned && previous === GAP) base -= entryCost;
          if (di === 1 && dj === 1 && previous === 0) base += followBonus;
          const state = aligned ? 0 : Math.min(previous + 1, GAP);
          const current = best[STATES * here + state]!;
          if (Number.isNaN(beadGain)) {
            if (bound) {
              if (Number.isNaN(beadBound)) beadBound = bound(i, j, di, dj);
              if (base + beadBound <= current) continue;
            }
            beadGain = gain(i, j, di, dj);
          }
          const value = base + beadGain;
          if (value > current) {
            best[STATES * here + state] = value;
            back[STATES * here + state] = s * STATES + previous;
          }
        }
      }
    }
  }

  const path: PathBead[] = [];
  let i = n;
  let j = m;
  const end = at(n, m);
  let state = 0;
  for (let k = 1; k < STATES; k++) if (best[STATES * end + k]! > best[STATES * end + state]!) state = k;
  while (i > 0 || j > 0) {
    const k = at(i, j);
    const pointer = k >= 0 ? back[STATES * k + state]! : -1;
    if (pointer < 0) throw new Error(`no path through the search band at (${i}, ${j})`);
    const [di, dj] = shapes[Math.floor(pointer / STATES)]!;
    const previous = pointer % STATES;
    const from = at(i - di, j - dj);
    path.push({ i: i - di, j: j - dj, di, dj, gain: best[STATES * k + state]! - best[STATES * from + previous]! });
    i -= di;
    j -= dj;
    state = previous;
  }
  return path.reverse();
}
