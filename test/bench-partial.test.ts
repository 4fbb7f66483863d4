import { describe, expect, it } from 'vitest';
import { parseAlignmentFile } from '../src/formats/alignment-file.js';
import { coverageTargets, type PartialRow } from '../bench/coverage.js';
import {
  allConfident,
  goldAlignmentFile,
  type GoldClause,
  partialFigures,
  readPartial,
  scoreDocument,
  wordsInside,
  wordsOf,
} from '../bench/partial.js';
import { fromPairs, type Pair, renderParagraphs, sidesOf } from '../bench/perturb.js';
import { createRng } from '../bench/rng.js';
import { addClauses, dropArabicStops, dropFinalStop, placeClause } from '../bench/stress.js';

// Hand-made sentences, never dev-corpus text.
const doc = (n: number): Pair[] =>
  Array.from({ length: n }, (_, i) => ({ en: `The committee met on day ${i + 1} and agreed on the budget.`, ar: `اجتمعت اللجنة في اليوم ${i + 1} واتفقت على الميزانية.` }));
const DONORS: Pair[] = Array.from({ length: 8 }, (_, i) => ({
  en: `Donor${i} alpha bravo charlie delta echo foxtrot golf hotel india juliet.`,
  ar: `مانح${i} ألف باء تاء ثاء جيم حاء خاء دال ذال راء.`,
}));

describe('partial-coverage gold: the exact place of each added clause', () => {
  it('placeClause: the span is the clause, at a word boundary, after a comma, at the end or in the middle', () => {
    const end = placeClause('He left the room.', 'one two three four five', 'en', false, createRng(1));
    expect(end).toEqual({ text: 'He left the room, one two three four five.', start: 18, end: 41, where: 'end' });
    const middle = placeClause('Alpha beta gamma delta.', 'x y z w v', 'en', true, createRng(2));
    expect(middle.where).toBe('middle');
    expect(middle.text.slice(middle.start, middle.end)).toBe('x y z w v');
    expect(middle.text.slice(middle.start - 2, middle.start)).toBe(', ');
    expect(middle.text.slice(middle.end, middle.end + 2)).toBe(', ');
    const ar = placeClause('ذهب الرجل إلى السوق.', 'واحد اثنان ثلاثة أربعة خمسة', 'ar', true, createRng(3));
    expect(ar.text.slice(ar.start, ar.end)).toBe('واحد اثنان ثلاثة أربعة خمسة');
    expect(ar.text.slice(ar.start - 2, ar.start)).toBe('، ');
    // No bare word to follow: a middle draw goes to the end, and says so.
    expect(placeClause('Alpha, beta gamma.', 'x y z w v', 'en', true, createRng(1)).where).toBe('end');
  });

  it('addClauses: every event names the grown sentence and the clause exactly, over many seeds', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { beads, events } = addClauses(doc(20), DONORS, 0.15, createRng(seed));
      expect(events).toHaveLength(3);
      for (const e of events) {
        const grown = beads[e.index]![e.side][0]!;
        expect(grown.slice(e.start, e.end)).toBe(e.clause);
        expect(grown[e.start - 1]).toBe(' ');
        expect(/^[,،]/u.test(grown.slice(e.end)) || e.where === 'end').toBe(true);
      }
    }
  });
});

