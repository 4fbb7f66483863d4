/**
 * The state of `mizan review DIR`, the queue of a batch's alignments, and every way it changes:
 * one pure reducer, as review-reducer.ts is for a single pair. The entries are kept in queue
 * order (core/review-queue.ts) after every change; the cursor follows a file by name, so a list
 * that re-sorts as coverage figures arrive keeps the same file selected.
 * Opening a pair, reading files and quitting are effects the queue app runs.
 */
import { queueOrder, type FileFigures, type QueueEntry, type Uncovered } from '../../core/review-queue.js';
import type { Message } from './review-state.js';

export type QueueModeName = 'list' | 'help';

export interface QueueState {
  /** In queue order. */
  entries: QueueEntry[];
  /** The selected file's name, or null when the folder listed none. */
  cursor: string | null;
  mode: QueueModeName;
  /** The pair being reviewed, or null while the list is on screen. */
  open: string | null;
  message: Message | null;
}

export type QueueAction =
  | { type: 'move'; by: number }
  | { type: 'set-mode'; mode: QueueModeName }
  | { type: 'opened'; name: string }
  /** Back on the list from a pair: its figures as saved, and whether its beads changed (its coverage is then worked out again). */
  | { type: 'closed'; name: string; figures: FileFigures; changed: boolean; message?: Message }
  | { type: 'uncovered'; name: string; uncovered: Uncovered }
  | { type: 'notify'; message: Message };

export function initialQueueState(entries: readonly QueueEntry[], message: Message | null = null): QueueState {
  const ordered = queueOrder(entries);
  return { entries: ordered, cursor: ordered[0]?.name ?? null, mode: 'list', open: null, message };
}

/** Where the cursor is in the list (0 when nothing is selected). */
export const cursorIndex = (state: QueueState): number => Math.max(0, state.entries.findIndex((entry) => entry.name === state.cursor));

export const selectedEntry = (state: QueueState): QueueEntry | undefined => state.entries[cursorIndex(state)];

function update(state: QueueState, name: string, change: (entry: QueueEntry) => QueueEntry): QueueEntry[] {
  return queueOrder(state.entries.map((entry) => (entry.name === name ? change(entry) : entry)));
}

export function queueReducer(state: QueueState, action: QueueAction): QueueState {
  switch (action.type) {
    case 'move': {
      const { entries } = state;
      if (entries.length === 0) return state;
      const to = Math.max(0, Math.min(entries.length - 1, cursorIndex(state) + action.by));
      return { ...state, cursor: entries[to]!.name, message: null };
    }
    case 'set-mode':
      return { ...state, mode: action.mode, message: null };
    case 'opened':
      return { ...state, open: action.name, cursor: action.name, mode: 'list', message: null };
    case 'closed': {
      const uncovered: Uncovered | null = action.changed ? { state: 'pending' } : null;
      const entries = update(state, action.name, (entry) => ({ ...entry, figures: action.figures, uncovered: uncovered ?? entry.uncovered }));
      return { ...state, entries, open: null, cursor: action.name, message: action.message ?? null };
    }
    case 'uncovered': {
      const { uncovered } = action;
      const unreadable = uncovered.state === 'failed' && uncovered.unreadable === true ? uncovered.reason : null;
      return { ...state, entries: update(state, action.name, (entry) => (unreadable ? { ...entry, figures: null, unreadable, uncovered } : { ...entry, uncovered })) };
    }
    case 'notify':
      return { ...state, message: action.message };
  }
}
