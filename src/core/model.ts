/**
 * The learned word translation model (data/model/ar-en.tsv.gz, built by scripts/build-model.ts from
 * real parallel text): IBM Model 1 translation probabilities (Brown et al. 1993, "The mathematics of
 * statistical machine translation") trained both ways and kept where both directions agree (Och & Ney
 * 2003, "A systematic comparison of various statistical alignment models"), as a `Lexicon` that can
 * be joined with the dictionary.
 *
 * Arabic units are not the dictionary's enumerated readings but one deterministic light stem per word
 * (`modelKey`), in the spirit of Larkey, Ballesteros & Connell's light10 (2002/2007): EM needs one unit
 * per token, and the same function keys the table at training and at lookup, so whatever it conflates
 * it conflates the same way both times.
 */
import { fnv1a } from './hash.js';
import type { Lexicon } from './lexicon.js';
import { normalizeArabic } from './text/normalize.js';
import { ARABIC_STOPWORDS } from './score/stopwords.js';

const NOT_ARABIC_LETTER = /[^\u0621-\u064A\u0671-\u06D3]/g;
const NOTHING: readonly string[] = Object.freeze([]);
const NO_TRANSLATIONS: readonly Translation[] = Object.freeze([]);
/** As TsvLexicon: a long batch sees an open vocabulary, so the per-token cache is bounded. */
const CACHE_LIMIT = 100_000;

/**
 * Proclitics, longest first. The conjunctions و/ف are split off alone (when ≥3 letters remain), then
 * the article with or without a preposition (بال كال لل ال). A bare ب/ل/ك is not split: it begins
 * too many stems (بلد, لجنه, كبير) and light10 leaves it too, for the same reason.
 */
const ARTICLES = ['بال', 'كال', 'لل', 'ال'];
/** Pronoun suffixes, then number/gender endings (light10's list, plus the pronouns it lacks). */
const PRONOUNS = ['هما', 'كما', 'هم', 'هن', 'كم', 'نا', 'ها'];
const ENDINGS = ['ات', 'ان', 'ون', 'ين', 'يه', 'ه', 'ي'];
/** A stem shorter than this is more likely a root fragment than a word. */
const MIN_STEM = 3;

/**
 * The model's unit for one Arabic token as it appears in text (punctuation and diacritics ignored), or
 * null for a stopword, a number, or fewer than two letters. Examples: وبالحكومة → حكوم, الحكومة → حكوم,
 * حكومتهم → حكومت (the ta marbuta written ت before a pronoun stays: the model learns both keys).
 */
export function modelKey(token: string): string | null {
  const norm = normalizeArabic(token).replace(NOT_ARABIC_LETTER, '');
  if (norm.length < 2 || ARABIC_STOPWORDS.has(norm)) return null;
  // وفي, ولها, فمن: a stopword behind a conjunction is still a stopword.
  if ((norm.startsWith('و') || norm.startsWith('ف')) && ARABIC_STOPWORDS.has(norm.slice(1))) return null;
  let w = norm;
  if ((w.startsWith('و') || w.startsWith('ف')) && w.length - 1 >= MIN_STEM) w = w.slice(1);
  for (const a of ARTICLES) {
    if (w.startsWith(a) && w.length - a.length >= MIN_STEM) {
      w = w.slice(a.length);
      break;
    }
  }
  for (const s of PRONOUNS) {
    if (w.endsWith(s) && w.length - s.length >= MIN_STEM) {
      w = w.slice(0, -s.length);
      break;
    }
  }
  for (const s of ENDINGS) {
    if (w.endsWith(s) && w.length - s.length >= MIN_STEM) {
      w = w.slice(0, -s.length);
      break;
    }
  }
  if (ARABIC_STOPWORDS.has(w)) return null;
  return w;
}

export interface Translation {
  readonly stem: string;
  /** p(stem | Arabic unit), as written in the file. */
  readonly p: number;
}

export interface TranslationModel extends Lexicon {
  /** First line of the file when it is a `# version …` line, else a content hash: which model made a result. */
  readonly version: string;
  /** The English stems of a token with their probabilities, most probable first. */
  translations(arabicToken: string): readonly Translation[];
}

export interface ParseModelOptions {
  /** Drop translations with p(e|a) below this at load time; the file is already pruned. */
  minProbability?: number;
}

/** A short content id: which model made a result. */
const contentHash = (text: string): string => `fnv1a-${fnv1a(text).toString(16).padStart(8, '0')}`;

/**
 * Values stay unsplit strings until a token asks for them, as in TsvLexicon: a run looks up a few
 * thousand keys of the table.
 */
class ModelLexicon implements TranslationModel {
  private readonly cache = new Map<string, readonly Translation[]>();
  private readonly stemCache = new Map<string, readonly string[]>();
  private englishStems: Set<string> | undefined;

