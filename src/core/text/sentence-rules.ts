/**
 * Whether a terminator followed by whitespace ends a sentence. The segmenter finds candidates in
 * one scan; these rules only look at the few characters around each candidate, so the whole pass
 * stays linear.
 *
 * English follows the classic rule-based splitters (Punkt's abbreviation/initial/ordinal cases,
 * Kiss & Strunk 2006, without the training): a period ends a sentence unless the word before it is
 * an abbreviation, an initial or a list number. Abbreviations come in two strengths: titles such as
 * "Dr." never end a sentence, while "U.S.", "Inc." or "Oct." end one when a word that typically
 * opens sentences follows ("in the U.S. The next ..."), since both readings are common.
 * Arabic has no letter case to help, so any terminator followed by whitespace ends a sentence,
 * except after a one-letter abbreviation (د. for doctor) or a Latin abbreviation quoted in the text.
 */
import type { Lang } from '../types.js';

/** Mirrors the JavaScript `\s` class, so that "whitespace" means the same here as in `collapse`. */
export function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Closing quotes and brackets stay with the sentence they close: `he said.” Next`. */
const CLOSERS = new Set([...'"\'”’»›)]}'].map((ch) => ch.charCodeAt(0)));

export function isCloser(c: number): boolean {
  return CLOSERS.has(c);
}

/** Titles and Latin shorthands after which a sentence never ends. */
const HARD = new Set(
  ('Mr Mrs Ms Messrs Dr Prof Gen Gov Sen Rep Lt Col Capt Sgt Maj Adm Brig Cpl Pvt Rev Hon Pres Mt Ft ' +
    'vs v e.g i.e cf viz approx').split(' '),
);
/** Abbreviations that often end a sentence too: company suffixes, dates, "etc.". */
const SOFT = new Set(
  ('etc Inc Ltd Co Corp Jr Sr Bros St al Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec ' +
    'Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun').split(' '),
);
/** Abbreviations that stand before a number ("No. 5", "Fig. 3"); elsewhere they are plain words. */
const BEFORE_NUMBER = new Set('No Nos Fig Figs Vol Vols Art Nr p pp'.split(' '));

/** Capitalised words that usually open a sentence, used to decide after a soft abbreviation. */
const STARTERS = new Set(
  ('The A An He She It They We I You His Her Its Their Our My This That These Those There Here Then ' +
    'But And Or So Yet In On At By For From With As After Before When While If Although Though However ' +
    'Meanwhile Moreover Also Still Now Some Many Most All Both No What Why How Who Where Which According ' +
    'Earlier Later Last Since During Despite Under Such Other Each Every').split(' '),
);

type AbbreviationKind = 'hard' | 'soft' | 'number' | null;

const DOTTED = /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u;
const SINGLE_UPPER = /^\p{Lu}$/u;
const LATIN = /\p{Script=Latin}/u;

/** "MR" and "THE" in all-capital headlines are the words "Mr" and "The". */
function titleCase(word: string): string {
  return word.length > 1 && word === word.toUpperCase() ? word[0] + word.slice(1).toLowerCase() : word;
}

function abbreviationKind(word: string, afterDigit: boolean): AbbreviationKind {
  if (word === '') return null;
  const titled = titleCase(word);
  if (HARD.has(word) || HARD.has(titled)) return 'hard';
  if (BEFORE_NUMBER.has(word)) return 'number';
  if (SOFT.has(word) || SOFT.has(titled) || DOTTED.test(word)) return 'soft';
  // A capital glued to a number ("3D.") is no initial.
  if (SINGLE_UPPER.test(word) && !afterDigit) return 'soft';
  return null;
}

const WORD_CHAR = /[\p{L}\p{M}.]/u;
const DIGIT = /\p{Nd}/u;
/** No abbreviation is longer than this; looking further back would only cost time. */
const MAX_WORD = 12;

/** What a candidate boundary looks like; all positions are offsets into `text`. */
export interface Candidate {
  text: string;
  /** Start of the whitespace-free token that ends with the terminator. */
  tokenStart: number;
  /** The terminator run (".", "?!", "...", "…"), without the closing quotes after it. */
  runStart: number;
  runEnd: number;
  /** First non-space character after the terminator, its quotes and the whitespace. */
  next: number;
  /** First non-space character of the sentence being built. */
  sentenceStart: number;
  /** The text writes no capitals (lower-cased transcripts, normalised corpora): case cannot show a sentence start. */
  caseless: boolean;
}

interface Before {
  word: string;
  afterDigit: boolean;
}

