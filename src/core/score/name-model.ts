/**
 * A learned transliteration model for names across scripts: a memoryless stochastic edit model
 * (Ristad & Yianilos 1998, "Learning string-edit distance") whose edit units pair one Arabic letter
 * with an English letter string of 0–3 letters (AbdulJaleel & Larkey 2003 map Arabic letters to English
 * n-grams the same way: ش ↔ sh, خ ↔ kh, ا ↔ a or nothing), plus English letters with no Arabic letter
 * (the short vowels Arabic leaves unwritten). Trained by EM on Wikidata name token pairs (Merhav & Ash,
 * COLING 2018) in scripts/build-names.ts; see data/names/README.md.
 *
 * The score of a pair is the log-likelihood ratio of the joint model (summed over all alignments, the
 * forward algorithm) against the two words drawn independently from letter unigrams, divided by the
 * letters of both words so that one threshold serves short and long names alike. A lower threshold
 * applies when the hand-written consonant skeletons (translit.ts) are identical: French -ande is وند
 * in أولوند, a spelling a memoryless letter model finds unlikely but the skeleton "lnd" vouches for.
 * Pure: the file's text comes in, a scorer goes out. Longer than the ~200 lines of a core module
 * because the scorer is one hot loop best read whole (the training side is name-train.ts).
 */
import { arabicSkeleton, englishSkeleton } from './translit.js';

/** The two words reduce to one consonant skeleton of two classes or more (translit.ts). */
export function skeletonsAgree(arabicNormalizedWord: string, englishLowerWord: string): boolean {
  const skeleton = arabicSkeleton(arabicNormalizedWord);
  return skeleton.length >= 2 && skeleton === englishSkeleton(englishLowerWord.normalize('NFD'));
}

/** English letters a–z are 1..26; chunk codes pack up to three of them base 27 (0: the empty chunk). */
export const BASE_LETTERS = 27;
const BASE = BASE_LETTERS;
export const CHUNKS = BASE * BASE * BASE;
export const MAX_CHUNK = 3;
/** Probability of an edit unit the model never saw: keeps a rare letter from ruling a pair out by itself. */
const FLOOR = 1e-7;

export interface NameModel {
  /** Per-letter log-likelihood ratio; comparable across lengths. -Infinity when a word has no letters. */
  score(arabicNormalizedWord: string, englishLowerWord: string): number;
  /** score ≥ threshold, or ≥ agreeing threshold when the consonant skeletons are identical. */
  matches(arabicNormalizedWord: string, englishLowerWord: string): boolean;
  /** A stricter threshold, for words that also have a dictionary reading (see arabic-tokens.ts). */
  confident(arabicNormalizedWord: string, englishLowerWord: string): boolean;
  readonly threshold: number;
  readonly confidentThreshold: number;
  readonly agreeingThreshold: number;
  readonly version: string;
}

/** English word to letter codes 1..26: accents dropped (José → jose), anything else not a–z skipped. */
export function englishCodes(word: string): number[] {
  const out: number[] = [];
  for (const ch of word.normalize('NFD').toLowerCase()) {
    const c = ch.charCodeAt(0) - 96;
    if (c >= 1 && c <= 26) out.push(c);
  }
  return out;
}

/** The chunk of `codes` from `from` (inclusive) to `to` (exclusive), at most MAX_CHUNK letters. */
export function chunkCode(codes: readonly number[], from: number, to: number): number {
  let code = 0;
  for (let k = to - 1; k >= from; k--) code = code * BASE + codes[k]!;
  return code;
}

export function chunkText(code: number): string {
  let out = '';
  for (let c = code; c > 0; c = Math.floor(c / BASE)) out += String.fromCharCode(96 + (c % BASE));
  return out;
}

export function chunkFromText(text: string): number {
  const codes = englishCodes(text);
  return chunkCode(codes, 0, codes.length);
}

export interface Thresholds {
  threshold: number;
  confident: number;
  agreeing: number;
}

/** Dense tables: probabilities of units, and of letters in the background. */
export interface ModelTables {
  /** Arabic letters in index order; index `letters.length` is the empty Arabic side (insertion of English). */
  letters: string[];
  /** (letters.length + 1) × CHUNKS unit probabilities. */
  units: Float64Array;
  arabicBackground: Float64Array;
  /** Index 1..26. */
  englishBackground: Float64Array;
}

/**
 * The file (data/names/README.md): `#` comments; `version`, `threshold`, `confident`, `agreeing` lines;
 * `ar LETTER P`, `en LETTER P` background unigrams; `unit ARABIC ENGLISH P`, either side empty.
 */
