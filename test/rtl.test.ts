import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignCommand } from '../src/cli/align.js';
import type { Alignment } from '../src/core/types.js';
import { formatListing } from '../src/formats/listing.js';
import { COLUMN_SEPARATOR, columnWidths } from '../src/ui/text/columns.js';
import { arabicColumn, displayWidth, shapeArabic, toVisual, wrapLogical } from '../src/ui/text/rtl.js';

const PARIS = 'قتل 130 شخصا في باريس';
const IS = 'أعلن تنظيم الدولة الإسلامية (IS) مسؤوليته عن الهجمات';
const reversed = (s: string) => [...s].reverse().join('');

describe('displayWidth', () => {
  it('counts cells: presentation forms 1, marks and zero-width characters 0, wide characters 2', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth(shapeArabic('باريس'))).toBe(5);
    expect(displayWidth('شخصاً')).toBe(4); // the tanween is a combining mark
    expect(displayWidth('a\u200Db\u200F\uFEFF')).toBe(2);
    expect(displayWidth('漢字')).toBe(4);
    expect(displayWidth('\u001b[32maligned\u001b[0m')).toBe(7);
    // Lam-alef is two letters in logical text but one ligature, one cell, once shaped.
    expect(shapeArabic('لا')).toBe('\uFEFB');
    expect(displayWidth(shapeArabic('الإسلامية'))).toBe(displayWidth('الإسلامية') - 2);
  });
});

describe('wrapLogical', () => {
  it('wraps greedily in logical order, collapsing whitespace and cutting words longer than a line', () => {
    expect(wrapLogical('the  quick brown\nfox jumps', 10)).toEqual(['the quick', 'brown fox', 'jumps']);
    expect(wrapLogical('abcdefghijkl xy', 5)).toEqual(['abcde', 'fghij', 'kl xy']);
    expect(wrapLogical('  ', 10)).toEqual([]);
    expect(wrapLogical(PARIS, 12)).toEqual(['قتل 130 شخصا', 'في باريس']);
  });

  it('never passes the width and keeps every character', () => {
    const word = fc.stringMatching(/^[a-zابتثجحخدذرسشصضطظعغفقكلمنهوي0-9]{1,25}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.integer({ min: 1, max: 40 }), (words, width) => {
        const lines = wrapLogical(words.join(' '), width);
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/ /g, '')).toBe(words.join(''));
      }),
    );
  });
});

describe('toVisual', () => {
  it("reverses a simple Arabic word's shaped letters", () => {
    const shaped = shapeArabic('باريس');
    expect(shaped).toBe('ﺑﺎﺭﻳﺲ');
    expect(toVisual('باريس', 'mizan')).toBe(reversed(shaped));
  });

  it('keeps digits in left-to-right order inside an Arabic line', () => {
    const visual = toVisual(PARIS, 'mizan');
    expect(visual).toContain('130');
    expect(visual).not.toContain('031');
    expect(visual).toBe('ﺲﻳﺭﺎﺑ ﻲﻓ ﺎﺼﺨﺷ 130 ﻞﺘﻗ');
  });

  it('keeps a Latin abbreviation readable, brackets the right way round', () => {
    const visual = toVisual(IS, 'mizan');
    expect(visual).toContain('(IS)');
    // The line reads from the right: its first word is drawn last.
    expect(visual.endsWith(reversed(shapeArabic('أعلن')))).toBe(true);
    expect(visual.startsWith(reversed(shapeArabic('الهجمات')))).toBe(true);
  });

  it("leaves the logical line alone in 'terminal' mode", () => {
    expect(toVisual(PARIS, 'terminal')).toBe(PARIS);
    expect(toVisual(IS, 'terminal')).toBe(IS);
  });
});

describe('arabicColumn', () => {
  it('wraps before reordering, so the first visual line holds the first words', () => {
    const lines = arabicColumn(PARIS, 14, 'mizan');
    expect(lines).toHaveLength(2);
    expect(lines[0]!.trimStart()).toBe(toVisual('قتل 130 شخصا', 'mizan'));
    expect(lines[1]!.trimStart()).toBe(toVisual('في باريس', 'mizan'));
    // Reordering the whole sentence first and then cutting it would start with its last word.
    expect(lines[0]).not.toContain(reversed(shapeArabic('باريس')));
  });

  it('fills exactly the column width, padding on the left', () => {
    for (const width of [8, 14, 20, 33]) {
      for (const mode of ['mizan', 'terminal'] as const) {
        for (const line of arabicColumn(IS, width, mode)) expect(displayWidth(line)).toBe(width);
      }
    }
    expect(arabicColumn('في باريس', 20, 'mizan')[0]).toMatch(/^ {12}\S/);
  });

  it('keeps a Latin-only segment left-to-right, right-aligned', () => {
    expect(arabicColumn('No stories found.', 20, 'mizan')).toEqual(['   No stories found.']);
    expect(arabicColumn('Reuters: قتل 130 شخصا', 30, 'mizan')[0]!.trimStart()).toBe(toVisual('Reuters: قتل 130 شخصا', 'mizan'));
  });

  it("gives the logical text back, wrapped and right-aligned, in 'terminal' mode", () => {
    const lines = arabicColumn(IS, 20, 'terminal');
    expect(lines.map((l) => l.trim()).join(' ')).toBe(IS);
  });
});

