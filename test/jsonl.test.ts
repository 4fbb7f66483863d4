import { describe, expect, it } from 'vitest';
import type { Alignment } from '../src/core/types.js';
import { beadRecords, formatJsonl, parseJsonlBeads } from '../src/formats/jsonl.js';

const seg = (index: number, text: string, paragraph: number) => ({
  index,
  text,
  paragraph,
  start: 0,
  end: text.length,
});

const alignment: Alignment = {
  source: {
    lang: 'ar',
    segments: [seg(0, 'قال الرئيس.', 0), seg(1, 'وأضاف أن القوات الخاصة.', 0), seg(2, 'جملة ثالثة.', 1)],
  },
  target: { lang: 'en', segments: [seg(0, 'The president said.', 0), seg(1, 'Third sentence.', 1)] },
  beads: [
    { source: [0], target: [0], flag: 'aligned', score: 0.876543, status: 'auto' },
    { source: [1], target: [], flag: 'source-only', score: 0, status: 'confirmed' },
    { source: [2], target: [1], flag: 'aligned', score: 0.5, status: 'edited' },
  ],
};

describe('jsonl format', () => {
  it('gives one record a bead, in document order, with texts, indices and paragraphs', () => {
    const records = beadRecords(alignment);
    expect(records).toHaveLength(3);
    expect(records[0]).toEqual({
      source: ['قال الرئيس.'],
      target: ['The president said.'],
      flag: 'aligned',
      score: 0.8765,
      status: 'auto',
      sourceIndex: [0],
      targetIndex: [0],
      sourceParagraph: [0],
      targetParagraph: [0],
    });
    expect(records[1]).toMatchObject({ target: [], flag: 'source-only', targetIndex: [], targetParagraph: [] });
    expect(records[2]).toMatchObject({ sourceParagraph: [1], targetParagraph: [1], status: 'edited' });
  });

  it('writes one JSON object a line and reads it back to index beads', () => {
    const text = formatJsonl(alignment);
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(JSON.parse(lines[1] ?? '')).toMatchObject({ source: ['وأضاف أن القوات الخاصة.'] });
    expect(parseJsonlBeads(text)).toEqual([
      { source: [0], target: [0], score: 0.8765 },
      { source: [1], target: [], score: 0 },
      { source: [2], target: [1], score: 0.5 },
    ]);
  });

  it('throws for a bead pointing past the text', () => {
    const bad: Alignment = { ...alignment, beads: [{ source: [9], target: [], flag: 'source-only', score: 0, status: 'auto' }] };
    expect(() => beadRecords(bad)).toThrow(/source segment 9/);
  });

  it('names the line of a bad record', () => {
    const good = '{"sourceIndex": [0], "targetIndex": [0]}';
    expect(() => parseJsonlBeads(`${good}\n\n{"source": ["a"], "target": ["b"]}\n`)).toThrow(
      /^line 3: .*sourceIndex/,
    );
    expect(() => parseJsonlBeads(`${good}\n{oops\n`)).toThrow(/^line 2: not valid JSON/);
    expect(() => parseJsonlBeads('[1, 2]\n')).toThrow(/^line 1: expected a JSON object/);
    expect(() => parseJsonlBeads('{"sourceIndex": [-1], "targetIndex": []}')).toThrow(/^line 1:/);
  });
});
