import { describe, expect, it } from 'vitest';
import { applyLinks, guardSecondPass, learnLinks } from '../src/core/score/self-train.js';
import type { RawToken } from '../src/core/score/tokens.js';

// English ids: 1 minister, 2 zorbia (unknown to the tables), 3 said, 4 city, 5 river.
const en = (...ids: number[]): RawToken[] => ids.map((id) => ({ key: `e${id}`, ids: [id] }));
const ar = (...words: Array<[string, number[]]>): RawToken[] => words.map(([key, ids]) => ({ key, ids, ...(ids.length === 0 ? { silent: true } : {}) }));

describe('self-training: links learned from the confident beads', () => {
  const english = [en(1, 2), en(2, 3), en(4), en(2, 5)];
  const arabic = [ar(['وزير', [1]], ['زوربيا', []]), ar(['زوربيا', []], ['قال', [3]]), ar(['مدينه', []]), ar(['زوربيا', []], ['نهر', []])];
  const beads = [0, 1, 2, 3].map((k) => ({ english: [k], arabic: [k] }));

  it('links a word pair that is left unexplained together in two or more beads', () => {
    const links = learnLinks(beads, english, arabic);
    expect(links.get('زوربيا')).toEqual([2]);
  });
  it('learns nothing from a single co-occurrence, nor for words already explained', () => {
    const links = learnLinks(beads, english, arabic);
    expect(links.has('مدينه')).toBe(false);
    expect(links.has('نهر')).toBe(false);
    expect(links.has('وزير')).toBe(false);
  });
  it('adds the learned ids to the tokens and lifts their silence', () => {
    const links = learnLinks(beads, english, arabic);
    const taught = applyLinks(english, arabic, links);
    expect(taught.ar[3]![0]!.ids).toEqual([2]);
    expect(taught.ar[3]![0]!.silent).toBeUndefined();
    expect(taught.ar[3]![1]).toBe(arabic[3]![1]);
  });
});

describe('guardSecondPass: the second pass changes the first only where a learned link says so', () => {
  const b = (english: number[], arabic: number[]) => ({ english, arabic, score: 0.5 });
  const english = [en(1), en(2), en(3), en(4)];
  const arabic = [ar(['a', [1]]), ar(['b', []]), ar(['c', [3]]), ar(['d', []])];
  const first = [b([0], [0]), b([1], []), b([], [1]), b([2], [2]), b([3], []), b([], [3])];
  const second = [b([0], [0]), b([1], [1]), b([2], [2]), b([3], [3])];

  it('keeps a changed stretch that a link explains, and the first pass where none does', () => {
    const links = new Map([['b', [2]]]);
    const guarded = guardSecondPass(first, second, links, english, arabic);
    expect(guarded.map((x) => [x.english, x.arabic])).toEqual([[[0], [0]], [[1], [1]], [[2], [2]], [[3], []], [[], [3]]]);
  });
  it('every sentence stays in exactly one bead, in order, whatever it keeps', () => {
    for (const links of [new Map<string, number[]>(), new Map([['d', [4]]]), new Map([['b', [2]], ['d', [4]]])]) {
      const guarded = guardSecondPass(first, second, links, english, arabic);
      expect(guarded.flatMap((x) => x.english)).toEqual([0, 1, 2, 3]);
      expect(guarded.flatMap((x) => x.arabic)).toEqual([0, 1, 2, 3]);
    }
  });
});