export function parseNameModel(text: string): NameModel {
  let version = '';
  let threshold = NaN;
  let confidentThreshold = NaN;
  let agreeing = NaN;
  const letters: string[] = [];
  const arabic: number[] = [];
  const english = new Float64Array(BASE).fill(FLOOR);
  const unitLines: Array<[string, string, number]> = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const f = line.split('\t');
    const value = Number(f[f.length - 1]);
    if (f[0] === 'version') version = f[1] ?? '';
    else if (f[0] === 'threshold') threshold = value;
    else if (f[0] === 'confident') confidentThreshold = value;
    else if (f[0] === 'agreeing') agreeing = value;
    else if (f[0] === 'ar' && f[1]) (letters.push(f[1]), arabic.push(value));
    else if (f[0] === 'en' && f[1]) english[chunkFromText(f[1])] = value;
    else if (f[0] === 'unit' && f.length === 4) unitLines.push([f[1]!, f[2]!, value]);
    else throw new Error(`name model: cannot read the line "${line.slice(0, 60)}"`);
  }
  if (!version || !Number.isFinite(threshold) || letters.length === 0 || unitLines.length === 0) {
    throw new Error('name model: it needs a version, a threshold, letters and units');
  }
  const units = new Float64Array((letters.length + 1) * CHUNKS);
  // Every single-letter unit gets the floor, so an unseen but plausible letter pairing costs, not vetoes.
  for (let x = 0; x <= letters.length; x++) for (let c = 0; c < BASE; c++) units[x * CHUNKS + c] = FLOOR;
  for (const [ar, en, p] of unitLines) {
    const x = ar === '' ? letters.length : letters.indexOf(ar);
    if (x < 0) throw new Error(`name model: unit for unknown letter ${ar}`);
    units[x * CHUNKS + chunkFromText(en)] = p;
  }
  const tables: ModelTables = { letters, units, arabicBackground: Float64Array.from(arabic), englishBackground: english };
  const confident = Number.isFinite(confidentThreshold) ? confidentThreshold : threshold;
  return modelFromTables(tables, version, { threshold, confident, agreeing: Number.isFinite(agreeing) ? agreeing : threshold });
}

/**
 * The scorer proper. The dense tables hold 27³ chunk columns per letter, almost all zero; scoring
 * keeps only the chunks the model has (a few hundred) so a unit lookup stays in cache, and each English
 * word is prepared once — its letters, which of its two- and three-letter substrings are chunks, its
 * background log-probability — because a document's names are scored against many Arabic words.
 * Same sums as `forward` over the dense tables: a chunk the model lacks has probability 0 there.
 */
export function modelFromTables(tables: ModelTables, version: string, thresholds: Thresholds): NameModel {
  const { threshold, confident: confidentThreshold, agreeing } = thresholds;
  const nLetters = tables.letters.length;
  const column = new Map<number, number>();
  for (let x = 0; x <= nLetters; x++) {
    for (let c = BASE; c < CHUNKS; c++) if (tables.units[x * CHUNKS + c]! > 0 && !column.has(c)) column.set(c, BASE + column.size);
  }
  const width = BASE + column.size;
  const units = new Float64Array((nLetters + 1) * width);
  for (let x = 0; x <= nLetters; x++) {
    for (let c = 0; c < BASE; c++) units[x * width + c] = tables.units[x * CHUNKS + c]!;
    for (const [c, col] of column) units[x * width + col] = tables.units[x * CHUNKS + c]!;
  }
  const logArabic = tables.arabicBackground.map(Math.log);
  const index = new Map(tables.letters.map((l, k) => [l, k]));

  interface Prepared {
    codes: number[];
    /** Per end position j: the columns of the chunks e[j-2..j) and e[j-3..j), -1 when not a chunk. */
    two: Int32Array;
    three: Int32Array;
    background: number;
  }
  const english = new Map<string, Prepared>();
  const prepare = (word: string): Prepared => {
    const codes = englishCodes(word);
    const two = new Int32Array(codes.length + 1).fill(-1);
    const three = new Int32Array(codes.length + 1).fill(-1);
    let background = 0;
    for (let j = 1; j <= codes.length; j++) {
      background += Math.log(tables.englishBackground[codes[j - 1]!]!);
      if (j >= 2) two[j] = column.get(chunkCode(codes, j - 2, j)) ?? -1;
      if (j >= 3) three[j] = column.get(chunkCode(codes, j - 3, j)) ?? -1;
    }
    return { codes, two, three, background };
  };

  let lastArabic: string | undefined;
  let a: number[] = [];
  let arabicBackground = 0;
  let f = new Float64Array(256);
  const insert = nLetters * width;
  const score = (ar: string, en: string): number => {
    if (ar !== lastArabic) {
      lastArabic = ar;
      a = [];
      arabicBackground = 0;
      for (const ch of ar) {
        const k = index.get(ch);
        if (k !== undefined) (a.push(k), (arabicBackground += logArabic[k]!));
      }
    }
    let p = english.get(en);
    if (!p) {
      if (english.size > 100_000) english.clear();
      english.set(en, (p = prepare(en)));
    }
    const e = p.codes;
    const n = a.length;
    const m = e.length;
    if (n === 0 || m === 0) return -Infinity;
    const w = m + 1;
    if ((n + 1) * w > f.length) f = new Float64Array((n + 1) * w * 2);
    f[0] = 1;
    for (let j = 1; j <= m; j++) f[j] = f[j - 1]! * units[insert + e[j - 1]!]!;
    for (let i = 1; i <= n; i++) {
      const row = a[i - 1]! * width;
      const up = (i - 1) * w;
      const here = i * w;
      f[here] = f[up]! * units[row]!;
      for (let j = 1; j <= m; j++) {
        let s = f[here + j - 1]! * units[insert + e[j - 1]!]! + f[up + j]! * units[row]! + f[up + j - 1]! * units[row + e[j - 1]!]!;
        const c2 = p.two[j]!;
        if (c2 >= 0) s += f[up + j - 2]! * units[row + c2]!;
        const c3 = p.three[j]!;
        if (c3 >= 0) s += f[up + j - 3]! * units[row + c3]!;
        f[here + j] = s;
      }
    }
    return (Math.log(f[n * w + m]!) - arabicBackground - p.background) / (n + m);
  };
  return {
    score,
    matches: (ar, en) => {
      const s = score(ar, en);
      return s >= threshold || (s >= agreeing && skeletonsAgree(ar, en));
    },
    confident: (ar, en) => score(ar, en) >= confidentThreshold,
    threshold,
    confidentThreshold,
    agreeingThreshold: agreeing,
    version,
  };
}
