/**
 * The Arabic→English word lexicon that tells whether two sentences share content.
 *
 * The file (data/lexicon/ar-en.tsv.gz, built by scripts/build-lexicon.ts) keys bare Arabic forms in
 * normalizeArabic form, without the article; text carries them inflected and cliticised (وقالت,
 * بسوريا), so a token is looked up under every reading `arabicCandidates` enumerates and the
 * lexicon itself decides which readings exist.
 */
import { arabicCandidates, normalizeArabic } from './text/normalize.js';

export interface Lexicon {
  /**
   * English stems (stemEnglish form) that translate this Arabic token, as it appears in text:
   * punctuation around it is ignored. The union of the entries of its `readings`, the word's own
   * entry first; cached per token. Empty when unknown.
   */
  englishFor(arabicToken: string): readonly string[];
  /** Whether some reading of the token is in the lexicon. */
  knows(arabicToken: string): boolean;
  /** Whether the English stem translates some Arabic key: a dictionary word rather than a name. */
  hasTranslation(englishStem: string): boolean;
  /** Number of Arabic keys. */
  readonly size: number;
}

const NOTHING: readonly string[] = Object.freeze([]);
const NOT_ARABIC_LETTER = /[^\u0621-\u064A\u0671-\u06D3]/g;
// Texts are finite, but a long-running batch sees an open vocabulary: bound the per-token cache.
const CACHE_LIMIT = 100_000;

/**
 * Values stay unsplit strings until a token asks for them: a CLI run looks up a few thousand
 * of the ~45k keys, and splitting them all would cost more than the whole lookup phase.
 */
class TsvLexicon implements Lexicon {
  private readonly cache = new Map<string, readonly string[]>();
  /** knows() of forms never looked up whole: pieces of glued runs, shared by the documents of a batch. */
  private readonly known = new Map<string, boolean>();
  /** Built on first use only: the aligner never asks, a coverage report asks a few hundred times. */
  private englishStems: Set<string> | undefined;

  constructor(private readonly entries: ReadonlyMap<string, string>) {}

  get size(): number {
    return this.entries.size;
  }

  englishFor(arabicToken: string): readonly string[] {
    let stems = this.cache.get(arabicToken);
    if (stems === undefined) {
      stems = this.lookUp(arabicToken);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(arabicToken, stems);
    }
    return stems;
  }

  /** Asked for every piece a glued run could split into (word-repair.ts): no stems are built or cached. */
  knows(arabicToken: string): boolean {
    const stems = this.cache.get(arabicToken);
    if (stems !== undefined) return stems.length > 0;
    let known = this.known.get(arabicToken);
    if (known === undefined) {
      const norm = normalizeArabic(arabicToken).replace(NOT_ARABIC_LETTER, '');
      known = norm.length >= 2 && readings(norm).some((form) => this.entries.has(form));
      if (this.known.size >= CACHE_LIMIT) this.known.clear();
      this.known.set(arabicToken, known);
    }
    return known;
  }

  hasTranslation(englishStem: string): boolean {
    if (!this.englishStems) {
      this.englishStems = new Set();
      for (const value of this.entries.values()) for (const stem of value.split(' ')) this.englishStems.add(stem);
    }
    return this.englishStems.has(englishStem);
  }

  private lookUp(token: string): readonly string[] {
    const norm = normalizeArabic(token).replace(NOT_ARABIC_LETTER, '');
    if (norm.length < 2) return NOTHING;
    let found: Set<string> | undefined;
    for (const form of readings(norm)) {
      const value = this.entries.get(form);
      if (value === undefined) continue;
      found ??= new Set();
      for (const stem of value.split(' ')) found.add(stem);
    }
    return found ? Object.freeze([...found]) : NOTHING;
  }
}

/**
 * The forms of a normalised word to look up: arabicCandidates, less the two-letter remnants that
 * matched by chance (ان in اننا, وت in بوتين) unless a single prefix letter was all that was
 * removed (وهو, بما), plus two readings the lexicon's keys need: the ta marbuta that is written
 * ت before a suffix (مسؤوليته, الدولتان), and the article after a proclitic (وبالتالي), because keys
 * are stored without it. Each was measured on held-out Tatoeba pairs (see data/lexicon/README.md).
 */
export function readings(norm: string): string[] {
  const out = new Set<string>();
  for (const form of arabicCandidates(norm)) {
    if (form.length >= 3 || form === norm || (norm.length === 3 && norm.endsWith(form))) out.add(form);
    if (form.length >= 3 && form.endsWith('ت') && !norm.endsWith(form)) out.add(`${form.slice(0, -1)}ه`);
    if (form !== norm && form.startsWith('ال') && form.length >= 5) out.add(form.slice(2));
  }
  return [...out];
}

/** Lines `key<TAB>stem stem …`; blank lines and lines starting with # are skipped. */
export function parseLexicon(tsv: string): Lexicon {
  const entries = new Map<string, string>();
  let start = 0;
  while (start < tsv.length) {
    let end = tsv.indexOf('\n', start);
    if (end < 0) end = tsv.length;
    const tab = tsv.indexOf('\t', start);
    if (tab > start && tab < end && tsv.charCodeAt(start) !== 35 /* # */) {
      const value = tsv.slice(tab + 1, tsv.charCodeAt(end - 1) === 13 ? end - 1 : end).trim();
      if (value) {
        const key = tsv.slice(start, tab);
        const previous = entries.get(key);
        entries.set(key, previous === undefined ? value : `${previous} ${value}`);
      }
    }
    start = end + 1;
  }
  return new TsvLexicon(entries);
}

export const EMPTY_LEXICON: Lexicon = parseLexicon('');
