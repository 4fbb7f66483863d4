/**
 * Training of the name model (name-model.ts) by expectation–maximisation over all character
 * alignments of each pair, Ristad & Yianilos 1998 ("Learning string-edit distance", IEEE PAMI 20(5)):
 * the E step runs forward and backward over the edit lattice and credits each unit with its posterior
 * expected count; the M step renormalises. Pure, so a test can train on a handful of pairs; the
 * build script feeds it the Wikidata name tokens.
 */
import { BASE_LETTERS, CHUNKS, chunkText, englishCodes, MAX_CHUNK, type ModelTables, type Thresholds } from './name-model.js';

export interface NamePair {
  /** normalizeArabic form. */
  ar: string;
  /** Lower case. */
  en: string;
}

export interface TrainOptions {
  iterations?: number;
  /** Arabic letters seen fewer times than this are left out of the model (and skipped when scoring). */
  minLetterCount?: number;
}

/** Units below this probability are dropped from the file: they are noise from a few odd pairs. */
export const PRUNE = 1e-5;

function arabicLetters(pairs: readonly NamePair[], minCount: number): string[] {
  const counts = new Map<string, number>();
  for (const p of pairs) for (const ch of p.ar) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return [...counts].filter(([ch, n]) => n >= minCount && /\p{L}/u.test(ch)).map(([ch]) => ch).sort();
}

/**
 * Forward probabilities of the joint model, row-major (a.length + 1) × (e.length + 1): cell (i, j)
 * is the probability of producing the first i Arabic and first j English letters.
 */
export function forward(t: ModelTables, a: readonly number[], e: readonly number[], into?: Float64Array): Float64Array {
  const n = a.length;
  const m = e.length;
  const w = m + 1;
  const f = into && into.length >= (n + 1) * w ? into : new Float64Array((n + 1) * w);
  const insert = t.letters.length * CHUNKS;
  f[0] = 1;
  for (let i = 0; i <= n; i++) {
    const row = i > 0 ? a[i - 1]! * CHUNKS : 0;
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      let s = 0;
      if (j > 0) s += f[i * w + j - 1]! * t.units[insert + e[j - 1]!]!;
      if (i > 0) {
        let code = 0;
        for (let k = 0; k <= MAX_CHUNK && k <= j; k++) {
          // Growing the chunk leftwards puts its new first letter lowest, as chunkCode packs it.
          if (k > 0) code = code * BASE_LETTERS + e[j - k]!;
          s += f[(i - 1) * w + j - k]! * t.units[row + code]!;
        }
      }
      f[i * w + j] = s;
    }
  }
  return f;
}

export function denseScore(t: ModelTables, a: readonly number[], e: readonly number[], scratch?: Float64Array): number {
  if (a.length === 0 || e.length === 0) return -Infinity;
  const f = forward(t, a, e, scratch);
  let background = 0;
  for (const x of a) background += Math.log(t.arabicBackground[x]!);
  for (const x of e) background += Math.log(t.englishBackground[x]!);
  return (Math.log(f[(a.length + 1) * (e.length + 1) - 1]!) - background) / (a.length + e.length);
}

function backward(t: ModelTables, a: readonly number[], e: readonly number[]): Float64Array {
  const n = a.length;
  const m = e.length;
  const w = m + 1;
  const b = new Float64Array((n + 1) * w);
  const insert = t.letters.length * CHUNKS;
  b[n * w + m] = 1;
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n && j === m) continue;
      let s = 0;
      if (j < m) s += t.units[insert + e[j]!]! * b[i * w + j + 1]!;
      if (i < n) {
        const row = a[i]! * CHUNKS;
        let code = 0;
        let scale = 1;
        for (let k = 0; k <= MAX_CHUNK && j + k <= m; k++) {
          // Growing rightwards puts the new last letter highest, as chunkCode packs it.
          if (k > 0) (code += e[j + k - 1]! * scale, (scale *= BASE_LETTERS));
          s += t.units[row + code]! * b[(i + 1) * w + j + k]!;
        }
      }
      b[i * w + j] = s;
    }
  }
  return b;
}

function normalise(v: Float64Array): void {
  let total = 0;
  for (const x of v) total += x;
  if (total > 0) for (let k = 0; k < v.length; k++) v[k] = v[k]! / total;
}

