import { describe, expect, it } from 'vitest';
import { formatLadder, formatScore, parseLadder } from '../src/formats/ladder.js';

describe('ladder format (vecalign dp_utils.py)', () => {
  it('parses beads, one-sided beads and optional scores', () => {
    const text = '[0]:[0]:0.81\n[1, 2]:[1]\n[]:[2]\n[3]:[]:0.000000\n';
    expect(parseLadder(text)).toEqual([
      { source: [0], target: [0], score: 0.81 },
      { source: [1, 2], target: [1] },
      { source: [], target: [2] },
      { source: [3], target: [], score: 0 },
    ]);
  });

  it('reads what vecalign writes (%.6f scores, CRLF, blank lines, loose spacing)', () => {
    const text = '[0, 1]:[0]:0.123456\r\n\r\n  [2] : [1,2] \r\n[3]:[3]:\n';
    expect(parseLadder(text)).toEqual([
      { source: [0, 1], target: [0], score: 0.123456 },
      { source: [2], target: [1, 2] },
      { source: [3], target: [3] },
    ]);
  });

  it('writes lists as Python prints them and scores with 2 to 4 decimals', () => {
    const out = formatLadder([
      { source: [3, 4], target: [5], score: 0.42 },
      { source: [], target: [6] },
      { source: [2], target: [], score: 0.8 },
      { source: [7], target: [7], score: 0.123456 },
      { source: [8], target: [8], score: 1 },
    ]);
    expect(out).toBe('[3, 4]:[5]:0.42\n[]:[6]\n[2]:[]:0.80\n[7]:[7]:0.1235\n[8]:[8]:1.00\n');
  });

  it('round-trips', () => {
    const beads = [
      { source: [0], target: [0, 1], score: 0.5 },
      { source: [], target: [2] },
      { source: [1, 2, 3], target: [3], score: 0.9876 },
      { source: [4], target: [] },
    ];
    expect(parseLadder(formatLadder(beads))).toEqual(beads);
    expect(formatLadder(parseLadder(formatLadder(beads)))).toBe(formatLadder(beads));
  });

  it('gives an empty list for empty text and empty text for no beads', () => {
    expect(parseLadder('')).toEqual([]);
    expect(parseLadder('\n  \n')).toEqual([]);
    expect(formatLadder([])).toBe('');
  });

  it.each([
    ['[0]:[0]\n[1]\n', 2, '[1]'],
    ['[0]:[0]\n\n[1]:[x]\n', 3, '[1]:[x]'],
    ['[0]:[0]:high\n', 1, 'high'],
    ['[-1]:[0]\n', 1, '[-1]:[0]'],
    ['[1.5]:[0]\n', 1, '[1.5]'],
    ['[0]:[0]:0.5:extra\n', 1, 'extra'],
    ['{"source": [0]}\n', 1, '{"source"'],
  ])('rejects a malformed line, naming its number and content: %j', (text, line, content) => {
    expect(() => parseLadder(text)).toThrow(new RegExp(`^line ${line}: .*${content.replace(/[[\]{}.]/g, '\\$&')}`));
  });

  it('formats scores', () => {
    expect(formatScore(0.87)).toBe('0.87');
    expect(formatScore(0)).toBe('0.00');
    expect(formatScore(0.99999)).toBe('1.00');
    expect(formatScore(0.1004)).toBe('0.1004');
  });
});
