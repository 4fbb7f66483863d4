/**
 * Arabic sentences to tokens. Each word stands for the ids of its lexicon translations (under every
 * clitic reading, see lexicon.ts), of the English names of the document it transliterates, of the
 * number or month it writes, or of itself when it is a Latin word; function words are dropped.
 */
import type { Lexicon } from '../lexicon.js';
import { isArabicLetter, normalizeArabic, normalizeEnglish, stemEnglish } from '../text/normalize.js';
import { arabicMonth, arabicScale, monthToken, numberToken, parseNumber } from './numbers.js';
import { ARABIC_STOPWORDS } from './stopwords.js';
import { AMBIGUOUS_MONTHS, type Interner, isDigits, type RawToken, STOP_STEMS, TOKEN } from './tokens.js';
import { arabicSkeleton, type NameIndex } from './translit.js';

/** Transliteration is tried on the word and on it without its proclitics (و ف ب ل ك ال). */
function nameForms(norm: string): string[] {
  const bare = norm.replace(/^(و|ف)?(ب|ك|ل)?(ال|ل)?/, '');
  return bare.length >= 2 && bare !== norm ? [norm, bare] : [norm];
}

export class ArabicTokenizer {
  /** Per word form: the ids it stands for, or null for a function word. */
  private readonly cache = new Map<string, number[] | null>();

  constructor(
    private readonly vocab: Interner,
    private readonly lexicon: Lexicon,
    private readonly names: NameIndex,
  ) {}

  /** With `wordAt`, the index among `normalizeArabic(text).match(TOKEN)` of each token's (first) word is pushed to it. */
  tokens(text: string, wordAt?: number[]): RawToken[] {
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
        wordAt?.push(k);
        continue;
      }
      const month = arabicMonth(word, words[k + 1]);
      const besideNumber = month && (isDigits(words[k - 1] ?? 'x') || isDigits(words[k + month.words] ?? 'x'));
      if (month && (besideNumber || !AMBIGUOUS_MONTHS.has(word))) {
        const key = monthToken(month.month);
        out.push({ key, ids: [this.vocab.id(key)] });
        wordAt?.push(k);
        k += month.words - 1;
        continue;
      }
      // A scale word after a number ("300 ألف") was folded into the number token above.
      if (ARABIC_STOPWORDS.has(word) || (isDigits(words[k - 1] ?? 'x') && arabicScale(word) !== undefined)) continue;
      const ids = this.idsFor(word);
      if (ids) {
        out.push({ key: word, ids });
        wordAt?.push(k);
      }
    }
    return out;
  }

  /** null for a function word: every translation the lexicon knows is an English stopword. */
  private idsFor(word: string): number[] | null {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    let ids: number[] | null;
    if (!isArabicLetter(word[0]!)) {
      ids = [this.vocab.id(stemEnglish(normalizeEnglish(word)))];
    } else {
      const stems = this.lexicon.englishFor(word);
      if (stems.length > 0 && stems.every((s) => STOP_STEMS.has(s))) {
        ids = null;
      } else {
        const found = new Set(stems.map((s) => this.vocab.id(s)));
        for (const id of this.nameMatches(word, stems.length > 0)) found.add(id);
        ids = [...found];
      }
    }
    this.cache.set(word, ids);
    return ids;
  }

  private nameMatches(word: string, known: boolean): number[] {
    const out: number[] = [];
    for (const form of nameForms(word)) {
      // A learned model reads the letters, so a dictionary word may still be a name when the model
      // is confident (فابيوس has a dictionary reading of a part, and is Fabius): see translit.ts.
      if (this.names.hasModel) {
        out.push(...this.names.matchesWord(form, known));
        continue;
      }
      const skeleton = arabicSkeleton(form);
      // A dictionary word with a short skeleton (سنة "sn") is too likely to match a name by chance.
      if (skeleton.length < 2 || (known && skeleton.length < 4)) continue;
      out.push(...this.names.matches(skeleton));
    }
    return out;
  }
}