const EN = ['Gunmen killed 130 people in Paris on Friday night.', 'The attacks were claimed by Islamic State (IS).', 'Police sealed off the area.'];
const AR = ['قتل 130 شخصا في باريس ليل الجمعة.', 'أعلن تنظيم الدولة الإسلامية (IS) مسؤوليته عن الهجمات.'];
const segs = (texts: string[]) => texts.map((text, index) => ({ index, text, paragraph: 0, start: 0, end: text.length }));
const ALIGNMENT: Alignment = {
  source: { lang: 'en', segments: segs(EN) },
  target: { lang: 'ar', segments: segs(AR) },
  beads: [
    { source: [0], target: [0], flag: 'aligned', score: 0.9, status: 'auto' },
    { source: [1], target: [1], flag: 'aligned', score: 0.8, status: 'auto' },
    { source: [2], target: [], flag: 'source-only', score: 0.5, status: 'auto' },
  ],
};

describe('formatListing', () => {
  it('stacks source over target below 60 cells or without a width, as before', () => {
    const stacked = formatListing(ALIGNMENT, { color: false });
    expect(stacked).toContain(`   EN ${EN[0]}\n   AR ${AR[0]}\n`);
    expect(formatListing(ALIGNMENT, { color: false, width: 59 })).toBe(stacked);
  });

  it('puts English left and Arabic right-aligned from 60 cells on, whichever is the source', () => {
    for (const alignment of [ALIGNMENT, { source: ALIGNMENT.target, target: ALIGNMENT.source, beads: ALIGNMENT.beads.map((b) => ({ ...b, source: b.target, target: b.source })) }]) {
      const text = formatListing(alignment, { color: false, width: 80 });
      // A row whose right column is empty ends at the bar: trailing blanks are cut.
      const rows = text.split('\n').filter((line) => line.includes('│'));
      const [left] = columnWidths(80);
      expect(rows).toHaveLength(5);
      for (const row of rows) expect(row.indexOf(' │')).toBe(left);
      const withArabic = rows.filter((row) => /[\uFE70-\uFEFF]/.test(row));
      for (const row of withArabic) expect(displayWidth(row)).toBe(80);
      expect(rows[0]!.startsWith('Gunmen killed')).toBe(true);
      expect(rows[0]!.endsWith(toVisual('قتل 130 شخصا في باريس ليل الجمعة.', 'mizan'))).toBe(true);
      expect(text).toContain('¶ ');
      expect(text).toMatch(/#3 +source-only/);
    }
  });

  it("leaves the Arabic in logical order with bidi 'terminal'", () => {
    const text = formatListing(ALIGNMENT, { color: false, width: 100, bidi: 'terminal' });
    expect(text).toContain(`${COLUMN_SEPARATOR}${' '.repeat(columnWidths(100)[1] - AR[0]!.length)}${AR[0]}\n`);
  });
});

describe('mizan align on a terminal', () => {
  const tty = (columns: number) => {
    const chunks: string[] = [];
    const out = Object.assign(
      new Writable({
        write(chunk, _encoding, done) {
          chunks.push(String(chunk));
          done();
        },
      }),
      { isTTY: true, columns },
    );
    return { out, text: () => chunks.join('') };
  };

  it('draws two columns at the width of the terminal, and rejects an unknown --bidi', async () => {
    const { out, text } = tty(120);
    await alignCommand(['seeds/dawn-reuters.en.txt', 'seeds/eremnews-reuters.ar.txt'], out);
    const rows = text().split('\n').filter((line) => line.includes('│'));
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) expect(displayWidth(row)).toBeLessThanOrEqual(120);
    await expect(alignCommand(['seeds/dawn-reuters.en.txt', 'seeds/eremnews-reuters.ar.txt', '--bidi', 'rtl'], out)).rejects.toThrow(
      /unknown --bidi "rtl"; choose mizan or terminal/,
    );
  });
});
