/**
 * The one terminal boundary: text mizan did not write itself (segments, file names, ids, error
 * reasons that quote them) becomes inert before it reaches a person's terminal. A terminal acts on
 * control characters (ESC starts a sequence that can recolour the screen, retitle the window or
 * move the cursor; BEL rings; a C1 byte such as U+009B is CSI on its own; CR rewrites the line) and
 * on explicit bidi embeddings and overrides (U+202A–U+202E reorder everything after them, the
 * "Trojan Source" trick), so those are shown as visible symbols instead: the Control Pictures
 * block for C0 and DEL (␛ ␇ ␍ ␡), a bracketed name for C1 and bidi (⟨CSI⟩, ⟨RLO⟩). Isolates
 * (U+2066–U+2069) are contained by design when balanced and are kept then, as are the marks Arabic
 * text legitimately carries (ZWJ, ZWNJ, LRM, RLM, ALM, tatweel): only unbalanced isolates are shown.
 * Tab and newline stay.
 *
 * Pure, and applied in logical order: before wrapping, shaping and bidi reordering (ui/text/rtl.ts),
 * so a symbol is measured (each is one cell a character) and ordered like any text. Files are data,
 * not a screen: they keep the text as it was read (JSON escapes the same characters, `jsonInert`).
 */

const C1_NAMES = [
  'PAD', 'HOP', 'BPH', 'NBH', 'IND', 'NEL', 'SSA', 'ESA', 'HTS', 'HTJ', 'VTS', 'PLD', 'PLU', 'RI', 'SS2', 'SS3',
  'DCS', 'PU1', 'PU2', 'STS', 'CCH', 'MW', 'SPA', 'EPA', 'SOS', 'SGCI', 'SCI', 'CSI', 'ST', 'OSC', 'PM', 'APC',
] as const;

const BIDI_NAMES: Record<number, string> = {
  0x202a: 'LRE', 0x202b: 'RLE', 0x202c: 'PDF', 0x202d: 'LRO', 0x202e: 'RLO',
  0x2066: 'LRI', 0x2067: 'RLI', 0x2068: 'FSI', 0x2069: 'PDI',
};

/** Everything that may be replaced; a quick test lets clean text (nearly all of it) through untouched. */
const SUSPECT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The symbol shown for the code point `c`, which SUSPECT matched. */
function symbol(c: number): string {
  if (c < 0x20) return String.fromCharCode(0x2400 + c);
  if (c === 0x7f) return '\u2421';
  if (c <= 0x9f) return `⟨${C1_NAMES[c - 0x80]!}⟩`;
  return `⟨${BIDI_NAMES[c]!}⟩`;
}

const isOpener = (c: number) => c >= 0x2066 && c <= 0x2068;

/** `text` with every control and reordering character that could act on a terminal shown as a symbol. */
export function inert(text: string): string {
  if (!SUSPECT.test(text)) return text;
  // Isolates are balanced within a paragraph (UAX #9 BD9): an opener with its PDI later on the same line.
  const keep = new Set<number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) open.length = 0;
    else if (isOpener(c)) open.push(i);
    else if (c === 0x2069 && open.length > 0) keep.add(open.pop()!).add(i);
  }
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ch = text[i]!;
    out += c === 0x09 || c === 0x0a || keep.has(i) || !SUSPECT.test(ch) ? ch : symbol(c);
  }
  return out;
}

const NAMES = [...C1_NAMES, ...Object.values(BIDI_NAMES)].join('|');
/** The symbols `inert` writes (a literal ␛ already in the text looks the same, and is dimmed alike). */
const SYMBOL = new RegExp(`[\\u2400-\\u2408\\u240b-\\u241f\\u2421]|⟨(?:${NAMES})⟩`, 'g');

/** Pieces of an inert line, the symbols apart, for a view that styles them (Ink). */
export function inertPieces(line: string): Array<{ text: string; symbol: boolean }> {
  const pieces: Array<{ text: string; symbol: boolean }> = [];
  let last = 0;
  for (const m of line.matchAll(SYMBOL)) {
    if (m.index > last) pieces.push({ text: line.slice(last, m.index), symbol: false });
    pieces.push({ text: m[0], symbol: true });
    last = m.index + m[0].length;
  }
  if (last < line.length || pieces.length === 0) pieces.push({ text: line.slice(last), symbol: false });
  return pieces;
}

/** An inert line (already visual) with its symbols dimmed (SGR 2), for colour terminals. */
export function dimSymbols(line: string): string {
  return line.replace(SYMBOL, (s) => `\u001b[2m${s}\u001b[22m`);
}

/** `inert`, dimmed when `color`: for one line mizan writes to a terminal that needs no reordering. */
export function terminalText(text: string, color: boolean): string {
  const safe = inert(text);
  return color ? dimSymbols(safe) : safe;
}

/**
 * JSON text with the characters `inert` would show written as \u escapes instead. JSON.stringify
 * escapes C0 already; DEL, C1 and the bidi controls it leaves raw, and `cat file.json` would let
 * them act. The escapes parse back to the very same string, so the data is unchanged. Only valid on
 * JSON.stringify output, where these characters can occur only inside strings.
 */
export function jsonInert(json: string): string {
  return json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
