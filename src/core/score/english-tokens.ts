/**
 * English sentences to tokens: Porter stems of content words, numbers as values ("300,000" is
 * #300000, "5 million" #5000000), months beside a number as month tokens; capitalised words are
 * also indexed by consonant skeleton so Arabic spellings of the names can find them.
 */
import { normalizeEnglish, stemEnglish } from '../text/normalize.js';
import { englishMonth, englishScale, monthToken, numberToken, parseNumber } from './numbers.js';
import { ENGLISH_STOPWORDS } from './stopwords.js';
import { AMBIGUOUS_MONTHS, type Interner, isDigits, type RawToken, TOKEN } from './tokens.js';
import { englishSkeleton, type NameIndex } from './translit.js';

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

export class EnglishTokenizer {
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
    if (!stop && month === undefined && /^\p{Lu}/u.test(form)) this.names.add(englishSkeleton(folded), id, folded);
    word = { month, ambiguousMonth: AMBIGUOUS_MONTHS.has(folded), scale: englishScale(folded), stop, stem, id };
    this.words.set(form, word);
    return word;
  }

  /** With `wordAt`, the index among `text.match(TOKEN)` of each token's word is pushed to it, in token order. */
  tokens(text: string, wordAt?: number[]): RawToken[] {
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
        wordAt?.push(k);
        return;
      }
      const word = this.word(form);
      const besideNumber = isDigits(forms[k - 1] ?? 'x') || isDigits(forms[k + 1] ?? 'x');
      if (word.month !== undefined && (besideNumber || !word.ambiguousMonth)) {
        const key = monthToken(word.month);
        out.push({ key, ids: [this.vocab.id(key)] });
        wordAt?.push(k);
        return;
      }
      if (word.stop || (word.scale !== undefined && isDigits(forms[k - 1] ?? 'x'))) return;
      out.push({ key: word.stem, ids: [word.id] });
      wordAt?.push(k);
    });
    return out;
  }
}

