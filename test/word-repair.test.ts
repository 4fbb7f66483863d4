import { describe, expect, it } from 'vitest';
import { plainEvidence, lexiconEvidence } from '../src/core/evidence.js';
import { parseLexicon } from '../src/core/lexicon.js';
import { buildFeatures } from '../src/core/score/features.js';
import { breakGlued, brokenPairs } from '../src/core/score/word-repair.js';
import { stemEnglish } from '../src/core/text/normalize.js';

const WORDS = new Set(['يوم', 'اثنين', 'وزير', 'خارجيه', 'في', 'قال']);
const isWord = (w: string) => WORDS.has(w);

describe('breakGlued: Arabic words that lost their spaces', () => {
  it('splits a run into the known words it is made of', () => {
    expect(breakGlued('قالوزيرخارجيه', isWord)).toEqual(['قال', 'وزير', 'خارجيه']);
    expect(breakGlued('فييوماثنين', isWord)).toEqual(['في', 'يوم', 'اثنين']);
  });
  it('keeps an unknown stretch (a name) as one piece between known words', () => {
    expect(breakGlued('قالفابيوسفييوم', isWord)).toEqual(['قال', 'فابيوس', 'في', 'يوم']);
  });
  it('leaves short words and words that known pieces barely explain alone', () => {
    expect(breakGlued('وزير', isWord)).toBeNull();
    expect(breakGlued('مستشفيات', isWord)).toBeNull();
    expect(breakGlued('كوسوفوييوم', isWord)).toBeNull();
  });
  it('never loses a letter', () => {
    const run = 'قالوزيرفابيوسفييوماثنينخارجيه';
    expect((breakGlued(run, isWord) ?? [run]).join('')).toBe(run);
  });
});

describe('brokenPairs: English words broken by a stray space', () => {
  const vocabulary = new Set(['intelligence', 'agreed', 'in', 'the', 'around', 'a', 'round']);
  const known = (w: string) => vocabulary.has(w.toLowerCase());
  it('joins halves that are not words into the word they make', () => {
    expect(brokenPairs(['They', 'agr', 'eed', 'in', 'telligence'], known, known)).toEqual([1, 3]);
  });
  it('leaves two real words alone, and a capitalised second half', () => {
    expect(brokenPairs(['a', 'round', 'the', 'in', 'Telligence'], known, known)).toEqual([]);
  });
});

const lexicon = parseLexicon(['وزير\tminist', 'خارجيه\tforeign', 'قال\tsaid', 'ذكاء\tintellig'].join('\n'));

describe('repair in the features: scoring sees the words, the text is untouched', () => {
  it('a glued Arabic run matches the English words of its pieces', () => {
    const repaired = buildFeatures(['The foreign minister said so.'], ['قالوزيرالخارجيه'], lexiconEvidence(lexicon));
    const plain = buildFeatures(['The foreign minister said so.'], ['قالوزيرالخارجيه'], plainEvidence(lexicon));
    expect(repaired.ar[0]!.words.length).toBe(3);
    expect(plain.ar[0]!.words.length).toBe(1);
  });
  it('a broken English word is one token again', () => {
    const f = buildFeatures(['Their in telligence.'], ['ذكاء'], lexiconEvidence(lexicon));
    const g = buildFeatures(['Their intelligence.'], ['ذكاء'], lexiconEvidence(lexicon));
    expect(f.en[0]!.ids.length).toBe(1);
    expect(f.en[0]!.total).toBeCloseTo(g.en[0]!.total);
    expect(stemEnglish('intelligence')).toBe('intellig');
  });
});

describe('silent words', () => {
  it('weigh less than words whose translation is known and missing', () => {
    const silent = buildFeatures(['The minister zorbed.', 'x'], ['وزير', 'y'], lexiconEvidence(lexicon));
    const loud = buildFeatures(['The minister zorbed.', 'x'], ['وزير', 'y'], plainEvidence(lexicon));
    // "zorb" is no translation of anything: silence, not mismatch.
    expect(silent.en[0]!.total).toBeLessThan(loud.en[0]!.total);
  });
});
