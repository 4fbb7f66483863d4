/**
 * Site chrome in pasted web pages: repeated titles, bylines and credits, dates, comment forms,
 * URLs, "most read" lists and footers. Such paragraphs are flagged (never removed) so that they
 * are neither aligned nor counted as missing translations.
 *
 * A paragraph is boilerplate when a rule recognises it ("strong"), or when it belongs to a run of
 * chrome at the head or tail of the page: short lines without sentence punctuation ("weak") and,
 * in the tail, teaser paragraphs that follow a strong one (an editorial listing's blurbs).
 * The head and tail runs count only when they hold a strong paragraph, so a clean text that merely
 * ends on a short line keeps it.
 */
import type { Lang, Segment } from './types.js';
import { normalizeArabic } from './text/normalize.js';

interface Paragraph {
  text: string;
  /** Lower-cased letters and digits only, single-spaced: the form repeats are compared in. */
  plain: string;
  words: number;
  sentences: number;
  segments: number[];
}

const ENGLISH_MARKERS = new RegExp(
  '^(published in\\b|source\\s*:|(last\\s+)?updated\\b|copyright\\b|all rights reserved|maintained and developed|' +
    'subscribe\\b|follow us\\b|share (this|on)\\b|read (more|also)\\b|related (articles|stories|news)\\b|' +
    'most (read|popular|viewed)\\b|newsfeed$|(log ?in|sign ?in|register)\\b|terms of (use|service)|privacy policy|' +
    'advertisement$|no stories found|publishing terms\\s*:|i agree with the terms|:\\s*characters left|' +
    'to participate in the discussion|(name|e-?mail|comment( title)?|mandatory|security code)\\s*\\*)',
  'i',
);
/** Normalised Arabic: most read, read also, source:, follow us, all rights reserved, share, related, comments, subscribe. */
// JavaScript's \b knows only ASCII word characters, so the end of an Arabic word is "no Arabic letter follows".
const ARABIC_MARKERS =
  /^(الاكثر (قراءه|مشاهده)|اقرا (ايضا|المزيد)|المصدر\s*:|تابعونا|جميع الحقوق محفوظه|حقوق النشر|شارك|(اخبار|مواضيع) ذات صله|التعليقات|اضف تعليق|اشترك)(?![\u0621-\u064A])/;
// Bounded runs (a DNS label is at most 63 characters, a mail box 64): with `[\w-]+` or `\S+@` a long
// run of text without spaces is scanned again from each position, quadratic in its length.
const URL = /(https?:\/\/\S+|www\.\S+|\b[\w-]{1,63}\.(com|net|org|info|news)\b\S*|[^\s@]{1,64}@[^\s@]{1,255}\.\w+)/gi;
/** Words a date or time line is made of, in both languages (normalised Arabic). */
const DATE_WORDS = new RegExp(
  '^(gmt|utc|am|pm|updated|last|on|at|monday|tuesday|wednesday|thursday|friday|saturday|sunday|' +
    'january|february|march|april|may|june|july|august|september|october|november|december|' +
    'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|\\d+(st|nd|rd|th)?|' +
    'الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|الاحد|يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|' +
    'تحديث|اخر|اخر تحديث|الساعه|بتوقيت|غرينتش)$',
  'i',
);
const SENTENCE_END = /[.!?؟…"”»')]$/;
const WEAK_MAX_WORDS = 6;
const TEASER_MAX_SENTENCES = 2;

const plainForm = (text: string) =>
  normalizeArabic(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function paragraphsOf(segments: readonly Segment[]): Paragraph[] {
  const byNumber = new Map<number, Paragraph>();
  for (const s of segments) {
    let p = byNumber.get(s.paragraph);
    if (!p) byNumber.set(s.paragraph, (p = { text: '', plain: '', words: 0, sentences: 0, segments: [] }));
    p.text = p.text ? `${p.text} ${s.text}` : s.text;
    p.sentences++;
    p.segments.push(s.index);
  }
  const paragraphs = [...byNumber.values()];
  for (const p of paragraphs) {
    p.plain = plainForm(p.text);
    p.words = p.plain ? p.plain.split(' ').length : 0;
  }
  return paragraphs;
}

function isDateLine(p: Paragraph): boolean {
  const words = p.plain.split(' ').filter(Boolean);
  return words.length > 0 && words.filter((w) => !DATE_WORDS.test(w)).length <= 0;
}

function lacksLanguage(text: string, lang: Lang): boolean {
  return lang === 'ar' ? !/[\u0621-\u064A]/.test(text) : !/[A-Za-z]/.test(text);
}

function isUrlLine(text: string): boolean {
  const urls = (text.match(URL) ?? []).join('').length;
  return urls > 0 && urls >= text.replace(/\s+/g, '').length * 0.5;
}

/** Lines of two words or more, without sentence punctuation, that the page prints more than once (titles, site names). */
function repeatedLines(paragraphs: readonly Paragraph[]): Set<string> {
  const counts = new Map<string, number>();
  for (const p of paragraphs) {
    if (p.words >= 2 && !SENTENCE_END.test(p.text)) counts.set(p.plain, (counts.get(p.plain) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, count]) => count >= 2).map(([plain]) => plain));
}

/**
 * A paragraph made only of repeated lines, perhaps glued without a break (a title printed twice,
 * a site name before a title): compared with spaces squeezed out, it must be at least 80% repeats.
 */
function madeOfRepeats(plain: string, repeats: ReadonlySet<string>): boolean {
  if (repeats.has(plain)) return true;
  const squashed = plain.replace(/ /g, '');
  let rest = squashed;
  for (const r of repeats) rest = rest.split(r.replace(/ /g, '')).join('');
  return rest.length < squashed.length && rest.length <= 0.2 * squashed.length;
}

function isStrong(p: Paragraph, lang: Lang, repeats: ReadonlySet<string>): boolean {
  const text = p.text.trim();
  if (lang === 'ar' ? ARABIC_MARKERS.test(normalizeArabic(text)) || ENGLISH_MARKERS.test(text) : ENGLISH_MARKERS.test(text)) return true;
  return text.includes('©') || isUrlLine(text) || isDateLine(p) || lacksLanguage(text, lang) || madeOfRepeats(p.plain, repeats);
}

const isWeak = (p: Paragraph) => p.words <= WEAK_MAX_WORDS && !SENTENCE_END.test(p.text.trim());

/** One flag per segment: true when the segment is boilerplate. */
export function detectBoilerplate(segments: readonly Segment[], lang: Lang): boolean[] {
  const paragraphs = paragraphsOf(segments);
  const repeats = repeatedLines(paragraphs);
  const strong = paragraphs.map((p) => isStrong(p, lang, repeats));
  const flagged = [...strong];

  let head = 0;
  while (head < paragraphs.length && (strong[head] || isWeak(paragraphs[head]!))) head++;
  if (strong.slice(0, head).some(Boolean)) flagged.fill(true, 0, head);

  let tail = paragraphs.length;
  const inTail = (k: number) => {
    const p = paragraphs[k]!;
    const teaser = p.sentences <= TEASER_MAX_SENTENCES && k > 0 && strong[k - 1]!;
    return strong[k] || isWeak(p) || teaser;
  };
  while (tail > head && inTail(tail - 1)) tail--;
  if (strong.slice(tail).some(Boolean)) flagged.fill(true, tail);

  const result = new Array<boolean>(segments.length).fill(false);
  paragraphs.forEach((p, k) => {
    if (flagged[k]) for (const s of p.segments) result[s] = true;
  });
  return result;
}
