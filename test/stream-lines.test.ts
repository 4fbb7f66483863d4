/** The line reader of `mizan batch --stdin`: --max-input enforced inside a line, whatever the chunking. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedLineSplitter, type StreamLine } from '../src/cli/stream-lines.js';

function split(input: string, limit: number, cuts: number[]): StreamLine[] {
  const bytes = Buffer.from(input);
  const splitter = new BoundedLineSplitter(limit);
  const out: StreamLine[] = [];
  let start = 0;
  for (const cut of [...cuts.map((c) => c % (bytes.length + 1))].sort((a, b) => a - b)) {
    out.push(...splitter.push(bytes.subarray(start, Math.max(start, cut))));
    start = Math.max(start, cut);
  }
  out.push(...splitter.push(bytes.subarray(start)), ...splitter.end());
  return out;
}

describe('BoundedLineSplitter', () => {
  it('gives lines as split by newline when every string is within the limit, however the bytes are chunked', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.string(), source: fc.string({ unit: 'grapheme' }), target: fc.string({ unit: 'grapheme' }) }), { maxLength: 5 }), fc.array(fc.nat(), { maxLength: 8 }), (records, cuts) => {
        // Both ways of writing non-ASCII: raw UTF-8, and \u escapes as Python's json.dumps writes them.
        const lines = records.map((r, k) => (k % 2 === 0 ? JSON.stringify(r) : JSON.stringify(r).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)));
        const got = split(lines.join('\n'), 1 << 20, cuts);
        expect(got).toEqual(lines.length === 0 ? [] : lines.map((text) => ({ kind: 'line', text })));
      }),
    );
  });

  it('refuses a line as soon as one string passes the limit in decoded bytes, keeping its id', () => {
    const ok = JSON.stringify({ id: 'a', source: 'x'.repeat(10), target: 'ب'.repeat(5) }); // 10 bytes; 10 bytes of UTF-8
    const escaped = `{"id": 7, "source": "${'\\u0628'.repeat(6)}"}`; // 12 bytes decoded
    expect(split([ok, escaped, '{"source": "' + 'y'.repeat(50), 'tail'].join('\r\n'), 10, [3, 17, 40])).toEqual([
      { kind: 'line', text: ok },
      { kind: 'too-large', id: 7 },
      { kind: 'too-large', id: null },
      { kind: 'line', text: 'tail' },
    ]);
  });
});
