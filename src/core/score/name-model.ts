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
 * letters of both words so that one threshold serves short and long names alike.
 * Pure: the file's text comes in, a scorer goes out.
 */

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
  /** score ≥ threshold. */
  matches(arabicNormalizedWord: string, englishLowerWord: string): boolean;
  /** A stricter threshold, for words that also have a dictionary reading (see arabic-tokens.ts). */
  confident(arabicNormalizedWord: string, englishLowerWord: string): boolean;
  readonly threshold: number;
  readonly confidentThreshold: number;
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

export function arabicIndexes(letters: readonly string[], word: string): number[] {
  const out: number[] = [];
  for (const ch of word) {
    const k = letters.indexOf(ch);
    if (k >= 0) out.push(k);
  }
  return out;
}

/**
 * Forward probabilities of the joint model, row-major (a.length + 1) × (e.length + 1): cell (i, j)
 * is the probability of producing the first i Arabic and first j English letters.
 */
export function forward(t: ModelTables, a: readonly number[], e: readonly number[]): Float64Array {
  const n = a.length;
  const m = e.length;
  const w = m + 1;
  const f = new Float64Array((n + 1) * w);
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
          if (k > 0) code = code * BASE + e[j - k]!;
          s += f[(i - 1) * w + j - k]! * t.units[row + code]!;
        }
      }
      f[i * w + j] = s;
    }
  }
  return f;
}

export function scoreCodes(t: ModelTables, a: readonly number[], e: readonly number[]): number {
  if (a.length === 0 || e.length === 0) return -Infinity;
  const f = forward(t, a, e);
  let background = 0;
  for (const x of a) background += Math.log(t.arabicBackground[x]!);
  for (const x of e) background += Math.log(t.englishBackground[x]!);
  return (Math.log(f[f.length - 1]!) - background) / (a.length + e.length);
}

/**
 * The file (data/names/README.md): `#` comments; `version`, `threshold`, `confident` lines;
 * `ar LETTER P`, `en LETTER P` background unigrams; `unit ARABIC ENGLISH P`, either side empty.
 */
export function parseNameModel(text: string): NameModel {
  let version = '';
  let threshold = NaN;
  let confidentThreshold = NaN;
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
  return modelFromTables(tables, version, threshold, Number.isFinite(confidentThreshold) ? confidentThreshold : threshold);
}

export function modelFromTables(tables: ModelTables, version: string, threshold: number, confidentThreshold: number): NameModel {
  const index = new Map(tables.letters.map((l, k) => [l, k]));
  const arabicOf = (word: string) => {
    const out: number[] = [];
    for (const ch of word) {
      const k = index.get(ch);
      if (k !== undefined) out.push(k);
    }
    return out;
  };
  const score = (ar: string, en: string) => scoreCodes(tables, arabicOf(ar), englishCodes(en));
  return {
    score,
    matches: (ar, en) => score(ar, en) >= threshold,
    confident: (ar, en) => score(ar, en) >= confidentThreshold,
    threshold,
    confidentThreshold,
    version,
  };
}
