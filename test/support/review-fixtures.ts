/** Small hand-made alignments for the review tests: English source, Arabic target, known beads. */
import type { Alignment, Bead, Segment, SegmentedText } from '../../src/core/types.js';

export function segments(texts: string[], paragraphs?: number[]): Segment[] {
  let offset = 0;
  return texts.map((text, index) => {
    const start = offset;
    offset += text.length + 1;
    return { index, text, paragraph: paragraphs?.[index] ?? index, start, end: start + text.length };
  });
}

export const EN = [
  'Putin met Hollande in Moscow on Thursday.',
  'The two leaders discussed the war in Syria.',
  'France bombed Raqqa after the attacks.',
  'Fabius said 130 people were killed.',
];
export const AR = [
  'التقى بوتين أولوند في موسكو يوم الخميس.',
  'وناقش الزعيمان الحرب في سوريا.',
  'وقال إن قوات خاصة ستشارك.',
  'وقصفت فرنسا الرقة بعد الهجمات.',
  'وقال فابيوس إن 130 شخصا قتلوا.',
];

const bead = (source: number[], target: number[], score = 0.9): Bead => ({
  source,
  target,
  flag: source.length && target.length ? 'aligned' : source.length ? 'source-only' : 'target-only',
  score,
  status: 'auto',
});

/** Four aligned beads and one Arabic-only sentence; the third pair has low confidence. */
export function sampleAlignment(): Alignment {
  const source: SegmentedText = { lang: 'en', segments: segments(EN, [0, 0, 1, 2]) };
  const target: SegmentedText = { lang: 'ar', segments: segments(AR, [0, 1, 1, 2, 3]) };
  return {
    source,
    target,
    beads: [bead([0], [0]), bead([1], [1]), bead([], [2], 0.7), bead([2], [3], 0.4), bead([3], [4])],
  };
}

/** Every segment of each side exactly once, in order. */
export function coversInOrder(alignment: Alignment): boolean {
  const all = (n: number) => Array.from({ length: n }, (_, k) => k).join(',');
  return (
    alignment.beads.flatMap((b) => b.source).join(',') === all(alignment.source.segments.length) &&
    alignment.beads.flatMap((b) => b.target).join(',') === all(alignment.target.segments.length) &&
    alignment.beads.every((b) => b.source.length + b.target.length > 0)
  );
}
