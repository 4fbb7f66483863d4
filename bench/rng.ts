/**
 * A small seeded PRNG so that every generated benchmark set is reproducible from its seed alone:
 * Math.random cannot be seeded, and a published figure must be re-creatable from the command that
 * produced it. mulberry32 (Tommy Ettinger's public-domain 32-bit generator) is fast, has a full
 * 2^32 period and passes the statistical tests that matter for shuffling test data.
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /**
   * An independent generator from this one's seed and a label, whatever has been drawn so far: each
   * document gets its own stream, so changing how one document is perturbed does not shift the others.
   */
  fork(label: string): Rng;
}

/** FNV-1a over the label, mixed with the seed: stable stream ids for `fork`. */
function hash(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    fork: (label) => createRng(hash(seed >>> 0, label)),
  };
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/** k distinct indices from [0, n), ascending. */
export function sampleIndices(n: number, k: number, rng: Rng): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  return shuffled(all, rng)
    .slice(0, Math.max(0, Math.min(k, n)))
    .sort((a, b) => a - b);
}
