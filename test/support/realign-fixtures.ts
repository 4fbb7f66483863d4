/** A pair whose Arabic adds a sentence the English lacks, and alignments of it gone wrong, for the realign tests. */
import type { Alignment, Bead, Status } from '../../src/core/types.js';
import { segments } from './review-fixtures.js';

// The Arabic's second sentence (special forces will take part) has no English.
export const REALIGN_EN = ['Putin met Hollande in Moscow on Thursday.', 'The two leaders discussed the war in Syria.', 'France bombed Raqqa after the attacks.', 'Fabius said 130 people were killed.'];
export const REALIGN_AR = ['التقى بوتين أولوند في موسكو يوم الخميس.', 'وقال إن قوات خاصة ستشارك.', 'وناقش الزعيمان الحرب في سوريا.', 'وقصفت فرنسا الرقة بعد الهجمات.', 'وقال فابيوس إن 130 شخصا قتلوا.'];

export const bead = (source: number[], target: number[], status: Status = 'auto', flag?: Bead['flag']): Bead => ({
  source,
  target,
  flag: flag ?? (source.length && target.length ? 'aligned' : source.length ? 'source-only' : 'target-only'),
  score: 0.6,
  status,
});

export const realignText = (beads: Bead[]): Alignment => ({ source: { lang: 'en', segments: segments(REALIGN_EN) }, target: { lang: 'ar', segments: segments(REALIGN_AR) }, beads });

/** Shifted from the second Arabic sentence on: every pair after the insertion is wrong. */
export const shiftedBeads = () => [bead([0], [0]), bead([1], [1]), bead([2], [2]), bead([3], [3]), bead([], [4])];

/** Shifted, with the last pair (Fabius, 130) put right and confirmed by the reviewer. */
export const pinnedBeads = () => [bead([0], [0]), bead([1], [1]), bead([2], [2]), bead([], [3]), bead([3], [4], 'confirmed')];

/** The right beads: the Arabic extra on its own, every other sentence paired. */
export const RIGHT_PAIRS = [[[0], [0]], [[], [1]], [[1], [2]], [[2], [3]], [[3], [4]]];