  constructor(
    private readonly entries: ReadonlyMap<string, string>,
    private readonly minProbability: number,
    readonly version: string,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  translations(arabicToken: string): readonly Translation[] {
    let found = this.cache.get(arabicToken);
    if (found === undefined) {
      found = this.lookUp(arabicToken);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(arabicToken, found);
    }
    return found;
  }

  englishFor(arabicToken: string): readonly string[] {
    let stems = this.stemCache.get(arabicToken);
    if (stems === undefined) {
      const found = this.translations(arabicToken);
      stems = found.length ? Object.freeze(found.map((t) => t.stem)) : NOTHING;
      if (this.stemCache.size >= CACHE_LIMIT) this.stemCache.clear();
      this.stemCache.set(arabicToken, stems);
    }
    return stems;
  }

  knows(arabicToken: string): boolean {
    const found = this.cache.get(arabicToken);
    if (found !== undefined) return found.length > 0;
    const key = modelKey(arabicToken);
    return key !== null && this.entries.has(key) && (this.minProbability === 0 || this.translations(arabicToken).length > 0);
  }

  hasTranslation(englishStem: string): boolean {
    if (!this.englishStems) {
      this.englishStems = new Set();
      for (const value of this.entries.values()) {
        for (const t of parseValue(value, this.minProbability)) this.englishStems.add(t.stem);
      }
    }
    return this.englishStems.has(englishStem);
  }

  private lookUp(token: string): readonly Translation[] {
    const key = modelKey(token);
    if (key === null) return NO_TRANSLATIONS;
    const value = this.entries.get(key);
    if (value === undefined) return NO_TRANSLATIONS;
    const found = parseValue(value, this.minProbability);
    return found.length ? Object.freeze(found) : NO_TRANSLATIONS;
  }
}

/** `stem:p stem:p …`, most probable first; a malformed item (no colon, p not in (0, 1]) is skipped. */
function parseValue(value: string, minProbability: number): Translation[] {
  const out: Translation[] = [];
  for (const item of value.split(' ')) {
    const colon = item.lastIndexOf(':');
    if (colon <= 0) continue;
    const p = Number(item.slice(colon + 1));
    if (!(p > 0 && p <= 1) || p < minProbability) continue;
    out.push({ stem: item.slice(0, colon), p });
  }
  return out.sort((a, b) => b.p - a.p || (a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0));
}

/**
 * Lines `key<TAB>stem:p stem:p …` (see data/model/README.md). Blank lines and `#` lines are skipped,
 * except that a first line `# version X` names the model; a line without a tab, with an empty value or
 * with a key that is not an Arabic unit is skipped, so a damaged line costs that line only. A key seen
 * twice keeps the first line: the builder writes each key once, a second one is damage.
 */
export function parseModel(tsv: string, options: ParseModelOptions = {}): TranslationModel {
  const entries = new Map<string, string>();
  let version: string | undefined;
  let start = 0;
  while (start < tsv.length) {
    let end = tsv.indexOf('\n', start);
    if (end < 0) end = tsv.length;
    const line = tsv.slice(start, tsv.charCodeAt(end - 1) === 13 ? end - 1 : end);
    if (line.startsWith('#')) {
      const m = /^#\s*version\s+(\S+)/.exec(line);
      if (m && start === 0) version = m[1];
    } else {
      const tab = line.indexOf('\t');
      const value = tab > 0 ? line.slice(tab + 1).trim() : '';
      const key = tab > 0 ? line.slice(0, tab) : '';
      if (value && /^[\u0621-\u064A\u0671-\u06D3]+$/.test(key) && !entries.has(key)) entries.set(key, value);
    }
    start = end + 1;
  }
  return new ModelLexicon(entries, options.minProbability ?? 0, version ?? contentHash(tsv));
}

/**
 * Two lexicons as one: the union of their stems, `a`'s first (the dictionary, then the model), so that
 * a consumer that weighs the first stems most still sees the dictionary's ranking.
 */
export function joinLexicons(a: Lexicon, b: Lexicon): Lexicon {
  // No cache of its own: both tables cache their lookups, and the tokenizers cache per word form.
  return {
    englishFor(arabicToken: string): readonly string[] {
      const first = a.englishFor(arabicToken);
      const second = b.englishFor(arabicToken);
      if (second.length === 0) return first;
      if (first.length === 0) return second;
      return Object.freeze([...new Set([...first, ...second])]);
    },
    knows: (arabicToken: string) => a.knows(arabicToken) || b.knows(arabicToken),
    hasTranslation: (englishStem: string) => a.hasTranslation(englishStem) || b.hasTranslation(englishStem),
    get size() {
      return a.size + b.size;
    },
  };
}
