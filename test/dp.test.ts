import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandedDp, fullBand, type Band, type GainFn, type PathBead, type Shape } from '../src/core/align/dp.js';
import { projectBand } from '../src/core/align/search.js';

const SHAPES: readonly Shape[] = [[1, 1], [1, 0], [0, 1], [2, 1]];

/** A gain table keyed "i,j,di,dj" (the boundary the bead ends at, and its shape); one-sided beads gain 0, like mizan's. */
function table(entries: Record<string, number>): GainFn {
  return (i, j, di, dj) => {
    const key = `${i},${j},${di},${dj}`;
    if (key in entries) return entries[key]!;
    return di === 0 || dj === 0 ? 0 : -5;
  };
}

const band = (lo: number[], hi: number[]): Band => ({ lo: Int32Array.from(lo), hi: Int32Array.from(hi) });
const shapesOf = (path: PathBead[]) => path.map((b) => `${b.di}-${b.dj}@${b.i},${b.j}`);

describe('bandedDp: the best monotone path', () => {
  // Two English sentences, one Arabic. The candidate paths and their sums, by hand:
  //   2-1                 : g(2,1,2,1)
  //   1-1 then 1-0        : g(1,1,1,1) + 0
  //   1-0 then 1-1        : 0 + g(2,1,1,1)
  //   one-sided only      : 0
  it('takes a 2-1 bead when it beats 1-1 + 1-0 (1.5 > 1 > 0.2 > 0)', () => {
    const gain = table({ '2,1,2,1': 1.5, '1,1,1,1': 1, '2,1,1,1': 0.2 });
    expect(bandedDp(2, 1, SHAPES, fullBand(2, 1), gain)).toEqual([{ i: 0, j: 0, di: 2, dj: 1, gain: 1.5 }]);
  });

  it('takes 1-1 + 1-0 when the 2-1 bead is worth less (0.8 < 1)', () => {
    const gain = table({ '2,1,2,1': 0.8, '1,1,1,1': 1, '2,1,1,1': 0.2 });
    expect(bandedDp(2, 1, SHAPES, fullBand(2, 1), gain)).toEqual([
      { i: 0, j: 0, di: 1, dj: 1, gain: 1 },
      { i: 1, j: 1, di: 1, dj: 0, gain: 0 },
    ]);
  });

  it('takes 1-0 + 1-1 when the second sentence is the translated one', () => {
    const gain = table({ '2,1,2,1': 0.8, '1,1,1,1': 0.1, '2,1,1,1': 0.9 });
    expect(bandedDp(2, 1, SHAPES, fullBand(2, 1), gain)).toEqual([
      { i: 0, j: 0, di: 1, dj: 0, gain: 0 },
      { i: 1, j: 0, di: 1, dj: 1, gain: 0.9 },
    ]);
  });

  // When every two-sided bead loses, leaving sentences one-sided (gain 0) is the optimum; this is
  // how the aligner reports sentences present in one version only.
  it('leaves everything one-sided when every two-sided bead has negative gain', () => {
    const gain: GainFn = (_i, _j, di, dj) => (di === 0 || dj === 0 ? 0 : -1);
    const path = bandedDp(2, 1, SHAPES, fullBand(2, 1), gain);
    expect(path.every((b) => b.di === 0 || b.dj === 0)).toBe(true);
    expect(path.reduce((s, b) => s + b.di, 0)).toBe(2);
    expect(path.reduce((s, b) => s + b.dj, 0)).toBe(1);
    expect(path.reduce((s, b) => s + b.gain, 0)).toBe(0);
  });

  // A 3×3 diagonal (sum 3) against a tempting 2-1 bead worth 1.2: the best path through it is
  // 2-1, 0-1, 1-1 = 1.2 + 0 + 1 = 2.2, so the diagonal must win.
  it('recovers the diagonal of a 3×3 table and reports each bead gain', () => {
    const gain = table({ '1,1,1,1': 1, '2,2,1,1': 1, '3,3,1,1': 1, '2,1,2,1': 1.2, '3,2,1,1': 0.1 });
    const path = bandedDp(3, 3, SHAPES, fullBand(3, 3), gain);
    expect(shapesOf(path)).toEqual(['1-1@0,0', '1-1@1,1', '1-1@2,2']);
    expect(path.map((b) => b.gain)).toEqual([1, 1, 1]);
  });

  it('handles empty sides: n = 0 gives m target-only beads, m = 0 gives n source-only beads', () => {
    expect(shapesOf(bandedDp(0, 2, SHAPES, fullBand(0, 2), table({})))).toEqual(['0-1@0,0', '0-1@0,1']);
    expect(shapesOf(bandedDp(2, 0, SHAPES, fullBand(2, 0), table({})))).toEqual(['1-0@0,0', '1-0@1,0']);
    expect(bandedDp(0, 0, SHAPES, fullBand(0, 0), table({}))).toEqual([]);
  });
});

