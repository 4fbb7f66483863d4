/**
 * Numbers and dates as language-neutral tokens. "300,000" and "300 ألف" both give "#300000";
 * "Nov 13" and "13 نوفمبر" (or "13 تشرين الثاني", the Levantine month name) both give "#13" and
 * "@11". Tokens of this shape are compared as they are on both sides.
 */

const ENGLISH_MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6,
  jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

/** Keys are normalised Arabic (ا for أ/إ/آ, ي for ى, ه for ة). */
const ARABIC_MONTHS: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, {
  يناير: 1, فبراير: 2, مارس: 3, ابريل: 4, مايو: 5, يونيو: 6, يونيه: 6, يوليو: 7, يوليه: 7,
  اغسطس: 8, سبتمبر: 9, اكتوبر: 10, نوفمبر: 11, ديسمبر: 12,
  شباط: 2, اذار: 3, نيسان: 4, ايار: 5, حزيران: 6, تموز: 7, اب: 8, ايلول: 9,
});
/** Two-word Levantine months: تشرين الأول (10), تشرين الثاني (11), كانون الأول (12), كانون الثاني (1). */
const ARABIC_MONTH_PAIRS: Record<string, Record<string, number>> = Object.assign(Object.create(null) as Record<string, Record<string, number>>, {
  تشرين: { الاول: 10, الثاني: 11 },
  كانون: { الاول: 12, الثاني: 1 },
});

const ENGLISH_SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, bn: 1e9, m: 1e6, k: 1e3 };
const ARABIC_SCALES: Record<string, number> = { الف: 1e3, الاف: 1e3, مليون: 1e6, ملايين: 1e6, مليار: 1e9, مليارات: 1e9, بليون: 1e9 };

export function monthToken(month: number): string {
  return `@${month}`;
}

/** A digit string as written ("300,000", "3.5", "2,5" in Arabic style) to its value, or null. */
export function parseNumber(digits: string): number | null {
  let text = digits;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  else if (/^\d+,\d+$/.test(text)) text = text.replace(',', '.');
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export function numberToken(value: number): string {
  return `#${Number(value.toPrecision(12))}`;
}

export function englishMonth(word: string): number | undefined {
  return ENGLISH_MONTHS[word.toLowerCase().replace(/\.$/, '')];
}

export function englishScale(word: string): number | undefined {
  return ENGLISH_SCALES[word.toLowerCase()];
}

const PROCLITIC_LETTERS = new Set(['و', 'ف', 'ب', 'ل']);

/** The month named by a normalised Arabic word (with its article or conjunction), looking at the next word for Levantine pairs. */
export function arabicMonth(word: string, next: string | undefined): { month: number; words: number } | undefined {
  // Called for every Arabic token: plain lookups only, no regular expressions or arrays.
  return monthOf(word, next) ?? (PROCLITIC_LETTERS.has(word[0] ?? '') ? monthOf(word.slice(1), next) : undefined);
}

function monthOf(form: string, next: string | undefined): { month: number; words: number } | undefined {
  const single = ARABIC_MONTHS[form];
  if (single !== undefined) return { month: single, words: 1 };
  const pair = ARABIC_MONTH_PAIRS[form];
  if (pair && next !== undefined && pair[next] !== undefined) return { month: pair[next]!, words: 2 };
  return undefined;
}

export function arabicScale(word: string): number | undefined {
  return ARABIC_SCALES[word.replace(/^(و|ب|ل)/, '')];
}
