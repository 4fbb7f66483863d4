/** What the English and Arabic tokenizers share: the token pattern, the id space, the raw token. */
import { stemEnglish } from '../text/normalize.js';
import { ENGLISH_STOPWORDS } from './stopwords.js';

/** Months that are also ordinary words (may, march; آب "father", مارس "practised") count only beside a number. */
export const AMBIGUOUS_MONTHS = new Set(['may', 'march', 'mar', 'jan', 'sep', 'dec', 'اب', 'مارس', 'مايو', 'ايار']);
/** A number written with separators ("300,000", "3.5"), or a word with its apostrophe forms. */
export const TOKEN = /\d+(?:[.,]\d+)*|[\p{L}\p{M}]+(?:['’][\p{L}]+)*/gu;
/** Stems of English function words: an Arabic word that translates only to these is a function word too. */
export const STOP_STEMS = new Set([...ENGLISH_STOPWORDS].map(stemEnglish));

export class Interner {
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
export interface RawToken {
  key: string;
  ids: number[];
  /**
   * No evidence at all can speak for this word: no table knows it and it reads as no name. Its
   * silence says nothing about whether the other sentence translates it (see features.ts).
   */
  silent?: boolean;
}

export const isDigits = (t: string) => t.charCodeAt(0) >= 48 && t.charCodeAt(0) <= 57;
