/**
 * English sentences to tokens: Porter stems of content words, numbers as values ("300,000" is
 * #300000, "5 million" #5000000), months beside a number as month tokens; capitalised words are
 * also indexed by consonant skeleton so Arabic spellings of the names can find them.
 */
import { normalizeEnglish, stemEnglish } from '../text/normalize.js';
import { englishMonth, englishScale, monthToken, numberToken, parseNumber } from './numbers.js';
import { ENGLISH_STOPWORDS } from './stopwords.js';
import { AMBIGUOUS_MONTHS, type Interner, isDigits, type RawToken, TOKEN } from './tokens.js';
import type { Lexicon } from '../lexicon.js';
import { englishSkeleton, type NameIndex } from './translit.js';
import { brokenPairs } from './word-repair.js';

export interface EnglishTokenizerOptions {
  /** Tells which stems some Arabic word can translate to; a stem it cannot is silent evidence. */
  lexicon?: Lexicon;
  /** Mark words no evidence can speak for as silent (needs `lexicon`). */
  markSilent?: boolean;
  /** Rejoin words broken by a stray space ("in telligence") before scoring. */
  repair?: boolean;
}

/** What a word form means out of context, computed once per distinct form. */
interface EnglishWord {
  month: number | undefined;
  ambiguousMonth: boolean;
  scale: number | undefined;
  stop: boolean;
  /** Key and id of the stem; -1 for a stopword. */
  stem: string;
  id: number;
  /** Capitalised where it stands: a name the Arabic side may transliterate. */
  capitalised: boolean;
  /** A content word some Arabic word of the lexicon translates to (false without a lexicon). */
  translatable: boolean;
}

export class EnglishTokenizer {
  private readonly words = new Map<string, EnglishWord>();

  constructor(
    private readonly vocab: Interner,
    private readonly names: NameIndex,
    private readonly options: EnglishTokenizerOptions = {},
  ) {}

  /** A word some evidence could match: a stopword, or a stem the lexicon translates to. */
  private isWord(form: string): boolean {
    const word = this.word(form);
    return word.stop || word.translatable;
  }

  /** Forms with broken words rejoined; `origin[k]` is the index in `forms` where form k starts. */
  private repaired(forms: string[]): { forms: string[]; origin: number[] } {
    const origin = forms.map((_, k) => k);
    if (!this.options.repair || !this.options.lexicon) return { forms, origin };
    const joins = brokenPairs(forms, (w) => this.isWord(w), (w) => this.word(w).translatable);
    if (joins.length === 0) return { forms, origin };
    const out: string[] = [];
    const at: number[] = [];
    let next = 0;
    for (let k = 0; k < forms.length; k++) {
      if (k === joins[next]) {
        out.push(forms[k]! + forms[k + 1]!);
        at.push(k);
        k++;
        next++;
      } else {
        out.push(forms[k]!);
        at.push(k);
      }
    }
    return { forms: out, origin: at };
  }

  private word(form: string): EnglishWord {
    let word = this.words.get(form);
    if (word) return word;
    const folded = normalizeEnglish(form);
    const stop = ENGLISH_STOPWORDS.has(folded);
    const stem = stop ? '' : stemEnglish(folded);
    const id = stop ? -1 : this.vocab.id(stem);
    const month = englishMonth(folded);
    if (!stop && month === undefined && /^\p{Lu}/u.test(form)) this.names.add(englishSkeleton(folded), id, folded);
    const translatable = !stop && (this.options.lexicon?.hasTranslation(stem) ?? false);
    word = { month, ambiguousMonth: AMBIGUOUS_MONTHS.has(folded), scale: englishScale(folded), stop, stem, id, capitalised: /^\p{Lu}/u.test(form), translatable };
    this.words.set(form, word);
    return word;
  }

  /** With `wordAt`, the index among `text.match(TOKEN)` of each token's word is pushed to it, in token order. */
  tokens(text: string, wordAt?: number[]): RawToken[] {
    const { forms, origin } = this.repaired(text.match(TOKEN) ?? []);
    const out: RawToken[] = [];
    const markSilent = this.options.markSilent === true && this.options.lexicon !== undefined;
    forms.forEach((form, k) => {
      if (isDigits(form)) {
        const value = parseNumber(form);
        if (value === null) return;
        const next = forms[k + 1];
        const scale = next !== undefined && !isDigits(next) ? this.word(next).scale : undefined;
        const key = numberToken(value * (scale ?? 1));
        out.push({ key, ids: [this.vocab.id(key)] });
        wordAt?.push(origin[k]!);
        return;
      }
      const word = this.word(form);
      const besideNumber = isDigits(forms[k - 1] ?? 'x') || isDigits(forms[k + 1] ?? 'x');
      if (word.month !== undefined && (besideNumber || !word.ambiguousMonth)) {
        const key = monthToken(word.month);
        out.push({ key, ids: [this.vocab.id(key)] });
        wordAt?.push(origin[k]!);
        return;
      }
      if (word.stop || (word.scale !== undefined && isDigits(forms[k - 1] ?? 'x'))) return;
      const silent = markSilent && !word.capitalised && !word.translatable;
      out.push(silent ? { key: word.stem, ids: [word.id], silent } : { key: word.stem, ids: [word.id] });
      wordAt?.push(origin[k]!);
    });
    return out;
  }
}

