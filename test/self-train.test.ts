import { describe, expect, it } from 'vitest';
import { applyLinks, learnLinks } from '../src/core/score/self-train.js';
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
