import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MarkRange } from '../src/core/marks.js';
import { textColumn } from '../src/ui/text/columns.js';
import { markedColumn, markText, pieces, shapeMarked, visualMarked, wrapMarked, type MarkedPiece } from '../src/ui/text/marked-text.js';
import { shapeArabic, toVisual, wrapLogical } from '../src/ui/text/rtl.js';

const gap = (text: string, words: string): MarkRange => {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in "${text}"`);
  return { start, end: start + words.length, kind: 'gap', title: '' };
};
const diff = (text: string, word: string): MarkRange => ({ ...gap(text, word), kind: 'diff' });
const lineText = (line: MarkedPiece[]) => line.map((p) => p.text).join('');
const markedOf = (line: MarkedPiece[], bit = 1) => line.filter((p) => p.mask & bit).map((p) => p.text);

const AR = 'وقال وزير الخارجية الفرنسي لوران فابيوس إن 130 شخصا قتلوا في الهجمات';
const EN = 'Foreign Minister Laurent Fabius told a television channel that 130 people were killed';

describe('marked columns', () => {
  it('draw exactly the unmarked column, unit for unit, wherever the marks are (colour mode)', () => {
    const letters = fc.constantFrom(...'ابتثجحخدذرسشصضطظعغفقكلمنهويةءأإآى0123456789abcXYZ.,()«»"'.split(''), ' ', ' ', 'لا', 'لأ', '\u064e', '\u001b', '\u202e');
    fc.assert(
      fc.property(fc.array(letters, { minLength: 1, maxLength: 60 }), fc.integer({ min: 3, max: 30 }), fc.boolean(), fc.array(fc.tuple(fc.nat(80), fc.nat(12), fc.boolean()), { maxLength: 4 }), fc.constantFrom('mizan' as const, 'terminal' as const), (chars, width, arabic, raw, bidi) => {
        const text = chars.join('');
        const marks: MarkRange[] = raw.map(([start, length, isGap]) => ({ start, end: start + length, kind: isGap ? 'gap' : 'diff', title: '' }));
        const marked = markedColumn(text, marks, width, { arabic, bidi, brackets: false });
        // textColumn takes inert text, as bead-rows hands it over.
        const plain = textColumn(text.replace(/\u001b/g, '␛').replace(/\u202e/g, '⟨RLO⟩'), width, arabic, bidi);
        expect(marked.map(lineText)).toEqual(plain);
      }),
      { numRuns: 300 },
    );
  });

  it('wrap as wrapLogical and reorder as toVisual, carrying the marks with the letters', () => {
    const text = 'قتل 130 شخصا في باريس';
    const lines = wrapMarked(markText(text, [diff(text, '130'), gap(text, 'في باريس')]), 12);
    expect(lines.map((l) => l.text)).toEqual(wrapLogical(text, 12));
    const visual = lines.map((l) => visualMarked(l, 'mizan', 'rtl'));
    expect(visual.map((l) => l.text)).toEqual(wrapLogical(text, 12).map((l) => toVisual(l, 'mizan')));
    // The number stays 130 (not 031) and is what the diff mark covers; the gap moved to line 2 whole.
    expect(markedOf(pieces(visual[0]!), 2)).toEqual(['130']);
    expect(markedOf(pieces(visual[1]!))).toEqual([toVisual('في باريس', 'mizan')]);
    expect(markedOf(pieces(visual[0]!), 1)).toEqual([]);
  });

  it('shape a marked Arabic word as the unmarked one: joining is not cut by a mark edge', () => {
    const text = 'أعلن تنظيم الدولة الإسلامية مسؤوليته';
    // A mark that starts inside a word (after its first letter) still leaves the word's forms alone.
    const inside: MarkRange = { start: text.indexOf('الدولة') + 1, end: text.indexOf('الدولة') + 6, kind: 'gap', title: '' };
    for (const marks of [[gap(text, 'الدولة الإسلامية')], [inside]]) {
      const shaped = shapeMarked(markText(text, marks));
      expect(shaped.text).toBe(shapeArabic(text));
      expect(shaped.masks).toHaveLength(shaped.text.length);
    }
    // lam-alef becomes one ligature and one unit; the marks after it stay on their letters.
    const lamAlef = shapeMarked(markText('الإسلامية كلمة', [gap('الإسلامية كلمة', 'كلمة')]));
    expect(lamAlef.text.length).toBe('الإسلامية كلمة'.length - 2);
    expect(pieces(lamAlef).filter((p) => p.mask).map((p) => p.text)).toEqual([shapeArabic('كلمة')]);
  });

  it('put the English and Arabic marks on the right words after wrapping, in both columns', () => {
    const en = markedColumn(EN, [gap(EN, 'told a television channel'), diff(EN, '130')], 30, { arabic: false, bidi: 'mizan', brackets: false });
    expect(en.map(lineText).map((l) => l.trimEnd())).toEqual(wrapLogical(EN, 30));
    expect(en.flatMap((l) => markedOf(l, 1))).toEqual(['told a television', 'channel']);
    expect(en.flatMap((l) => markedOf(l, 2))).toEqual(['130']);
    const ar = markedColumn(AR, [gap(AR, 'لوران فابيوس'), diff(AR, '130')], 24, { arabic: true, bidi: 'mizan', brackets: false });
    const gaps = ar.flatMap((l) => markedOf(l, 1));
    expect(gaps).toEqual([toVisual('لوران فابيوس', 'mizan')]);
    expect(ar.flatMap((l) => markedOf(l, 2))).toEqual(['130']);
    // The pad of an Arabic line is on its left, unmarked.
    for (const line of ar) expect(line[0]!.mask === 0 || line.length === 1 || !line[0]!.text.startsWith(' ')).toBe(true);
  });

  it('bracket the marks without colour, shaped first so the brackets do not change the letters', () => {
    const en = markedColumn(EN, [gap(EN, 'told a television channel'), diff(EN, '130')], 200, { arabic: false, bidi: 'mizan', brackets: true });
    expect(lineText(en[0]!).trimEnd()).toBe('Foreign Minister Laurent Fabius ⟦told a television channel⟧ that ⟪130⟫ people were killed');
    const nested = 'said 130 people died';
    expect(lineText(markedColumn(nested, [gap(nested, '130 people died'), diff(nested, '130')], 80, { arabic: false, bidi: 'terminal', brackets: true })[0]!).trimEnd()).toBe(
      'said ⟦⟪130⟫ people died⟧',
    );
    const ar = markedColumn(AR, [gap(AR, 'لوران فابيوس')], 200, { arabic: true, bidi: 'mizan', brackets: true });
    const line = lineText(ar[0]!).trim();
    // Right to left, the run's first bracket is drawn mirrored at its right end: ⟦…⟧ read from the right.
    expect(line).toContain(`⟦${toVisual('لوران فابيوس', 'mizan')}⟧`);
    expect(line.replace(/[⟦⟧]/g, '')).toBe(toVisual(AR, 'mizan'));
    // Logical order, without bidi: the brackets stand where they were put.
    const logical = markedColumn(AR, [gap(AR, 'لوران فابيوس')], 200, { arabic: true, bidi: 'terminal', brackets: true });
    expect(lineText(logical[0]!).trim()).toBe(AR.replace('لوران فابيوس', '⟦لوران فابيوس⟧'));
  });
});
