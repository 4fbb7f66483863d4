/**
 * Sentences as weighted tokens in one id space, so that evidence of every kind is one lookup:
 * an English sentence is a bag of stem ids; an Arabic token carries the ids it can stand for
 * (its lexicon translations, the English names it transliterates, the number or month it writes,
 * or itself when it is a Latin word or a digit string). Weights are inverse document frequency
 * within the document, so the "Syria" of a Syria story counts less than the "130" of one sentence.
 */
import type { Lexicon } from '../lexicon.js';
import { arabicCandidates, isArabicLetter, normalizeArabic, normalizeEnglish, stemEnglish } from '../text/normalize.js';
import { arabicMonth, arabicScale, englishMonth, englishScale, monthToken, numberToken, parseNumber } from './numbers.js';
import { ARABIC_STOPWORDS, ENGLISH_STOPWORDS } from './stopwords.js';
import { arabicSkeleton, englishSkeleton, NameIndex } from './translit.js';

export interface EnglishUnit {
  /** Distinct token ids and their summed weights. */
  ids: Int32Array;
  weights: Float64Array;
  total: number;
  chars: number;
}

export interface ArabicUnit {
  weights: Float64Array;
  /** Token k may stand for ids trans[start[k] .. start[k+1]). */
  start: Int32Array;
  trans: Int32Array;
  total: number;
  chars: number;
}

export interface DocumentFeatures {
  en: EnglishUnit[];
  ar: ArabicUnit[];
  vocabularySize: number;
}

/** Months that are also ordinary words (may, march; آب "father", مارس "practised") count only beside a number. */
const AMBIGUOUS_MONTHS = new Set(['may', 'march', 'mar', 'jan', 'sep', 'dec', 'اب', 'مارس', 'مايو', 'ايار']);
const TOKEN = /\d+(?:[.,]\d+)*|[\p{L}\p{M}]+(?:['’][\p{L}]+)*/gu;
const STOP_STEMS = new Set([...ENGLISH_STOPWORDS].map(stemEnglish));

class Interner {
  private readonly ids = new Map<string, number>();
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.ids.size));
    return id;
  }
  get size(): number {
    return this.ids.size;
  }
}

/** One token before weighting: its document-frequency key and the ids it stands for. */
interface RawToken {
  key: string;
  ids: number[];
}

const isDigits = (t: string) => t.charCodeAt(0) >= 48 && t.charCodeAt(0) <= 57;
const nonSpaceLength = (s: string) => s.replace(/\s+/g, '').length;

function englishTokens(text: string, vocab: Interner, names: NameIndex): RawToken[] {
  const words = text.match(TOKEN) ?? [];
  const out: RawToken[] = [];
  words.forEach((word, k) => {
    if (isDigits(word)) {
      const value = parseNumber(word);
      if (value === null) return;
      const scale = englishScale(words[k + 1] ?? '');
      const key = numberToken(value * (scale ?? 1));
      out.push({ key, ids: [vocab.id(key)] });
      return;
    }
    const month = englishMonth(word);
    const besideNumber = isDigits(words[k - 1] ?? 'x') || isDigits(words[k + 1] ?? 'x');
    if (month !== undefined && (besideNumber || !AMBIGUOUS_MONTHS.has(word.toLowerCase()))) {
      const key = monthToken(month);
      out.push({ key, ids: [vocab.id(key)] });
      return;
    }
    const folded = normalizeEnglish(word);
    if (ENGLISH_STOPWORDS.has(folded) || englishScale(folded) !== undefined && isDigits(words[k - 1] ?? 'x')) return;
    const stem = stemEnglish(folded);
    const id = vocab.id(stem);
    out.push({ key: stem, ids: [id] });
    if (/^\p{Lu}/u.test(word)) names.add(englishSkeleton(folded), id);
  });
  return out;
}

/** Transliteration is tried on the word and on it without its proclitics (و ف ب ل ك ال). */
function nameForms(norm: string): string[] {
  const bare = norm.replace(/^(و|ف)?(ب|ك|ل)?(ال|ل)?/, '');
  return bare.length >= 2 && bare !== norm ? [norm, bare] : [norm];
}

class ArabicTokenizer {
  private readonly cache = new Map<string, number[]>();

  constructor(
    private readonly vocab: Interner,
    private readonly lexicon: Lexicon,
    private readonly names: NameIndex,
  ) {}

  tokens(text: string): RawToken[] {
    const words = normalizeArabic(text).match(TOKEN) ?? [];
    const out: RawToken[] = [];
    for (let k = 0; k < words.length; k++) {
      const word = words[k]!;
      if (isDigits(word)) {
        const value = parseNumber(word);
        if (value === null) continue;
        const scale = arabicScale(words[k + 1] ?? '');
        const key = numberToken(value * (scale ?? 1));
        out.push({ key, ids: [this.vocab.id(key)] });
        continue;
      }
      const month = arabicMonth(word, words[k + 1]);
      const besideNumber = month && (isDigits(words[k - 1] ?? 'x') || isDigits(words[k + month.words] ?? 'x'));
      if (month && (besideNumber || !AMBIGUOUS_MONTHS.has(word))) {
        const key = monthToken(month.month);
        out.push({ key, ids: [this.vocab.id(key)] });
        k += month.words - 1;
        continue;
      }
      if (ARABIC_STOPWORDS.has(word) || arabicScale(word) !== undefined && isDigits(words[k - 1] ?? 'x')) continue;
      const ids = this.idsFor(word);
      if (ids) out.push({ key: word, ids });
    }
    return out;
  }