describe('nostop: Arabic sentences without their final stop', () => {
  it('dropFinalStop keeps the closing quote or bracket, and leaves questions and ellipses alone', () => {
    expect(dropFinalStop('قال الوزير "لن نتراجع".')).toBe('قال الوزير "لن نتراجع"');
    expect(dropFinalStop('قال الوزير "لن نتراجع."')).toBe('قال الوزير "لن نتراجع"');
    expect(dropFinalStop('وصل الوفد (أمس).')).toBe('وصل الوفد (أمس)');
    expect(dropFinalStop('وصل الوفد أمس.')).toBe('وصل الوفد أمس');
    expect(dropFinalStop('هل وصل الوفد؟')).toBeUndefined();
    expect(dropFinalStop('وصل الوفد...')).toBeUndefined();
    expect(dropFinalStop('عنوان بلا نقطة')).toBeUndefined();
  });

  it('dropArabicStops: a fifth of the Arabic lines, the beads and the English untouched, the changed lines named', () => {
    const gold = fromPairs(doc(20));
    const out = dropArabicStops(gold, 0.2, createRng(4));
    expect(out.dropped).toHaveLength(4);
    expect(out.beads.map((b) => [b.en.length, b.ar.length])).toEqual(gold.map((b) => [b.en.length, b.ar.length]));
    expect(sidesOf(out.beads).en).toEqual(sidesOf(gold).en);
    const before = sidesOf(gold).ar;
    const after = sidesOf(out.beads).ar;
    const changed = after.map((line, i) => (line === before[i] ? -1 : i)).filter((i) => i >= 0);
    expect(changed).toEqual(out.dropped);
    for (const i of changed) expect(after[i]).toBe(before[i]!.slice(0, -1));
    expect(out.quoted).toBe(0);
  });

  it('raw text runs a stopless sentence on instead of breaking the line after it', () => {
    expect(renderParagraphs(['one', 'two.', 'three'], [3])).toBe('one\ntwo. three\n');
    expect(renderParagraphs(['one', 'two.', 'three'], [3], new Set([0]))).toBe('one two. three\n');
  });
});