describe('bandedDp: the band', () => {
  // Full band: 1-0, 1-0 (bonus 5 at (2,0)), 0-1, 0-1 sums to 5 and beats the diagonal's 2. A band
  // that excludes (2, 0) must force the diagonal.
  const shapes: Shape[] = [[1, 1], [1, 0], [0, 1]];
  const gain = table({ '1,1,1,1': 1, '2,2,1,1': 1, '2,0,1,0': 5 });

  it('finds the off-diagonal optimum in the full band', () => {
    expect(shapesOf(bandedDp(2, 2, shapes, fullBand(2, 2), gain))).toEqual(['1-0@0,0', '1-0@1,0', '0-1@2,0', '0-1@2,1']);
  });

  it('never leaves the band, even when the best path lies outside it', () => {
    const b = band([0, 0, 1], [1, 2, 2]);
    const calls: Array<[number, number, number, number]> = [];
    const path = bandedDp(2, 2, shapes, b, (i, j, di, dj) => {
      calls.push([i, j, di, dj]);
      return gain(i, j, di, dj);
    });
    expect(shapesOf(path)).toEqual(['1-1@0,0', '1-1@1,1']);
    // Both ends of every bead the search considered lie inside the band.
    for (const [i, j, di, dj] of calls) {
      expect(j).toBeGreaterThanOrEqual(b.lo[i]!);
      expect(j).toBeLessThanOrEqual(b.hi[i]!);
      expect(j - dj).toBeGreaterThanOrEqual(b.lo[i - di]!);
      expect(j - dj).toBeLessThanOrEqual(b.hi[i - di]!);
    }
    expect(calls.some(([i, j]) => i === 2 && j === 0)).toBe(false);
  });

  it('throws when the band excludes the start corner or the end corner', () => {
    expect(() => bandedDp(2, 2, shapes, band([1, 0, 0], [2, 2, 2]), gain)).toThrow('the search band must contain both corners');
    expect(() => bandedDp(2, 2, shapes, band([0, 0, 0], [2, 2, 1]), gain)).toThrow('the search band must contain both corners');
  });

  // Corners inside, but with 1-1 beads only no path reaches (2, 2) from row 1's single cell (1, 0).
  it('throws when the band holds no path between the corners', () => {
    expect(() => bandedDp(2, 2, [[1, 1]], band([0, 0, 2], [0, 0, 2]), () => 1)).toThrow(/no path through the search band/);
  });
});

describe('projectBand: block path to sentence band', () => {
  it('covers a diagonal block path exactly with margin 0', () => {
    const path: PathBead[] = [
      { i: 0, j: 0, di: 1, dj: 1, gain: 0 },
      { i: 1, j: 1, di: 1, dj: 1, gain: 0 },
    ];
    const b = projectBand(path, 4, 8, 8, 0);
    expect([...b.lo]).toEqual([0, 0, 0, 0, 0, 4, 4, 4, 4]);
    expect([...b.hi]).toEqual([4, 4, 4, 4, 8, 8, 8, 8, 8]);
  });

  // The margin widens each row across columns (search.ts: consecutive block rectangles already
  // share corners), clamped to [0, m]; the corners stay pinned.
  it('widens each row by the margin, clamped to the grid', () => {
    const path: PathBead[] = [
      { i: 0, j: 0, di: 1, dj: 1, gain: 0 },
      { i: 1, j: 1, di: 1, dj: 1, gain: 0 },
    ];
    const b = projectBand(path, 4, 8, 8, 1);
    expect([...b.lo]).toEqual([0, 0, 0, 0, 0, 3, 3, 3, 3]);
    expect([...b.hi]).toEqual([5, 5, 5, 5, 8, 8, 8, 8, 8]);
  });

  // Uneven sizes (the last blocks are short) and a 1-0 block bead: the band must follow the
  // horizontal run and clamp the last block to n and m.
  it('follows a one-sided block and clamps short last blocks', () => {
    const path: PathBead[] = [
      { i: 0, j: 0, di: 1, dj: 1, gain: 0 },
      { i: 1, j: 1, di: 1, dj: 0, gain: 0 },
      { i: 2, j: 1, di: 1, dj: 1, gain: 0 },
    ];
    const b = projectBand(path, 4, 10, 6, 0);
    expect([...b.lo]).toEqual([0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 4]);
    expect([...b.hi]).toEqual([4, 4, 4, 4, 4, 4, 4, 4, 6, 6, 6]);
  });

  // Property: for any block path, each block bead's sentence rectangle lies inside the band, the
  // band holds both corners and is well formed, and the DP can always cross it.
  it('contains every projected block rectangle, for random block paths', () => {
    const blockShapes: Shape[] = [[1, 1], [1, 0], [0, 1], [1, 2], [2, 1]];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: blockShapes.length - 1 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 6 }),
        (choice, factor, cutN, cutM, margin) => {
          const path: PathBead[] = [];
          let i = 0;
          let j = 0;
          for (const c of choice) {
            const [di, dj] = blockShapes[c]!;
            path.push({ i, j, di, dj, gain: 0 });
            i += di;
            j += dj;
          }
          // The last block may be short: n lies in ((blocks - 1) * factor, blocks * factor].
          const n = i === 0 ? 0 : i * factor - Math.min(cutN, factor - 1);
          const m = j === 0 ? 0 : j * factor - Math.min(cutM, factor - 1);
          const b = projectBand(path, factor, n, m, margin);
          const problems: string[] = [];
          if (b.lo[0] !== 0 || b.hi[n] !== m) problems.push('corners');
          for (let r = 0; r <= n; r++) {
            if (!(0 <= b.lo[r]! && b.lo[r]! <= b.hi[r]! && b.hi[r]! <= m)) problems.push(`row ${r} is [${b.lo[r]}, ${b.hi[r]}]`);
          }
          for (const bead of path) {
            const i0 = Math.min(bead.i * factor, n);
            const i1 = Math.min((bead.i + bead.di) * factor, n);
            const j0 = Math.min(bead.j * factor, m);
            const j1 = Math.min((bead.j + bead.dj) * factor, m);
            for (let r = i0; r <= i1; r++) {
              if (b.lo[r]! > j0 || b.hi[r]! < j1) problems.push(`row ${r} misses [${j0}, ${j1}]`);
            }
          }
          expect(problems).toEqual([]);
          expect(() => bandedDp(n, m, [[1, 1], [1, 0], [0, 1]], b, () => 0)).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });
});
