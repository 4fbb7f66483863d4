import { describe, expect, it } from 'vitest';
import { alignParagraphs } from '../src/core/paragraphs.js';
import type { Alignment, Bead, Flag, Segment } from '../src/core/types.js';

/** Segments whose paragraph numbers are given; the text does not matter here. */
const side = (paragraphs: number[]): Segment[] =>
  paragraphs.map((paragraph, index) => ({ index, text: `s${index}`, paragraph, start: 0, end: 0 }));

const bead = (source: number[], target: number[], flag: Flag): Bead => ({ source, target, flag, score: 1, status: 'auto' });

describe('alignParagraphs', () => {
  it('joins one source paragraph with the two target paragraphs its sentences link to', () => {
    // Source paragraphs: s0,s1 in ¶0; s2 in ¶1. Target: t0 in ¶0, t1 in ¶1, t2 in ¶2.
    const alignment: Alignment = {
      source: { lang: 'en', segments: side([0, 0, 1]) },
      target: { lang: 'ar', segments: side([0, 1, 2]) },
      beads: [bead([0], [0], 'aligned'), bead([1], [1], 'aligned'), bead([2], [2], 'aligned')],
    };
    expect(alignParagraphs(alignment)).toEqual([
      { source: [0], target: [0, 1], flag: 'aligned' },
      { source: [1], target: [2], flag: 'aligned' },
    ]);
  });

  it('keeps unlinked and boilerplate paragraphs as their own one-sided beads, in order', () => {
    const alignment: Alignment = {
      source: { lang: 'en', segments: side([0, 1, 2]) },
      target: { lang: 'ar', segments: side([0, 1]) },
      beads: [
        bead([0], [], 'boilerplate'),
        bead([1], [0], 'aligned'),
        bead([], [1], 'target-only'),
        bead([2], [], 'source-only'),
      ],
    };
    expect(alignParagraphs(alignment)).toEqual([
      { source: [0], target: [], flag: 'boilerplate' },
      { source: [1], target: [0], flag: 'aligned' },
      { source: [], target: [1], flag: 'target-only' },
      { source: [2], target: [], flag: 'source-only' },
    ]);
  });

  it('merges every group a late bead reaches back across', () => {
    // t1 and t2 first look target-only, then s1 links ¶0 (with t0) to ¶2 (t2): t1 lies between.
    const alignment: Alignment = {
      source: { lang: 'en', segments: side([0, 0]) },
      target: { lang: 'ar', segments: side([0, 1, 2]) },
      beads: [bead([0], [0], 'aligned'), bead([], [1], 'target-only'), bead([1], [2], 'aligned')],
    };
    expect(alignParagraphs(alignment)).toEqual([{ source: [0], target: [0, 1, 2], flag: 'aligned' }]);
  });
});
