/** Checks shared by the segmentation-edit tests: spans exact, nothing lost or doubled, beads in order. */
import { expect } from 'vitest';
import { collapseSpaces } from '../../src/core/segment-edit.js';
import type { Alignment, Segment } from '../../src/core/types.js';
import { checkCoverage } from '../../src/formats/alignment-file.js';

/**
 * Each segment's text is its span of `original` with whitespace collapsed, spans are in order and do
 * not overlap, and what lies outside every span is whitespace: every non-space character of the
 * input is in exactly one segment.
 */
export function expectExactSpans(segments: readonly Segment[], original: string): void {
  let previousEnd = 0;
  segments.forEach((seg, k) => {
    expect(seg.index).toBe(k);
    expect(seg.start).toBeGreaterThanOrEqual(previousEnd);
    expect(seg.text).toBe(collapseSpaces(original.slice(seg.start, seg.end)));
    expect(original.slice(previousEnd, seg.start).trim()).toBe('');
    previousEnd = seg.end;
  });
  expect(original.slice(previousEnd).trim()).toBe('');
}

/** Both sides exact against their inputs, and every segment in exactly one bead, in order, no empty bead. */
export function expectSound(alignment: Alignment, source: string, target: string): void {
  expectExactSpans(alignment.source.segments, source);
  expectExactSpans(alignment.target.segments, target);
  expect(checkCoverage(alignment.beads, alignment.source.segments.length, alignment.target.segments.length)).toBeNull();
  for (const bead of alignment.beads) expect(bead.source.length + bead.target.length).toBeGreaterThan(0);
}
