/**
 * A batch as a review queue (issue 12, part 4): the figures of each alignment of a folder that say
 * how much it needs a look, the order the queue shows them in, and the progress over the whole
 * corpus. Pure: the CLI reads the files and works out coverage, this module only weighs them.
 *
 * Order: files with beads still to review come before finished ones; then more unreviewed one-sided
 * beads, more unreviewed low-confidence beads, more uncovered content words, a larger unconfirmed
 * share; then by name, so the order is stable. Counts rather than shares for the first three
 * because each is a thing to look at: a long document with ten one-sided beads needs more of the
 * reviewer's time than a short one with two, whatever their shares. A file whose coverage is still
 * being worked out sorts as if nothing were uncovered, and moves up when its figure arrives.
 */
import { beadCoverage, coverageContext } from './coverage.js';
import type { Evidence } from './evidence.js';
import { isFlagged, isLowConfidence } from './review-stats.js';
import type { Alignment, Bead } from './types.js';

export interface FileFigures {
  beads: number;
  /** Beads a person has looked at: confirmed or edited. */
  reviewed: number;
  /** One-sided beads nobody has confirmed yet. */
  oneSided: number;
  /** Low-confidence aligned beads nobody has confirmed yet. */
  lowConfidence: number;
}

/** Content words of aligned beads without a counterpart, both sides together (core/coverage.ts). */
export type Uncovered =
  | { state: 'pending' }
  | { state: 'done'; words: number; total: number }
  /** `unreadable`: the whole file failed its full check, which the list's first quick read leaves to this pass. */
  | { state: 'failed'; reason: string; unreadable?: boolean };

export interface QueueEntry {
  /** The file's name in the folder: unique, and what the list shows. */
  name: string;
  /** Null when the file could not be read as an alignment; `unreadable` then says why. */
  figures: FileFigures | null;
  unreadable?: string;
  uncovered: Uncovered;
}

export function fileFigures(beads: readonly Bead[]): FileFigures {
  const figures: FileFigures = { beads: beads.length, reviewed: 0, oneSided: 0, lowConfidence: 0 };
  for (const bead of beads) {
    if (bead.status !== 'auto') {
      figures.reviewed++;
      continue;
    }
    if (isFlagged(bead)) figures.oneSided++;
    else if (isLowConfidence(bead)) figures.lowConfidence++;
  }
  return figures;
}

/**
 * Content words of the aligned beads, both sides, and how many of them found no counterpart in
 * their bead: the word coverage `mizan coverage` reports, without its spans and listings. The
 * costly part of a file's figures (the document's words with their evidence), so the queue works
 * it out file by file after the list is drawn.
 */
export function uncoveredWords(alignment: Alignment, evidence: Evidence): { words: number; total: number } {
  const context = coverageContext(alignment, evidence);
  let words = 0;
  let total = 0;
  alignment.beads.forEach((_, b) => {
    const found = beadCoverage(context, b);
    if (!found) return;
    for (const side of ['source', 'target'] as const) {
      total += found.content[side].total;
      words += found.content[side].total - found.content[side].matched;
    }
  });
  return { words, total };
}

/** An empty alignment has nothing to review, so it is done. */
export const isDone = (figures: FileFigures): boolean => figures.reviewed >= figures.beads;

export const unconfirmedShare = (figures: FileFigures): number => (figures.beads === 0 ? 0 : (figures.beads - figures.reviewed) / figures.beads);

const uncoveredOf = (entry: QueueEntry): number => (entry.uncovered.state === 'done' ? entry.uncovered.words : 0);

/** Negative when `a` needs a look before `b`. Unreadable files come last: nothing can be done with them here. */
export function compareEntries(a: QueueEntry, b: QueueEntry): number {
  const fa = a.figures;
  const fb = b.figures;
  if (!fa || !fb) return fa === fb ? byName(a, b) : fa ? -1 : 1;
  return (
    Number(isDone(fa)) - Number(isDone(fb)) ||
    fb.oneSided - fa.oneSided ||
    fb.lowConfidence - fa.lowConfidence ||
    uncoveredOf(b) - uncoveredOf(a) ||
    unconfirmedShare(fb) - unconfirmedShare(fa) ||
    byName(a, b)
  );
}

const byName = (a: QueueEntry, b: QueueEntry): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The entries in the order the queue shows them (a new array). */
export const queueOrder = (entries: readonly QueueEntry[]): QueueEntry[] => [...entries].sort(compareEntries);

export interface CorpusProgress {
  files: number;
  /** Readable files with every bead reviewed. */
  filesDone: number;
  unreadable: number;
  beads: number;
  reviewed: number;
  /** Files whose uncovered words are still being worked out. */
  coveragePending: number;
}

export function corpusProgress(entries: readonly QueueEntry[]): CorpusProgress {
  const progress: CorpusProgress = { files: entries.length, filesDone: 0, unreadable: 0, beads: 0, reviewed: 0, coveragePending: 0 };
  for (const entry of entries) {
    const figures = entry.figures;
    if (!figures) {
      progress.unreadable++;
      continue;
    }
    progress.beads += figures.beads;
    progress.reviewed += figures.reviewed;
    if (isDone(figures)) progress.filesDone++;
    if (entry.uncovered.state === 'pending') progress.coveragePending++;
  }
  return progress;
}

/** The readable file after `name` in queue order (wrapping to the first), or null when there is no other. */
export function nextInQueue(order: readonly QueueEntry[], name: string): string | null {
  const readable = order.filter((entry) => entry.figures !== null);
  const here = readable.findIndex((entry) => entry.name === name);
  const next = readable[(here + 1) % readable.length];
  return next && next.name !== name ? next.name : null;
}
