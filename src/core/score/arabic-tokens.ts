/**
 * Arabic sentences to tokens. Each word stands for the ids of its lexicon translations (under every
 * clitic reading, see lexicon.ts), of the English names of the document it transliterates, of the
 * number or month it writes, or of itself when it is a Latin word; function words are dropped.
 * With repair on, a long word nothing knows is tried as words glued together (word-repair.ts).
 */
import type { Lexicon } from '../lexicon.js';
import { isArabicLetter, normalizeArabic, normalizeEnglish, stemEnglish } from '../text/normalize.js';
import { arabicMonth, arabicScale, monthToken, numberToken, parseNumber } from './numbers.js';
import { ARABIC_STOPWORDS } from './stopwords.js';
import { AMBIGUOUS_MONTHS, type Interner, isDigits, type RawToken, STOP_STEMS, TOKEN } from './tokens.js';
import { arabicSkeleton, type NameIndex } from './translit.js';
import { breakGlued } from './word-repair.js';

export interface ArabicTokenizerOptions {
  /** Mark words no evidence can speak for as silent. */
  markSilent?: boolean;
  /** Break runs of words glued together by lost spaces into the words the lexicon knows. */
  repair?: boolean;
}

/** Transliteration is tried on the word and on it without its proclitics (و ف ب ل ك ال). */
function nameForms(norm: string): string[] {
  const bare = norm.replace(/^(و|ف)?(ب|ك|ل)?(ال|ل)?/, '');
  return bare.length >= 2 && bare !== norm ? [norm, bare] : [norm];
}

const PIECE_CACHE_LIMIT = 200_000;

export class ArabicTokenizer {
  /** Per word form: the ids it stands for, or null for a function word. */
  private readonly cache = new Map<string, number[] | null>();

  constructor(
    private readonly vocab: Interner,
    private readonly lexicon: Lexicon,
    private readonly names: NameIndex,
    private readonly options: ArabicTokenizerOptions = {},
  ) {}

  /** Pieces recur across the glued runs and unknown words of a document: each is asked once. */
  private readonly pieceKnown = new Map<string, boolean>();

  private readonly isWord = (piece: string): boolean => {
    let known = this.pieceKnown.get(piece);
    if (known === undefined) {
      known = ARABIC_STOPWORDS.has(piece) || this.lexicon.knows(piece);
      if (this.pieceKnown.size >= PIECE_CACHE_LIMIT) this.pieceKnown.clear();
      this.pieceKnown.set(piece, known);
    }
    return known;
  };

  /** The token of one content word, or of each word of a glued run; nothing for a function word. */
  private push(out: RawToken[], word: string, k: number, wordAt: number[] | undefined): void {
    const ids = this.idsFor(word);
    if (!ids) return;
    if (ids.length === 0 && this.options.repair && isArabicLetter(word[0]!)) {
      const pieces = breakGlued(word, this.isWord);
      if (pieces) {
        for (const piece of pieces) {
          if (ARABIC_STOPWORDS.has(piece)) continue;
          const pieceIds = this.idsFor(piece);
          if (!pieceIds) continue;
          out.push(this.token(piece, pieceIds));
          wordAt?.push(k);
        }
        return;
      }
    }
    out.push(this.token(word, ids));
    wordAt?.push(k);
  }

  private token(key: string, ids: number[]): RawToken {
    return ids.length === 0 && this.options.markSilent ? { key, ids, silent: true } : { key, ids };
  }

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
      this.push(out, word, k, wordAt);
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

