/**
 * Matching forms of words. These forms are used for comparison only: never shown, never exported.
 *
 * Arabic follows the usual light normalisation of Arabic IR (Larkey, Ballesteros & Connell 2002,
 * "Improving stemming for Arabic information retrieval"): hamza-carrying alefs to bare alef,
 * alef maqsura to ya, ta marbuta to ha, diacritics and tatweel removed, Arabic-Indic digits to ASCII.
 * Clitics are not stripped here but enumerated by `arabicCandidates`, because a greedy stripper
 * cannot tell the article in الرقة from the root letters of الة; the lexicon decides which reading exists.
 */
import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';

const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3]/;

export function isArabicLetter(ch: string): boolean {
  return ARABIC_LETTER.test(ch);
}

/** Arabic-Indic (U+0660..) and Extended Arabic-Indic (U+06F0..) digits to ASCII; Arabic decimal and thousands separators too. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9\u066B\u066C]/g, (d) => {
    const c = d.charCodeAt(0);
    if (c === 0x066b) return '.';
    if (c === 0x066c) return ',';
    return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
  });
}

export function normalizeArabic(word: string): string {
  return asciiDigits(word)
    .replace(DIACRITICS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/[یې]/g, 'ي');
}

const PROCLITICS = ['وال', 'فال', 'بال', 'كال', 'لل', 'ال', 'وب', 'ول', 'وك', 'فب', 'فل', 'وس', 'و', 'ف', 'ب', 'ل', 'ك', 'س'];
const ENCLITICS = ['هما', 'كما', 'ها', 'هم', 'هن', 'كم', 'كن', 'نا', 'ني', 'ه', 'ك', 'ي'];
const INFLECTIONS = ['تما', 'تم', 'تن', 'ات', 'ون', 'ين', 'ان', 'وا', 'ت', 'ه', 'ي', 'ا', 'ن'];
const VERB_PREFIXES = ['ي', 'ت', 'ن', 'ا'];
const MIN_STEM = 2;

function stripOne(forms: Set<string>, affixes: readonly string[], atStart: boolean): void {
  for (const form of [...forms]) {
    for (const a of affixes) {
      if (form.length - a.length < MIN_STEM) continue;
      if (atStart ? form.startsWith(a) : form.endsWith(a)) forms.add(atStart ? form.slice(a.length) : form.slice(0, -a.length));
    }
  }
}

/**
 * Every plausible bare form of a normalised Arabic word, the word itself first: proclitics
 * (conjunction, preposition, article), pronoun suffixes, then inflectional endings and the
 * imperfect verb prefix. A lexicon lookup over all of them finds قالت under قال and بسوريا under سوريا.
 */
export function arabicCandidates(norm: string): string[] {
  const forms = new Set<string>([norm]);
  stripOne(forms, PROCLITICS, true);
  stripOne(forms, ENCLITICS, false);
  stripOne(forms, INFLECTIONS, false);
  stripOne(forms, VERB_PREFIXES, true);
  return [...forms];
}

const stemCache = new Map<string, string>();

/** Lower-cased Porter stem (Porter 1980), the English matching form. */
export function stemEnglish(word: string): string {
  const lower = word.toLowerCase();
  let stem = stemCache.get(lower);
  if (stem === undefined) {
    stem = /^[a-z]+$/.test(lower) ? porter.stem(lower) : lower;
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(lower, stem);
  }
  return stem;
}

/** Apostrophes, curly quotes and possessives fold so that France’s and France's match France. */
export function normalizeEnglish(word: string): string {
  return word.toLowerCase().replace(/[’‘`´]/g, "'").replace(/'s$/, '').replace(/'/g, '');
}
