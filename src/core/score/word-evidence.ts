/**
 * The aligner's evidence word by word, for reports that point at text: each word of each sentence
 * with its character span and the ids it stands for, from the very tokens the aligner scores with
 * (features.ts `tokenizeDocument`: lexicon translations, name skeletons, number and date values).
 * A word has no key when the tokenizer drops it: a function word, or the scale word folded into a
 * number ("300 ألف"); it is a content word otherwise, even when no evidence knows it (no ids).
 */
import type { Evidence } from '../evidence.js';
import { isArabicLetter, normalizeArabic } from '../text/normalize.js';
import { tokenizeDocument } from './features.js';
import { TOKEN } from './tokens.js';

export interface Word {
  /** UTF-16 offsets in the sentence text as given. */
  start: number;
  end: number;
  text: string;
  /** The token's key ("#130" a number, "@11" a month, otherwise a stem or a normalised form); null for a dropped word. */
  key: string | null;
  /** Ids in the shared id space the word stands for; empty for a dropped word, and for a word no evidence knows. */
  ids: readonly number[];
  /**
   * Likely a name: an English capitalised word that does not open the sentence and translates no
   * Arabic word of the lexicon (so "State", "President" are not names), or an Arabic word the
   * lexicon does not know (names are matched by skeleton, not by dictionary).
   */
  name: boolean;
}

export interface DocumentWords {
  en: Word[][];
  ar: Word[][];
}

interface Span {
  start: number;
  end: number;
}

const isValue = (key: string) => key.startsWith('#') || key.startsWith('@');

function englishSpans(text: string): Span[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * normalizeArabic of one UTF-16 unit, remembered: a document has a few hundred distinct characters
 * and a 10,000-sentence one over a million, each of which went through the whole chain of replaces.
 */
const NORMALIZED = new Map<string, string>();
function normalizedChar(ch: string): string {
  let n = NORMALIZED.get(ch);
  if (n === undefined) {
    n = normalizeArabic(ch);
    // Bounded: text is untrusted, and a long run of rare characters must not grow the table without end.
    if (NORMALIZED.size < 65_536) NORMALIZED.set(ch, n);
  }
  return n;
}

/**
 * The Arabic tokenizer reads normalizeArabic(text), which drops diacritics and tatweel; its
 * normalisation is character by character, so each normalised character maps back to one original.
 */
function arabicSpans(text: string): Span[] {
  const origin: number[] = [];
  let norm = '';
  for (let i = 0; i < text.length; i++) {
    const n = normalizedChar(text[i]!);
    for (let c = 0; c < n.length; c++) origin.push(i);
    norm += n;
  }
  return [...norm.matchAll(TOKEN)].map((m) => ({ start: origin[m.index]!, end: origin[m.index + m[0].length - 1]! + 1 }));
}

export function documentWords(english: readonly string[], arabic: readonly string[], evidence: Evidence): DocumentWords {
  const { lexicon } = evidence;
  const tokens = tokenizeDocument(english, arabic, evidence, true);
  const words = (texts: readonly string[], lang: 'en' | 'ar') =>
    texts.map((text, s) => {
      const out: Word[] = (lang === 'en' ? englishSpans(text) : arabicSpans(text)).map(({ start, end }) => ({
        start,
        end,
        text: text.slice(start, end),
        key: null,
        ids: [],
        name: false,
      }));
      const sentence = lang === 'en' ? tokens.en[s]! : tokens.ar[s]!;
      const wordAt = lang === 'en' ? tokens.enWordAt[s]! : tokens.arWordAt[s]!;
      sentence.forEach((token, t) => {
        const k = wordAt[t]!;
        const word = out[k];
        if (!word) return;
        word.key = token.key;
        word.ids = token.ids;
        if (isValue(token.key)) return;
        word.name =
          lang === 'en'
            ? k > 0 && /^\p{Lu}/u.test(word.text) && !lexicon.hasTranslation(token.key)
            : isArabicLetter(token.key[0] ?? '') && !lexicon.knows(word.text);
      });
      return out;
    });
  return { en: words(english, 'en'), ar: words(arabic, 'ar') };
}

/** Whether a word of one side finds a counterpart among the ids of the other side (both from one document's id space). */
export function hasCounterpart(word: Word, otherIds: ReadonlySet<number>): boolean {
  return word.ids.some((id) => otherIds.has(id));
}

export function idsOf(sentences: readonly (readonly Word[])[]): Set<number> {
  const ids = new Set<number>();
  for (const words of sentences) for (const w of words) for (const id of w.ids) ids.add(id);
  return ids;
}

export { isValue };
