/**
 * Sentences as weighted tokens in one id space, so that evidence of every kind is one lookup:
 * an English sentence is a bag of stem ids; an Arabic token carries the ids it can stand for
 * (its lexicon translations, the English names it transliterates, the number or month it writes,
 * or itself when it is a Latin word or a digit string). Weights are inverse document frequency
 * within the document, so the "Syria" of a Syria story counts less than the "130" of one sentence;
 * a word no evidence can speak for (silent) weighs less still. The lexicon here may be the
 * dictionary joined with the learned model (evidence.ts), and names may be confirmed by a learned
 * transliteration model.
 */
import type { Evidence } from '../evidence.js';
import { ArabicTokenizer } from './arabic-tokens.js';
import { EnglishTokenizer } from './english-tokens.js';
import { Interner, type RawToken } from './tokens.js';
import { NameIndex } from './translit.js';

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
  /** Ids of the Arabic word forms in `ArabicUnit.words`, kept so units made later share them. */
  arabicWords: Interner;
}

/** Features made before from other tokens of the same document: a sentence whose token array is the same object keeps its unit. */
export interface Reuse {
  tokens: Pick<DocumentTokens, 'en' | 'ar'>;
  features: DocumentFeatures;
}

const nonSpaceLength = (s: string) => s.replace(/\s+/g, '').length;

/**
 * A silent word (no table knows it, it reads as no name) weighs this share of its idf: it still
 * makes a sentence longer and so less covered, but far less than a word whose translation is
 * known and missing. Leaving it at full weight made documents whose vocabulary the tables lack
 * fall apart into one-sided beads; at 0 a sentence of one known word among ten unknown ones
 * would count as fully covered by that one word.
 */
export const SILENT_WEIGHT = 0.25;

const tokenWeight = (token: RawToken, idf: Map<string, number>): number => idf.get(token.key)! * (token.silent ? SILENT_WEIGHT : 1);

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
  for (const t of tokens) byId.set(t.ids[0]!, (byId.get(t.ids[0]!) ?? 0) + tokenWeight(t, idf));
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
    weights[k] = tokenWeight(t, idf);
    total += weights[k]!;
    trans.push(...t.ids);
    start[k + 1] = trans.length;
  });
  return { words: Int32Array.from(tokens, (t) => words.id(t.key)), weights, start, trans: Int32Array.from(trans), total, chars };
}

/** Tokens of a document pair in one id space, with where each came from when `wordAt` is asked for. */
export interface DocumentTokens {
  en: RawToken[][];
  ar: RawToken[][];
  /** Per sentence, per token: the index of its word (see the tokenizers' `tokens`); empty unless asked for. */
  enWordAt: number[][];
  arWordAt: number[][];
  vocabularySize: number;
}

/**
 * Every English sentence first: its capitalised words fill the name index the Arabic words are
 * then matched against. The aligner and the coverage report both read tokens from here.
 */
export function tokenizeDocument(english: readonly string[], arabic: readonly string[], evidence: Evidence, wordAt = false): DocumentTokens {
  const vocab = new Interner();
  const names = new NameIndex(evidence.names ?? undefined);
  const englishTokenizer = new EnglishTokenizer(vocab, names, {
    lexicon: evidence.lexicon,
    markSilent: evidence.unknownAsSilence,
    repair: evidence.repairWords,
  });
  const enWordAt: number[][] = [];
  const arWordAt: number[][] = [];
  const at = (list: number[][]) => (wordAt ? list[list.push([]) - 1] : undefined);
  const en = english.map((s) => englishTokenizer.tokens(s, at(enWordAt)));
  const tokenizer = new ArabicTokenizer(vocab, evidence.lexicon, names, { markSilent: evidence.unknownAsSilence, repair: evidence.repairWords });
  const ar = arabic.map((s) => tokenizer.tokens(s, at(arWordAt)));
  return { en, ar, enWordAt, arWordAt, vocabularySize: vocab.size };
}

export function buildFeatures(english: readonly string[], arabic: readonly string[], evidence: Evidence): DocumentFeatures {
  return featuresFromTokens(english, arabic, tokenizeDocument(english, arabic, evidence));
}

/** Weighted units from tokens already made (self-training re-weighs the same tokens with links added). */
export function featuresFromTokens(
  english: readonly string[],
  arabic: readonly string[],
  { en: enTokens, ar: arTokens, vocabularySize }: Pick<DocumentTokens, 'en' | 'ar' | 'vocabularySize'>,
  reuse?: Reuse,
): DocumentFeatures {
  // Keys, and so the idf, are the same in a reuse: only ids and silence change (self-train.ts).
  const enIdf = weigh(enTokens);
  const arIdf = weigh(arTokens);
  const arabicWords = reuse?.features.arabicWords ?? new Interner();
  return {
    en: enTokens.map((t, i) => (reuse?.tokens.en[i] === t ? reuse.features.en[i]! : englishUnit(t, enIdf, nonSpaceLength(english[i]!)))),
    ar: arTokens.map((t, j) => (reuse?.tokens.ar[j] === t ? reuse.features.ar[j]! : arabicUnit(t, arIdf, nonSpaceLength(arabic[j]!), arabicWords))),
    vocabularySize,
    arabicWords,
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