/** The letters-and-dots word right before the terminator: "Gov" in "ex-Gov.", "U.S" in "(U.S.". */
function wordBefore(c: Candidate): Before {
  const { text, tokenStart, runStart } = c;
  let p = runStart;
  while (p > tokenStart && runStart - p < MAX_WORD && WORD_CHAR.test(text[p - 1] ?? '')) p--;
  if (p > tokenStart && WORD_CHAR.test(text[p - 1] ?? '')) return { word: '', afterDigit: false };
  const afterDigit = p > tokenStart && DIGIT.test(text[p - 1] ?? '');
  return { word: text.slice(p, runStart).replace(/^\.+/, ''), afterDigit };
}

const LIST_NUMBER = /^[(\[]?(?:\p{Nd}{1,3}|[IVX]{1,4}|[ivx]{1,4})$/u;

/** "1." at the start of a sentence or after "options:" numbers an item; it ends nothing. */
function isListMarker(c: Candidate): boolean {
  if (!LIST_NUMBER.test(c.text.slice(c.tokenStart, c.runStart))) return false;
  if (c.tokenStart === c.sentenceStart) return true;
  let p = c.tokenStart;
  while (p > c.sentenceStart && isSpace(c.text.charCodeAt(p - 1))) p--;
  return ':;,،؛'.includes(c.text[p - 1] ?? '');
}

const STARTS_SENTENCE_EN = /[\p{Lu}\p{Lt}\p{Lo}\p{Nd}"'“‘«‹(\[{¿¡]/uy;
const LOWER_AT = /\p{Ll}/uy;
const OPEN_QUOTE = /["'“‘«‹]/uy;
const DIGIT_AT = /\p{Nd}/uy;
const WORD_AT = /\p{L}+/uy;

function at(re: RegExp, text: string, pos: number): boolean {
  re.lastIndex = pos;
  return re.test(text);
}

/** After a soft abbreviation, only an opening quote or a typical first word shows a new sentence. */
function softEnds(text: string, next: number, caseless: boolean): boolean {
  if (at(OPEN_QUOTE, text, next)) return true;
  WORD_AT.lastIndex = next;
  const m = WORD_AT.exec(text);
  if (m === null) return false;
  const word = caseless ? m[0].charAt(0).toUpperCase() + m[0].slice(1) : titleCase(m[0]);
  // "A." and "I." after "U.S." are more initials, not the article or the pronoun.
  return STARTERS.has(word) && text[WORD_AT.lastIndex] !== '.';
}

function englishBoundary(c: Candidate): boolean {
  const { text, next } = c;
  if (!at(STARTS_SENTENCE_EN, text, next) && !(c.caseless && at(LOWER_AT, text, next))) return false;
  if (c.runEnd - c.runStart !== 1 || text[c.runStart] !== '.') return true;
  const { word, afterDigit } = wordBefore(c);
  // Without case, "dr." is the title "Dr." all the same.
  const kind = abbreviationKind(word, afterDigit) ?? (c.caseless ? abbreviationKind(word.charAt(0).toUpperCase() + word.slice(1), afterDigit) : null);
  switch (kind) {
    case 'hard':
      return false;
    case 'number':
      return !at(DIGIT_AT, text, next);
    case 'soft':
      return softEnds(text, next, c.caseless);
    default:
      return !isListMarker(c);
  }
}

const LATIN_AT = /\p{Script=Latin}/uy;
const ARABIC_ONE_LETTER = /^[\u0621-\u064A]\u0640?$/;
const ARABIC_DOTTED = /^(?:[\u0621-\u064A]\.)+[\u0621-\u064A]$/;

/** The character before the token, across whitespace, is a digit: "2015 م." is a year, not an abbreviation. */
function followsNumber(c: Candidate): boolean {
  let p = c.tokenStart;
  while (p > c.sentenceStart && isSpace(c.text.charCodeAt(p - 1))) p--;
  return p > c.sentenceStart && DIGIT.test(c.text[p - 1] ?? '');
}

function arabicBoundary(c: Candidate): boolean {
  if (c.runEnd - c.runStart !== 1 || c.text[c.runStart] !== '.') return true;
  const before = wordBefore(c);
  const { word } = before;
  if (ARABIC_ONE_LETTER.test(word)) return before.afterDigit || followsNumber(c);
  if (ARABIC_DOTTED.test(word)) return false;
  if (LATIN.test(word)) {
    const kind = abbreviationKind(word, before.afterDigit);
    if (kind !== null) {
      // Only Latin text that goes on after the abbreviation can tell whether it ended a sentence.
      if (at(LATIN_AT, c.text, c.next)) return englishBoundary(c);
      return kind === 'number' ? !at(DIGIT_AT, c.text, c.next) : false;
    }
  }
  return !isListMarker(c);
}

export function isBoundary(c: Candidate, lang: Lang): boolean {
  return lang === 'ar' ? arabicBoundary(c) : englishBoundary(c);
}
