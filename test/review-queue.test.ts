/** The queue of `mizan review DIR`, without Ink: the figures of a file, the order, the corpus progress, and the reducer. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../src/cli/lexicon-file.js';
import { coverageReport } from '../src/core/coverage.js';
import { plainEvidence } from '../src/core/evidence.js';
import { parseAlignmentFile } from '../src/formats/alignment-file.js';
import { uncoveredWords, compareEntries, corpusProgress, fileFigures, isDone, nextInQueue, queueOrder, unconfirmedShare, type FileFigures, type QueueEntry, type Uncovered } from '../src/core/review-queue.js';
import type { Bead } from '../src/core/types.js';
import { cursorIndex, initialQueueState, queueReducer, selectedEntry } from '../src/ui/state/queue-reducer.js';
import { sampleAlignment } from './support/review-fixtures.js';

const figures = (f: Partial<FileFigures> = {}): FileFigures => ({ beads: 10, reviewed: 0, oneSided: 0, lowConfidence: 0, ...f });
const entry = (name: string, f: Partial<FileFigures> = {}, uncovered: Uncovered = { state: 'pending' }): QueueEntry => ({ name, figures: figures(f), uncovered });
const unreadable = (name: string): QueueEntry => ({ name, figures: null, unreadable: 'not JSON', uncovered: { state: 'failed', reason: 'unreadable' } });
const names = (entries: QueueEntry[]) => entries.map((e) => e.name);

describe('file figures', () => {
  it('counts what is still to review: one-sided and low-confidence beads nobody confirmed', () => {
    const beads = sampleAlignment().beads; // 5 beads: one target-only (0.7), one aligned at 0.4
    expect(fileFigures(beads)).toEqual({ beads: 5, reviewed: 0, oneSided: 1, lowConfidence: 1 });
    const reviewed: Bead[] = beads.map((b, k) => (k >= 2 ? { ...b, status: k === 2 ? 'confirmed' : 'edited' } : b));
    expect(fileFigures(reviewed)).toEqual({ beads: 5, reviewed: 3, oneSided: 0, lowConfidence: 0 });
  });

  it('is done when every bead is reviewed (an empty alignment too), and says the unconfirmed share', () => {
    expect(isDone(figures({ reviewed: 10 }))).toBe(true);
    expect(isDone(figures({ reviewed: 9 }))).toBe(false);
    expect(isDone(figures({ beads: 0 }))).toBe(true);
    expect(unconfirmedShare(figures({ reviewed: 4 }))).toBeCloseTo(0.6);
    expect(unconfirmedShare(figures({ beads: 0 }))).toBe(0);
  });
});

describe('uncovered words', () => {
  it('are the content words mizan coverage counts as without a counterpart, both sides together', () => {
    const { alignment } = parseAlignmentFile(readFileSync('alignments/dawn-eremnews.json', 'utf8'));
    const evidence = plainEvidence(loadLexicon());
    const report = coverageReport(alignment, evidence);
    const total = report.source.contentWords.total + report.target.contentWords.total;
    const covered = report.source.contentWords.covered + report.target.contentWords.covered;
    expect(uncoveredWords(alignment, evidence)).toEqual({ words: total - covered, total });
    expect(total).toBeGreaterThan(0);
  });
});

describe('queue order', () => {
  it('puts files to review first, by one-sided, low confidence, uncovered words, unconfirmed share, then name', () => {
    const entries = [
      entry('done', { reviewed: 10, oneSided: 0 }),
      entry('share', { reviewed: 2 }),
      entry('share-more', { reviewed: 1 }),
      entry('uncovered', { reviewed: 5 }, { state: 'done', words: 30, total: 100 }),
      entry('low', { lowConfidence: 1, reviewed: 9 }),
      entry('one-sided', { oneSided: 2, reviewed: 9 }),
      entry('one-sided-more', { oneSided: 3, reviewed: 9 }),
      unreadable('broken'),
      entry('b-tie', { reviewed: 3 }),
      entry('a-tie', { reviewed: 3 }),
    ];
    expect(names(queueOrder(entries))).toEqual(['one-sided-more', 'one-sided', 'low', 'uncovered', 'share-more', 'share', 'a-tie', 'b-tie', 'done', 'broken']);
  });

  it('sorts a file whose coverage is still pending or failed as if nothing were uncovered', () => {
    const pending = entry('a', {}, { state: 'pending' });
    const failed = entry('b', {}, { state: 'failed', reason: 'x' });
    const none = entry('c', {}, { state: 'done', words: 0, total: 10 });
    const some = entry('d', {}, { state: 'done', words: 1, total: 10 });
    expect(names(queueOrder([none, failed, pending, some]))).toEqual(['d', 'a', 'b', 'c']);
    expect(compareEntries(pending, pending)).toBe(0);
  });

  it('finds the next readable file, wrapping, and none when it is the only one', () => {
    const order = [entry('a'), entry('b'), unreadable('z')];
    expect(nextInQueue(order, 'a')).toBe('b');
    expect(nextInQueue(order, 'b')).toBe('a');
    expect(nextInQueue([entry('a'), unreadable('z')], 'a')).toBeNull();
  });

  it('adds up progress over the corpus: beads reviewed, files done, unreadable, coverage still pending', () => {
    const progress = corpusProgress([entry('a', { reviewed: 10 }, { state: 'done', words: 1, total: 2 }), entry('b', { reviewed: 3 }), unreadable('c')]);
    expect(progress).toEqual({ files: 3, filesDone: 1, unreadable: 1, beads: 20, reviewed: 13, coveragePending: 1 });
  });
});

describe('queue reducer', () => {
  const start = () => initialQueueState([entry('b', { oneSided: 1 }), entry('a', { oneSided: 2 }), entry('c', { reviewed: 10 })]);

  it('starts sorted, on the file that needs a look most, and moves within bounds', () => {
    let state = start();
    expect(names(state.entries)).toEqual(['a', 'b', 'c']);
    expect(state.cursor).toBe('a');
    state = queueReducer(state, { type: 'move', by: 1 });
    expect(selectedEntry(state)?.name).toBe('b');
    state = queueReducer(state, { type: 'move', by: Infinity });
    expect(state.cursor).toBe('c');
    state = queueReducer(state, { type: 'move', by: -Infinity });
    expect(cursorIndex(state)).toBe(0);
  });

  it('keeps the cursor on the same file when a coverage figure re-sorts the list', () => {
    let state = initialQueueState([entry('a'), entry('b')]);
    state = queueReducer(state, { type: 'move', by: 1 });
    state = queueReducer(state, { type: 'uncovered', name: 'b', uncovered: { state: 'done', words: 5, total: 10 } });
    expect(names(state.entries)).toEqual(['b', 'a']);
    expect(state.cursor).toBe('b');
  });

  it('opens a pair, and on closing takes its saved figures, re-sorts, and works its coverage out again if it changed', () => {
    let state = start();
    state = queueReducer(state, { type: 'uncovered', name: 'a', uncovered: { state: 'done', words: 3, total: 9 } });
    state = queueReducer(state, { type: 'opened', name: 'a' });
    expect(state.open).toBe('a');
    state = queueReducer(state, { type: 'closed', name: 'a', figures: figures({ reviewed: 10 }), changed: true });
    expect(state.open).toBeNull();
    expect(names(state.entries)).toEqual(['b', 'a', 'c']);
    expect(state.cursor).toBe('a');
    expect(state.entries[1]!.uncovered).toEqual({ state: 'pending' });
    state = queueReducer(state, { type: 'closed', name: 'b', figures: figures({ oneSided: 1 }), changed: false, message: { text: 'left', tone: 'info' } });
    expect(state.entries[0]!.uncovered).toEqual({ state: 'pending' });
    expect(state.message?.text).toBe('left');
  });

  it('turns a file unreadable when its full check, made with the coverage, fails', () => {
    let state = initialQueueState([entry('a', { oneSided: 1 }), entry('b')]);
    state = queueReducer(state, { type: 'uncovered', name: 'a', uncovered: { state: 'failed', reason: 'beads cover 3 of 4 source segments', unreadable: true } });
    expect(names(state.entries)).toEqual(['b', 'a']);
    expect(state.entries[1]).toMatchObject({ figures: null, unreadable: 'beads cover 3 of 4 source segments' });
    expect(corpusProgress(state.entries).unreadable).toBe(1);
  });

  it('switches to the help and back, and lists nothing without crashing', () => {
    let state = queueReducer(start(), { type: 'set-mode', mode: 'help' });
    expect(state.mode).toBe('help');
    state = queueReducer(state, { type: 'set-mode', mode: 'list' });
    expect(state.mode).toBe('list');
    const empty = initialQueueState([]);
    expect(queueReducer(empty, { type: 'move', by: 1 })).toBe(empty);
    expect(selectedEntry(empty)).toBeUndefined();
  });
});