  /** null for a function word: every translation the lexicon knows is an English stopword. */
  private idsFor(word: string): number[] | null {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached.length === 1 && cached[0] === -1 ? null : cached;
    let ids: number[];
    if (!isArabicLetter(word[0]!)) {
      ids = [this.vocab.id(stemEnglish(normalizeEnglish(word)))];
    } else {
      const stems = this.lexicon.englishFor(word);
      if (stems.length > 0 && stems.every((s) => STOP_STEMS.has(s))) {
        this.cache.set(word, [-1]);
        return null;
      }
      const found = new Set(stems.map((s) => this.vocab.id(s)));
      for (const id of this.nameMatches(word, stems.length > 0)) found.add(id);
      ids = [...found];
    }
    this.cache.set(word, ids);
    return ids;
  }

  private nameMatches(word: string, known: boolean): number[] {
    const out: number[] = [];
    for (const form of nameForms(word)) {
      const skeleton = arabicSkeleton(form);
      // A dictionary word with a short skeleton (سنة "sn") is too likely to match a name by chance.
      if (skeleton.length < 2 || (known && skeleton.length < 4)) continue;
      out.push(...this.names.matches(skeleton));
    }
    return out;
  }
}

function weigh(tokens: RawToken[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const sentence of tokens) for (const key of new Set(sentence.map((t) => t.key))) df.set(key, (df.get(key) ?? 0) + 1);
  const n = tokens.length;
  const idf = new Map<string, number>();
  for (const [key, count] of df) idf.set(key, Math.log(1 + n / count));
  return idf;
}

function englishUnit(tokens: RawToken[], idf: Map<string, number>, chars: number): EnglishUnit {
  const byId = new Map<number, number>();
  for (const t of tokens) byId.set(t.ids[0]!, (byId.get(t.ids[0]!) ?? 0) + idf.get(t.key)!);
  let total = 0;
  for (const w of byId.values()) total += w;
  return { ids: Int32Array.from(byId.keys()), weights: Float64Array.from(byId.values()), total, chars };
}

function arabicUnit(tokens: RawToken[], idf: Map<string, number>, chars: number): ArabicUnit {
  const weights = new Float64Array(tokens.length);
  const start = new Int32Array(tokens.length + 1);
  const trans: number[] = [];
  let total = 0;
  tokens.forEach((t, k) => {
    weights[k] = idf.get(t.key)!;
    total += weights[k]!;
    trans.push(...t.ids);
    start[k + 1] = trans.length;
  });
  return { weights, start, trans: Int32Array.from(trans), total, chars };
}

export function buildFeatures(english: readonly string[], arabic: readonly string[], lexicon: Lexicon): DocumentFeatures {
  const vocab = new Interner();
  const names = new NameIndex();
  const enTokens = english.map((s) => englishTokens(s, vocab, names));
  const tokenizer = new ArabicTokenizer(vocab, lexicon, names);
  const arTokens = arabic.map((s) => tokenizer.tokens(s));
  const enIdf = weigh(enTokens);
  const arIdf = weigh(arTokens);
  return {
    en: enTokens.map((t, i) => englishUnit(t, enIdf, nonSpaceLength(english[i]!))),
    ar: arTokens.map((t, j) => arabicUnit(t, arIdf, nonSpaceLength(arabic[j]!))),
    vocabularySize: vocab.size,
  };
}

/** A block of consecutive sentences as one unit, for the coarse pass of the search. */
export function mergeEnglish(units: readonly EnglishUnit[]): EnglishUnit {
  const byId = new Map<number, number>();
  let total = 0;
  let chars = 0;
  for (const u of units) {
    u.ids.forEach((id, k) => byId.set(id, (byId.get(id) ?? 0) + u.weights[k]!));
    total += u.total;
    chars += u.chars;
  }
  return { ids: Int32Array.from(byId.keys()), weights: Float64Array.from(byId.values()), total, chars };
}

export function mergeArabic(units: readonly ArabicUnit[]): ArabicUnit {
  const weights: number[] = [];
  const start: number[] = [0];
  const trans: number[] = [];
  let total = 0;
  let chars = 0;
  for (const u of units) {
    for (let k = 0; k < u.weights.length; k++) {
      weights.push(u.weights[k]!);
      for (let t = u.start[k]!; t < u.start[k + 1]!; t++) trans.push(u.trans[t]!);
      start.push(trans.length);
    }
    total += u.total;
    chars += u.chars;
  }
  return { weights: Float64Array.from(weights), start: Int32Array.from(start), trans: Int32Array.from(trans), total, chars };
}