describe('partial-coverage scorer', () => {
  it('words are whitespace tokens with a letter or digit; a word is inside when more than half of its letters are', () => {
    expect(wordsOf('a — b, 12').map((w) => [w.start, w.end])).toEqual([[0, 1], [4, 6], [7, 9]]);
    // "abcd," with the span over "abc": 3 of 4 letters. Over "ab": 2 of 4, not more than half.
    expect(wordsInside('x abcd, y', [[2, 5]])).toEqual([false, true, false]);
    expect(wordsInside('x abcd, y', [[2, 4]])).toEqual([false, false, false]);
  });

  const sentence = 'He said, alpha bravo charlie delta echo, and left today.';
  const clause: GoldClause = { lang: 'en', index: 0, start: 9, end: 39, text: 'alpha bravo charlie delta echo', sentence, where: 'middle' };
  const other = 'هذه جملة أخرى بلا إضافة.';

  it('counts clause recall, word precision and recall by hand', () => {
    expect(sentence.slice(clause.start, clause.end)).toBe(clause.text);
    // Span 1 covers "alpha bravo charlie" (3 of the 5 clause words): the clause is found.
    // Span 2 covers "left today." (2 words, none gold). Span 3 on another sentence: "جملة أخرى" (2 words).
    const counts = scoreDocument(
      [clause],
      [
        { lang: 'en', index: 0, text: sentence, spans: [{ start: 9, end: 28 }, { start: 45, end: 56 }] },
        { lang: 'ar', index: 3, text: other, spans: [{ start: 4, end: 13 }] },
      ],
    );
    expect(counts).toEqual({ clauses: 1, found: 1, goldWords: 5, reportedWords: 7, hitWords: 3, spans: 3, sentences: 2, mismatched: 0 });
    const f = partialFigures(counts);
    expect(f.clauseRecall).toBe(1);
    expect(f.wordPrecision).toBeCloseTo(3 / 7, 12);
    expect(f.wordRecall).toBeCloseTo(3 / 5, 12);
  });

  it('a clause with fewer than half its words reported, or a sentence not reported, is missed', () => {
    const two = scoreDocument([clause], [{ lang: 'en', index: 0, text: sentence, spans: [{ start: 9, end: 20 }] }]);
    expect([two.found, two.hitWords, two.reportedWords]).toEqual([0, 2, 2]);
    const none = scoreDocument([clause], []);
    expect(none).toEqual({ clauses: 1, found: 0, goldWords: 5, reportedWords: 0, hitWords: 0, spans: 0, sentences: 0, mismatched: 0 });
    expect(partialFigures(none).wordPrecision).toBe(0);
  });

  it('a confidence threshold keeps the spans at or above it; the curve needs a confidence on every span', () => {
    const reported = [{ lang: 'en' as const, index: 0, text: sentence, spans: [{ start: 9, end: 39, confidence: 0.9 }, { start: 45, end: 56, confidence: 0.3 }] }];
    expect(scoreDocument([clause], reported, 0.5)).toMatchObject({ found: 1, reportedWords: 5, hitWords: 5, spans: 1 });
    expect(scoreDocument([clause], reported, 0.95)).toMatchObject({ found: 0, reportedWords: 0, spans: 0 });
    expect(allConfident([reported])).toBe(true);
    expect(allConfident([[{ ...reported[0]!, spans: [{ start: 9, end: 39 }] }]])).toBe(false);
  });

  it('looks the clause up by its text when coverage reports another text for the sentence', () => {
    const shifted = `Then ${sentence}`;
    const counts = scoreDocument([clause], [{ lang: 'en', index: 0, text: shifted, spans: [{ start: 14, end: 44 }] }]);
    expect(counts).toMatchObject({ mismatched: 1, found: 1, goldWords: 5, hitWords: 5 });
  });

  it('reads the partial list of coverage --json and refuses anything else in one line', () => {
    const ok = readPartial({ partial: [{ lang: 'ar', index: 2, text: 'x', spans: [{ start: 0, end: 1, confidence: 0.4, words: 1 }] }], oneSided: [{ lang: 'en', index: 5 }] });
    expect(ok).toEqual({ partial: [{ lang: 'ar', index: 2, text: 'x', spans: [{ start: 0, end: 1, confidence: 0.4 }] }], oneSided: [{ lang: 'en', index: 5 }] });
    expect(() => readPartial({})).toThrow(/^not a mizan coverage --json report: no "partial" list$/);
    expect(() => readPartial({ partial: [{ lang: 'fr', index: 0, text: '', spans: [] }] })).toThrow(/partial\[0\]/);
  });

  it('the gold alignment file reads back as a 1:1 alignment of the presplit lines', () => {
    const en = ['One.', 'Two, and more.'];
    const ar = ['واحد.', 'اثنان.'];
    const meta = { path: '/tmp/x', sha256: '0'.repeat(64) };
    const { alignment, file } = parseAlignmentFile(goldAlignmentFile(en, ar, meta, meta, '2024-06-01T00:00:00.000Z'));
    expect(alignment.source.segments.map((s) => s.text)).toEqual(en);
    expect(alignment.target.segments.map((s) => s.text)).toEqual(ar);
    expect(alignment.beads.map((b) => [b.source, b.target, b.flag])).toEqual([[[0], [0], 'aligned'], [[1], [1], 'aligned']]);
    expect(file.presplit).toBe(true);
    expect(() => goldAlignmentFile(en, ['واحد.'], meta, meta, '')).toThrow(/1:1/);
  });

  it('targets: clause recall and word precision on the test part end to end, and the speed', () => {
    const row = (alignment: 'gold' | 'mizan', recall: number, precision: number): PartialRow => ({
      part: 'test',
      alignment,
      docs: 1,
      sentences: 2,
      figures: { clauseRecall: recall, wordPrecision: precision, wordRecall: 0.5, counts: { clauses: 1, found: 1, goldWords: 1, reportedWords: 1, hitWords: 1, spans: 1, sentences: 1, mismatched: 0 } },
      coverageMs: { phase: 1, sum: 1, median: 1 },
      commands: [],
    });
    const goals = coverageTargets([row('gold', 0.99, 0.9), row('mizan', 0.95, 0.2)], { sentences: 20000, runs: [2500, 2100, 1900], medianMs: 2100, commands: [] });
    expect(goals.map((g) => [g.value, g.met])).toEqual([['0.950', true], ['0.200', false], ['2.10', false]]);
    expect(goals[0]!.what).toMatch(/end to end/);
  });
});
