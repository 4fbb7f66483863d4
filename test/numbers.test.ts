import { describe, expect, it } from 'vitest';
import { normalizeArabic } from '../src/core/text/normalize.js';
import {
  arabicMonth,
  arabicScale,
  englishMonth,
  englishScale,
  monthToken,
  numberToken,
  parseNumber,
} from '../src/core/score/numbers.js';

describe('parseNumber', () => {
  it('reads English thousands separators and decimal points', () => {
    expect(parseNumber('300,000')).toBe(300000);
    expect(parseNumber('1,234,567.89')).toBe(1234567.89);
    expect(parseNumber('3.5')).toBe(3.5);
    expect(parseNumber('130')).toBe(130);
    expect(parseNumber('2015')).toBe(2015);
  });

  // Arabic text writes the decimal separator as a comma: "2,5" is two and a half. A group of
  // exactly three digits after the comma stays a thousands separator, as in English.
  it('reads an Arabic-style decimal comma', () => {
    expect(parseNumber('2,5')).toBe(2.5);
    expect(parseNumber('12,75')).toBe(12.75);
    expect(parseNumber('12,000')).toBe(12000);
  });

  it('refuses strings that are not one number', () => {
    expect(parseNumber('1.2.3')).toBeNull();
    expect(parseNumber('1,2,3')).toBeNull();
  });
});

describe('number and month tokens', () => {
  it('writes values without float noise, so both sides give the same token', () => {
    expect(numberToken(300000)).toBe('#300000');
    expect(numberToken(300 * 1e3)).toBe('#300000');
    expect(numberToken(0.1 + 0.2)).toBe('#0.3');
    expect(numberToken(2.5 * 1e6)).toBe('#2500000');
    expect(monthToken(11)).toBe('@11');
  });
});

describe('months', () => {
  it('knows English month names and abbreviations, any case, with a final dot', () => {
    expect(englishMonth('November')).toBe(11);
    expect(englishMonth('Nov')).toBe(11);
    expect(englishMonth('nov.')).toBe(11);
    expect(englishMonth('SEPT')).toBe(9);
    expect(englishMonth('Movember')).toBeUndefined();
  });

  it('knows Arabic month names (normalised), with a conjunction or preposition in front', () => {
    expect(arabicMonth(normalizeArabic('نوفمبر'), undefined)).toEqual({ month: 11, words: 1 });
    expect(arabicMonth(normalizeArabic('أكتوبر'), undefined)).toEqual({ month: 10, words: 1 });
    expect(arabicMonth(normalizeArabic('ونوفمبر'), undefined)).toEqual({ month: 11, words: 1 });
    expect(arabicMonth(normalizeArabic('آذار'), undefined)).toEqual({ month: 3, words: 1 });
    expect(arabicMonth(normalizeArabic('أيلول'), undefined)).toEqual({ month: 9, words: 1 });
    expect(arabicMonth('موسكو', undefined)).toBeUndefined();
  });

  // Levantine months are two words; the caller must skip the second one.
  it('reads the two-word Levantine months from the next word', () => {
    expect(arabicMonth('تشرين', normalizeArabic('الثاني'))).toEqual({ month: 11, words: 2 });
    expect(arabicMonth('تشرين', normalizeArabic('الأول'))).toEqual({ month: 10, words: 2 });
    expect(arabicMonth('كانون', normalizeArabic('الثاني'))).toEqual({ month: 1, words: 2 });
    expect(arabicMonth('كانون', normalizeArabic('الأول'))).toEqual({ month: 12, words: 2 });
    expect(arabicMonth('تشرين', 'موسكو')).toBeUndefined();
    expect(arabicMonth('تشرين', undefined)).toBeUndefined();
  });
});

describe('scales', () => {
  it('knows English scale words', () => {
    expect(englishScale('thousand')).toBe(1e3);
    expect(englishScale('Million')).toBe(1e6);
    expect(englishScale('billion')).toBe(1e9);
    expect(englishScale('bn')).toBe(1e9);
    expect(englishScale('people')).toBeUndefined();
  });

  it('knows Arabic scale words in normalised form, singular and plural, with a clitic', () => {
    expect(arabicScale(normalizeArabic('ألف'))).toBe(1e3);
    expect(arabicScale(normalizeArabic('آلاف'))).toBe(1e3);
    expect(arabicScale('مليون')).toBe(1e6);
    expect(arabicScale('ملايين')).toBe(1e6);
    expect(arabicScale('مليار')).toBe(1e9);
    expect(arabicScale(normalizeArabic('وألف'))).toBe(1e3);
    expect(arabicScale('شخص')).toBeUndefined();
  });
});
