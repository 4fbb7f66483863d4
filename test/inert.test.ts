/** The terminal boundary (core/text/inert.ts): what may act on a terminal is shown, what Arabic needs is kept. */
import { describe, expect, it } from 'vitest';
import { dimSymbols, inert, inertPieces, jsonInert } from '../src/core/text/inert.js';
import { escapeXml } from '../src/formats/tmx.js';
import { arabicColumn, displayWidth, toVisual } from '../src/ui/text/rtl.js';

describe('inert', () => {
  it('shows C0, DEL, C1 and bidi overrides as symbols, keeps tab and newline', () => {
    expect(inert('a\u001b]0;PWNED\u0007b')).toBe('a␛]0;PWNED␇b');
    expect(inert('x\u001b[31mred\u001b[0m\r\u007f\u0000')).toBe('x␛[31mred␛[0m␍␡␀');
    expect(inert('\u009b31m \u0085 \u009d')).toBe('⟨CSI⟩31m ⟨NEL⟩ ⟨OSC⟩');
    expect(inert('\u202aa\u202bb\u202cc\u202dd\u202ee')).toBe('⟨LRE⟩a⟨RLE⟩b⟨PDF⟩c⟨LRO⟩d⟨RLO⟩e');
    expect(inert('a\tb\nc')).toBe('a\tb\nc');
  });

  it('keeps the marks Arabic carries and balanced isolates; shows unbalanced isolates', () => {
    const marks = 'لا\u200dإله \u200c \u200e \u200f \u061c ـــ';
    expect(inert(marks)).toBe(marks);
    expect(inert('a \u2067عربي\u2069 b')).toBe('a \u2067عربي\u2069 b');
    expect(inert('a \u2067عربي b')).toBe('a ⟨RLI⟩عربي b');
    expect(inert('a \u2069 b \u2066c\u2069')).toBe('a ⟨PDI⟩ b \u2066c\u2069');
    // An isolate does not reach past the end of its paragraph (line).
    expect(inert('\u2068a\n\u2069')).toBe('⟨FSI⟩a\n⟨PDI⟩');
  });

  it('counts a symbol by the cells it takes, and keeps it whole through shaping and reordering', () => {
    expect(displayWidth(inert('\u001b[31m'))).toBe(5);
    expect(displayWidth(inert('\u202e'))).toBe(5);
    const shown = arabicColumn(inert('وناقش الزعيمان \u202eالحرب في سوريا.'), 40, 'mizan');
    expect(shown.join('')).toContain('⟨RLO⟩');
    expect(shown.every((line) => displayWidth(line) === 40)).toBe(true);
    // Neutral symbols in a right-to-left line are ordered as the bidi algorithm orders them; shown, never sent.
    const visual = toVisual(inert('في \u001b[41mموسكو'), 'mizan');
    expect(visual).toContain('␛');
    expect(visual).not.toContain('\u001b');
  });

  it('splits symbols out for styling, and dims them with SGR 2', () => {
    expect(inertPieces('a␛[1m ⟨RLO⟩b')).toEqual([
      { text: 'a', symbol: false },
      { text: '␛', symbol: true },
      { text: '[1m ', symbol: false },
      { text: '⟨RLO⟩', symbol: true },
      { text: 'b', symbol: false },
    ]);
    expect(dimSymbols('a␛b')).toBe('a\u001b[2m␛\u001b[22mb');
  });

  it('escapes in JSON and XML without changing the text', () => {
    const text = 'x\u001b[31m\u007f\u009b\u202e\u2066y\u2069';
    const json = jsonInert(JSON.stringify({ text }));
    expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect((JSON.parse(json) as { text: string }).text).toBe(text);
    expect(escapeXml('a\u202eb\u009bc')).toBe('a&#x202E;b&#x9B;c');
  });
});
