/**
 * Arabic words that act as function words for coverage. The tokenizer already drops an Arabic word
 * whose every translation is an English function word (features.ts); coverage drops more: a word
 * one of whose first few translations is one (هناك "there", يمكن "could", جميع "all", الأخرى "other",
 * يجب "must"). Such words are translated by English function words, which carry no ids, so they
 * could never be linked; left as content words they made runs of their own in every other sentence.
 * The aligner keeps them: a wrong guess there costs evidence, here only a word that is not flagged.
 */
import type { Lexicon } from '../lexicon.js';
import { ENGLISH_STOPWORDS } from '../score/stopwords.js';
import type { Word } from '../score/word-evidence.js';
import { stemEnglish } from '../text/normalize.js';

/** How many of a word's translations, in the lexicon's order (dictionary first), are looked at. */
const LEADING_TRANSLATIONS = 3;
/** The lexicon holds stems ("mani" for "many"), so the stopwords are matched in both forms. */
const FUNCTION_STEMS = new Set([...ENGLISH_STOPWORDS, ...[...ENGLISH_STOPWORDS].map(stemEnglish)]);

export function isArabicFunctionWord(word: Word, lexicon: Lexicon): boolean {
  if (word.key === null || word.key.startsWith('#') || word.key.startsWith('@')) return false;
  return lexicon
    .englishFor(word.text)
    .slice(0, LEADING_TRANSLATIONS)
    .some((stem) => FUNCTION_STEMS.has(stem));
}

/** The sentences' words with Arabic function words dropped as the tokenizer drops its own (no key, no ids). */
export function withoutFunctionWords(sentences: readonly (readonly Word[])[], lexicon: Lexicon): Word[][] {
  // A document repeats its words: each written form is looked up once per token key it has (the same
  // text can be a content word in one place and folded into a number in another).
  const known = new Map<string, boolean>();
  const isFunction = (word: Word): boolean => {
    const id = `${word.key ?? ''}\u0000${word.text}`;
    let found = known.get(id);
    if (found === undefined) known.set(id, (found = isArabicFunctionWord(word, lexicon)));
    return found;
  };
  return sentences.map((words) => words.map((word) => (isFunction(word) ? { ...word, key: null, ids: [] } : word)));
}
