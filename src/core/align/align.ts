/**
 * From two segmented texts to an Alignment: boilerplate is flagged first and kept out of the
 * search, the strategy aligns the rest with English and Arabic in its fixed roles whatever the
 * order the user gave them in, and the boilerplate beads are put back in document order.
 * Every segment of both sides lands in exactly one bead.
 */
import { detectBoilerplate } from '../boilerplate.js';
import type { Evidence } from '../evidence.js';
import type { Alignment, Bead, Segment, SegmentedText } from '../types.js';
import type { Strategy } from './strategy.js';

export interface AlignOptions {
  strategy: Strategy;
  evidence: Evidence;
  /** Flag site chrome as boilerplate (off for presplit input, which the user has prepared). */
  boilerplate: boolean;
}

interface Side {
  segments: readonly Segment[];
  boilerplate: boolean[];
  /** Segment indices given to the strategy. */
  content: number[];
}

function prepare(text: SegmentedText, detect: boolean): Side {
  const boilerplate = detect ? detectBoilerplate(text.segments, text.lang) : text.segments.map(() => false);
  return { segments: text.segments, boilerplate, content: text.segments.filter((s) => !boilerplate[s.index]).map((s) => s.index) };
}

/** Paragraph openings of the content sentences, or null when every segment is its own paragraph (presplit). */
function paragraphStarts(side: Side): boolean[] | null {
  const paragraphs = new Set(side.segments.map((s) => s.paragraph));
  if (paragraphs.size === side.segments.length) return null;
  return side.content.map((index, k) => k === 0 || side.segments[side.content[k - 1]!]!.paragraph !== side.segments[index]!.paragraph);
}

/** Content sentences that boilerplate separates in the text; null when none are. */
function breaksAfter(side: Side): boolean[] | null {
  const breaks = side.content.map((index, k) => k + 1 < side.content.length && side.content[k + 1] !== index + 1);
  return breaks.some(Boolean) ? breaks : null;
}

export function alignTexts(source: SegmentedText, target: SegmentedText, options: AlignOptions): Alignment {
  if (source.lang === target.lang) throw new Error(`both texts are ${source.lang === 'ar' ? 'Arabic' : 'English'}`);
  const src = prepare(source, options.boilerplate);
  const tgt = prepare(target, options.boilerplate);
  const [en, ar] = source.lang === 'en' ? [src, tgt] : [tgt, src];
  const found = options.strategy.align(
    {
      english: en.content.map((i) => en.segments[i]!.text),
      arabic: ar.content.map((i) => ar.segments[i]!.text),
      englishParagraphStart: paragraphStarts(en),
      arabicParagraphStart: paragraphStarts(ar),
      englishBreakAfter: breaksAfter(en),
      arabicBreakAfter: breaksAfter(ar),
    },
    options.evidence,
  );

  const beads: Bead[] = [];
  let nextSource = 0;
  let nextTarget = 0;
  const flushBoilerplate = (sourceUpTo: number, targetUpTo: number) => {
    for (; nextSource < sourceUpTo; nextSource++) {
      if (src.boilerplate[nextSource]) beads.push({ source: [nextSource], target: [], flag: 'boilerplate', score: 1, status: 'auto' });
    }
    for (; nextTarget < targetUpTo; nextTarget++) {
      if (tgt.boilerplate[nextTarget]) beads.push({ source: [], target: [nextTarget], flag: 'boilerplate', score: 1, status: 'auto' });
    }
  };
  for (const bead of found) {
    const enIndices = bead.english.map((k) => en.content[k]!);
    const arIndices = bead.arabic.map((k) => ar.content[k]!);
    const [sourceIdx, targetIdx] = source.lang === 'en' ? [enIndices, arIndices] : [arIndices, enIndices];
    flushBoilerplate(sourceIdx[0] ?? nextSource, targetIdx[0] ?? nextTarget);
    if (sourceIdx.length > 0) nextSource = sourceIdx[sourceIdx.length - 1]! + 1;
    if (targetIdx.length > 0) nextTarget = targetIdx[targetIdx.length - 1]! + 1;
    const flag = sourceIdx.length === 0 ? 'target-only' : targetIdx.length === 0 ? 'source-only' : 'aligned';
    beads.push({ source: sourceIdx, target: targetIdx, flag, score: bead.score, status: 'auto' });
  }
  flushBoilerplate(source.segments.length, target.segments.length);
  return { source, target, beads };
}
