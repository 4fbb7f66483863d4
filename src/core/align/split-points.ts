/**
 * Where a segment could be cut in two: the gaps between its words that hold whitespace, each with
 * how strongly the text itself says a sentence may end there. The segmenter (core/text/segment.ts)
 * already cuts at full stops; what it cannot see is a sentence that ends without one, which in
 * Arabic news is most often quoted speech closed by a quotation mark and no stop, or a sentence
 * that runs on into the next with a comma and a connective ("، وأضاف", "، كما"), or with nothing at
 * all. The guided splitter (guided-split.ts) decides with the other side's word links; the kind of
 * gap only breaks ties and sets how much link evidence a cut needs.
 */
import type { Word } from '../score/word-evidence.js';
import { normalizeArabic } from '../text/normalize.js';

/**
 * - `strong`: a closing quotation mark, a colon or a semicolon before the space, or a comma followed
 *   by a sentence-opening connective: the text marks a clause end;
 * - `bare`: any other space between two words, e.g. where a dropped full stop leaves nothing.
 */
export type GapKind = 'strong' | 'bare';

export interface SplitPoint {
  /** Index of the first word after the gap, in the segment's word list. */
  word: number;
  /** UTF-16 offset in the segment text where a cut goes: the first whitespace in the gap. */
  offset: number;
  kind: GapKind;
  /** What marks the gap: a closing quote, a colon or semicolon, a comma and a connective, another mark (a comma, a dash...), or nothing but space. */
  mark: 'quote' | 'colon' | 'connective' | 'other' | 'none' | 'segment';
}

/**
 * Words that open a new sentence in news prose when they follow a comma (normalised: no hamza
 * seats, ه for ة, ي for ى). Arabic reporting verbs with و/ف, "كما", "من جهته", "في حين"...; English
 * sentence adverbs.
 */
const ARABIC_OPENERS = new Set(
  [
    'وقال', 'وقالت', 'واضاف', 'واضافت', 'وتابع', 'وتابعت', 'واكد', 'واكدت', 'واشار', 'واشارت', 'واوضح', 'واوضحت',
    'وذكر', 'وذكرت', 'واعلن', 'واعلنت', 'وكان', 'وكانت', 'وقد', 'ولكن', 'لكن', 'كما', 'فيما', 'بينما', 'وفي', 'ومن',
    'فقد', 'فقال', 'ثم', 'و', 'ف', 'واردف', 'ولفت', 'ولفتت', 'وشدد', 'وشددت', 'واعتبر', 'واعتبرت',
  ].map(normalizeArabic),
);
/** Two-word Arabic openers, by their first word's normalised form and the second's. */
const ARABIC_OPENER_PAIRS = new Set(['من جهته', 'من جهتها', 'من جانبه', 'من جانبها', 'في حين', 'في المقابل', 'في غضون'].map(normalizeArabic));
const ENGLISH_OPENERS = new Set(['but', 'however', 'meanwhile', 'moreover', 'still', 'yet', 'instead', 'nevertheless', 'also']);

/** Words that never end a sentence: a conjunction written apart ("و إن"), so no cut after them. */
const NEVER_LAST = new Set(['و', 'ف', 'او', 'ثم', 'and', 'or', 'but', 'the', 'a', 'of']);

const CLOSING_QUOTE = /["”»’']/u;
const CLAUSE_END = /[:;؛]/u;
const COMMA = /[,،]/u;
const SPACE = /\s/u;

/** Whether word k (and k + 1) open a sentence after a comma in `lang`. */
function opensSentence(words: readonly Word[], k: number, lang: 'ar' | 'en'): boolean {
  const word = words[k];
  if (!word) return false;
  if (lang === 'en') return ENGLISH_OPENERS.has(word.text.toLowerCase());
  const first = normalizeArabic(word.text);
  if (ARABIC_OPENERS.has(first)) return true;
  const next = words[k + 1];
  return next !== undefined && ARABIC_OPENER_PAIRS.has(`${first} ${normalizeArabic(next.text)}`);
}

/** Every gap with whitespace between two words of `text` (words as word-evidence.ts finds them). */
export function splitPoints(text: string, words: readonly Word[], lang: 'ar' | 'en'): SplitPoint[] {
  const points: SplitPoint[] = [];
  for (let k = 1; k < words.length; k++) {
    const from = words[k - 1]!.end;
    const to = words[k]!.start;
    const gap = text.slice(from, to);
    let space = 0;
    while (space < gap.length && !SPACE.test(gap[space]!)) space++;
    if (space === gap.length) continue;
    if (NEVER_LAST.has(lang === 'ar' ? normalizeArabic(words[k - 1]!.text) : words[k - 1]!.text.toLowerCase())) continue;
    const before = gap.slice(0, space);
    // Segments never hold a line break (their whitespace is collapsed): one here is where the guided
    // splitter joined two segments of a bead to look at them as one (guided-split.ts).
    const mark: SplitPoint['mark'] = gap.includes('\n')
      ? 'segment'
      : CLOSING_QUOTE.test(before)
      ? 'quote'
      : CLAUSE_END.test(gap)
        ? 'colon'
        : COMMA.test(gap) && opensSentence(words, k, lang)
          ? 'connective'
          : gap.trim() === ''
            ? 'none'
            : 'other';
    points.push({ word: k, offset: from + space, kind: mark === 'none' || mark === 'other' ? 'bare' : 'strong', mark });
  }
  return points;
}
