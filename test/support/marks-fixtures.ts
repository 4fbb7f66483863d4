/** A small English–Arabic alignment whose coverage has uncovered spans and a differing number, for the marks tests. */
import type { Alignment, Bead } from '../../src/core/types.js';
import { segments } from './review-fixtures.js';

export const MARKS_EN = [
  'Putin met Hollande in Moscow on Thursday.',
  'Fabius said 130 people were killed in Paris, he told a television channel on Friday.',
  'The two leaders discussed the war in Syria.',
  'France bombed Raqqa after the attacks, killing dozens of fighters overnight.',
];
export const MARKS_AR = [
  'التقى بوتين أولوند في موسكو يوم الخميس.',
  'وقال فابيوس إن 129 شخصا قتلوا في باريس.',
  'وقال إن قوات خاصة ستشارك.',
  'وناقش الزعيمان الحرب في سوريا.',
  'وقصفت فرنسا الرقة بعد الهجمات.',
];

const bead = (source: number[], target: number[]): Bead => ({
  source,
  target,
  flag: source.length && target.length ? 'aligned' : source.length ? 'source-only' : 'target-only',
  score: 0.9,
  status: 'auto',
});

export function marksAlignment(): Alignment {
  return {
    source: { lang: 'en', segments: segments(MARKS_EN) },
    target: { lang: 'ar', segments: segments(MARKS_AR) },
    beads: [bead([0], [0]), bead([1], [1]), bead([], [2]), bead([2], [3]), bead([3], [4])],
  };
}
