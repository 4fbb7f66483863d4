import { describe, expect, it } from 'vitest';
import { isArabicFunctionWord } from '../src/core/coverage/function-words.js';
import { beadSide, linkBead, longestMonotoneChain, unlinkedRuns } from '../src/core/coverage/word-links.js';
import { parseLexicon } from '../src/core/lexicon.js';
import type { Word } from '../src/core/score/word-evidence.js';

/** A sentence of content words whose ids are given: `[text, ids]`; a null id list is a function word. */
function sentence(words: Array<[string, number[] | null]>): Word[] {
  let at = 0;
  return words.map(([text, ids]) => {
    const word: Word = { start: at, end: at + text.length, text, key: ids === null ? null : text, ids: ids ?? [], name: false };
    at += text.length + 1;
    return word;
  });
}

describe('longestMonotoneChain', () => {
  it('keeps the longest chain increasing on both sides and drops the crossing link', () => {
    // 0-0, 1-1, 2-2 in order; 3-0 crosses back to the start (a repeated word).
    expect(longestMonotoneChain([[0, 0], [1, 1], [2, 2], [3, 0]])).toEqual([[0, 0], [1, 1], [2, 2]]);
  });

  it('never uses one word twice when it has several candidates', () => {
    // English 0 links to Arabic 0 and 1; English 1 to Arabic 2.
    const chain = longestMonotoneChain([[0, 0], [0, 1], [1, 2]]);
    expect(chain).toHaveLength(2);
    expect(new Set(chain.map((l) => l[0])).size).toBe(2);
  });

  it('is empty without links', () => {
    expect(longestMonotoneChain([])).toEqual([]);
  });
});

describe('linkBead and unlinkedRuns', () => {
  // "A met B on Monday, told a television channel, in Paris" against a version without the clause.
  const en = beadSide([sentence([['met', [1]], ['Monday', [2]], ['told', [9]], ['television', [7]], ['channel', [8]], ['Paris', [3]]])]);
  const ar = beadSide([sentence([['التقى', [1]], ['الاثنين', [2]], ['في', null], ['باريس', [3]]])]);

  it('links words that share an id and leaves the clause unlinked', () => {
    const links = linkBead(en, ar);
    expect(links.linkedEn).toEqual([true, true, false, false, false, true]);
    expect(links.linkedAr).toEqual([true, true, true]); // the function word is not a content word
    expect(links.anchors).toEqual([[0, 0], [1, 1], [5, 2]]);
  });

  it('makes one run of consecutive unlinked words, and sees that it faces nothing', () => {
    const links = linkBead(en, ar);
    const runs = unlinkedRuns(links.linkedEn, links.linkedAr, links.anchors);
    expect(runs).toEqual([{ from: 2, to: 4, unlinked: 3, opposite: 0, oppositeUnlinked: 0 }]);
  });

  it('sees a rephrasing: the run faces unlinked words of the other side between the same anchors', () => {
    const rephrased = beadSide([sentence([['التقى', [1]], ['الاثنين', [2]], ['مقابلة', [40]], ['تلفزيونية', [41]], ['باريس', [3]]])]);
    const links = linkBead(en, rephrased);
    const [run] = unlinkedRuns(links.linkedEn, links.linkedAr, links.anchors);
    expect(run).toMatchObject({ from: 2, to: 4, opposite: 2, oppositeUnlinked: 2 });
    const back = unlinkedRuns(links.linkedAr, links.linkedEn, links.anchors.map(([i, j]) => [j, i] as [number, number]));
    expect(back).toEqual([{ from: 2, to: 3, unlinked: 2, opposite: 3, oppositeUnlinked: 3 }]);
  });

  it('cuts a run at a linked word, and counts a run at the edge against the sentence edge', () => {
    const edge = beadSide([sentence([['x', []], ['y', []], ['met', [1]], ['z', []]])]);
    const other = beadSide([sentence([['التقى', [1]], ['ع', []]])]);
    const links = linkBead(edge, other);
    expect(unlinkedRuns(links.linkedEn, links.linkedAr, links.anchors)).toEqual([
      { from: 0, to: 1, unlinked: 2, opposite: 0, oppositeUnlinked: 0 },
      { from: 3, to: 3, unlinked: 1, opposite: 1, oppositeUnlinked: 1 },
    ]);
  });

  it('spans the sentences of a bead side in order, with where each word is', () => {
    const side = beadSide([sentence([['a', [1]], ['of', null]]), sentence([['b', [2]]])]);
    expect(side.words.map((w) => w.text)).toEqual(['a', 'b']);
    expect(side.sentence).toEqual([0, 1]);
    expect(side.index).toEqual([0, 0]);
  });
});

describe('isArabicFunctionWord', () => {
  const lexicon = parseLexicon('هناك\tthere yonder\nجميع\teveryon all\nحكومه\tgovern administr');
  const word = (text: string): Word => ({ start: 0, end: text.length, text, key: text, ids: [1], name: false });

  it('takes a word one of whose leading translations is an English function word', () => {
    expect(isArabicFunctionWord(word('هناك'), lexicon)).toBe(true);
    expect(isArabicFunctionWord(word('جميع'), lexicon)).toBe(true);
  });

  it('keeps content words, numbers and words the lexicon does not know', () => {
    expect(isArabicFunctionWord(word('حكومة'), lexicon)).toBe(false);
    expect(isArabicFunctionWord({ ...word('130'), key: '#130' }, lexicon)).toBe(false);
    expect(isArabicFunctionWord(word('فابيوس'), lexicon)).toBe(false);
  });
});