export function trainNameTables(pairs: readonly NamePair[], options: TrainOptions = {}): ModelTables {
  const letters = arabicLetters(pairs, options.minLetterCount ?? 1);
  const index = new Map(letters.map((l, k) => [l, k]));
  const data = pairs
    .map((p) => ({ a: [...p.ar].flatMap((ch) => (index.has(ch) ? [index.get(ch)!] : [])), e: englishCodes(p.en) }))
    .filter((d) => d.a.length > 0 && d.e.length > 0);
  const size = (letters.length + 1) * CHUNKS;
  const arabicBackground = new Float64Array(letters.length);
  const englishBackground = new Float64Array(BASE_LETTERS);
  for (const d of data) {
    for (const x of d.a) arabicBackground[x]! += 1;
    for (const x of d.e) englishBackground[x]! += 1;
  }
  normalise(arabicBackground);
  normalise(englishBackground);
  // Start from uniform units, longer English chunks less likely, so the first E step does not favour
  // alignments with few units just because they multiply fewer probabilities.
  const units = new Float64Array(size);
  for (let x = 0; x <= letters.length; x++) {
    for (let c = 0; c < CHUNKS; c++) {
      const length = c === 0 ? 0 : c < BASE_LETTERS ? 1 : c < BASE_LETTERS * BASE_LETTERS ? 2 : 3;
      if (x === letters.length && length !== 1) continue; // insertions are of one English letter
      if (length > 0 && c % BASE_LETTERS === 0) continue; // not a letter string (a zero digit)
      units[x * CHUNKS + c] = 10 ** -length;
    }
  }
  normalise(units);
  const tables: ModelTables = { letters, units, arabicBackground, englishBackground };
  const insert = letters.length * CHUNKS;
  for (let iteration = 0; iteration < (options.iterations ?? 8); iteration++) {
    const counts = new Float64Array(size);
    for (const { a, e } of data) {
      const f = forward(tables, a, e);
      const b = backward(tables, a, e);
      const w = e.length + 1;
      const z = f[f.length - 1]!;
      if (!(z > 0)) continue;
      for (let i = 0; i <= a.length; i++) {
        for (let j = 0; j <= e.length; j++) {
          const here = f[i * w + j]! / z;
          if (here === 0) continue;
          if (j < e.length) counts[insert + e[j]!]! += here * units[insert + e[j]!]! * b[i * w + j + 1]!;
          if (i < a.length) {
            const row = a[i]! * CHUNKS;
            let code = 0;
            let scale = 1;
            for (let k = 0; k <= MAX_CHUNK && j + k <= e.length; k++) {
              if (k > 0) (code += e[j + k - 1]! * scale, (scale *= BASE_LETTERS));
              counts[row + code]! += here * units[row + code]! * b[(i + 1) * w + j + k]!;
            }
          }
        }
      }
    }
    normalise(counts);
    units.set(counts);
  }
  for (let k = 0; k < size; k++) if (units[k]! < PRUNE) units[k] = 0;
  return tables;
}

const num = (p: number) => p.toExponential(3);

/** The model file (format in data/names/README.md); sorted and fixed-precision, so a rebuild is byte-identical. */
export function serializeNameModel(t: ModelTables, version: string, thresholds: Thresholds, header: string[] = []): string {
  const lines = [...header.map((h) => `# ${h}`), `version\t${version}`];
  for (const key of ['threshold', 'confident', 'agreeing'] as const) lines.push(`${key}\t${thresholds[key].toFixed(4)}`);
  t.letters.forEach((l, x) => lines.push(`ar\t${l}\t${num(t.arabicBackground[x]!)}`));
  for (let c = 1; c < BASE_LETTERS; c++) lines.push(`en\t${String.fromCharCode(96 + c)}\t${num(t.englishBackground[c]!)}`);
  for (let x = 0; x <= t.letters.length; x++) {
    const ar = x === t.letters.length ? '' : t.letters[x]!;
    const row: Array<[string, number]> = [];
    for (let c = 0; c < CHUNKS; c++) {
      const p = t.units[x * CHUNKS + c]!;
      if (p >= PRUNE) row.push([chunkText(c), p]);
    }
    row.sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0));
    for (const [en, p] of row) lines.push(`unit\t${ar}\t${en}\t${num(p)}`);
  }
  return lines.join('\n') + '\n';
}
