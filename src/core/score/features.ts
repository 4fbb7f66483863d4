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
  /** Per token: an id of its word form (equal forms stand for equal ids), its weight and its candidates. */
  words: Int32Array;
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

/** What a word form means out of context, computed once per distinct form. */
interface EnglishWord {
  month: number | undefined;
  ambiguousMonth: boolean;
  scale: number | undefined;
  stop: boolean;
  /** Key and id of the stem; -1 for a stopword. */
  stem: string;
  id: number;
}

class EnglishTokenizer {
  private readonly words = new Map<string, EnglishWord>();

  constructor(
    private readonly vocab: Interner,
    private readonly names: NameIndex,
  ) {}

  private word(form: string): EnglishWord {
    let word = this.words.get(form);
    if (word) return word;
    const folded = normalizeEnglish(form);
    const stop = ENGLISH_STOPWORDS.has(folded);
    const stem = stop ? '' : stemEnglish(folded);
    const id = stop ? -1 : this.vocab.id(stem);
    const month = englishMonth(folded);
    if (!stop && month === undefined && /^\p{Lu}/u.test(form)) this.names.add(englishSkeleton(folded), id);
    word = { month, ambiguousMonth: AMBIGUOUS_MONTHS.has(folded), scale: englishScale(folded), stop, stem, id };
    this.words.set(form, word);
    return word;
  }

  tokens(text: string): RawToken[] {
    const forms = text.match(TOKEN) ?? [];
    const out: RawToken[] = [];
    forms.forEach((form, k) => {
      if (isDigits(form)) {
        const value = parseNumber(form);
        if (value === null) return;
        const next = forms[k + 1];
        const scale = next !== undefined && !isDigits(next) ? this.word(next).scale : undefined;
        const key = numberToken(value * (scale ?? 1));
        out.push({ key, ids: [this.vocab.id(key)] });
        return;
      }
      const word = this.word(form);
      const besideNumber = isDigits(forms[k - 1] ?? 'x') || isDigits(forms[k + 1] ?? 'x');
      if (word.month !== undefined && (besideNumber || !word.ambiguousMonth)) {
        const key = monthToken(word.month);
        out.push({ key, ids: [this.vocab.id(key)] });
        return;
      }
      if (word.stop || (word.scale !== undefined && isDigits(forms[k - 1] ?? 'x'))) return;
      out.push({ key: word.stem, ids: [word.id] });
    });
    return out;
  }
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
      // A scale word after a number ("300 ألف") was folded into the number token above.
      if (ARABIC_STOPWORDS.has(word) || (isDigits(words[k - 1] ?? 'x') && arabicScale(word) !== undefined)) continue;
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

function arabicUnit(tokens: RawToken[], idf: Map<string, number>, chars: number, words: Interner): ArabicUnit {
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
  return { words: Int32Array.from(tokens, (t) => words.id(t.key)), weights, start, trans: Int32Array.from(trans), total, chars };
}

export function buildFeatures(english: readonly string[], arabic: readonly string[], lexicon: Lexicon): DocumentFeatures {
  const vocab = new Interner();
  const names = new NameIndex();
  const englishTokenizer = new EnglishTokenizer(vocab, names);
  const enTokens = english.map((s) => englishTokenizer.tokens(s));
  const tokenizer = new ArabicTokenizer(vocab, lexicon, names);
  const arTokens = arabic.map((s) => tokenizer.tokens(s));
  const enIdf = weigh(enTokens);
  const arIdf = weigh(arTokens);
  const arabicWords = new Interner();
  return {
    en: enTokens.map((t, i) => englishUnit(t, enIdf, nonSpaceLength(english[i]!))),
    ar: arTokens.map((t, j) => arabicUnit(t, arIdf, nonSpaceLength(arabic[j]!), arabicWords)),
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

/** Repeated words of a block become one token with their weights summed: same candidates, same match, less work. */
export function mergeArabic(units: readonly ArabicUnit[]): ArabicUnit {
  const slot = new Map<number, number>();
  const words: number[] = [];
  const weights: number[] = [];
  const candidates: Int32Array[] = [];
  let total = 0;
  let chars = 0;
  for (const u of units) {
    for (let k = 0; k < u.weights.length; k++) {
      const word = u.words[k]!;
      const at = slot.get(word);
      if (at !== undefined) {
        weights[at] = weights[at]! + u.weights[k]!;
        continue;
      }
      slot.set(word, words.length);
      words.push(word);
      weights.push(u.weights[k]!);
      candidates.push(u.trans.subarray(u.start[k]!, u.start[k + 1]!));
    }
    total += u.total;
    chars += u.chars;
  }
  const start = new Int32Array(words.length + 1);
  candidates.forEach((c, k) => (start[k + 1] = start[k]! + c.length));
  const trans = new Int32Array(start[words.length]!);
  candidates.forEach((c, k) => trans.set(c, start[k]!));
  return { words: Int32Array.from(words), weights: Float64Array.from(weights), start, trans, total, chars };
}
