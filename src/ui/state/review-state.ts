/**
 * What a review session is: the alignment being reviewed, the cursor, the undo history, the
 * search, the view filter and the mode the keyboard is in; the actions that change it are in
 * review-reducer.ts. Plain data, so a state can be compared, stored and tested without Ink.
 */
import { needsAttention } from '../../core/review-stats.js';
import type { RealignOutcome } from '../../core/align/realign.js';
import type { Alignment, Bead } from '../../core/types.js';
import type { BidiMode } from '../text/rtl.js';

/** What the keyboard is talking to: the bead list, a help page, a line being typed or a question. */
export type Mode =
  | { name: 'browse' }
  | { name: 'help' }
  | { name: 'search'; draft: string }
  | { name: 'goto'; draft: string }
  | { name: 'confirm-quit' }
  | { name: 'overwrite' }
  | { name: 'stale'; changed: string[] }
  | { name: 'recover'; alignment: Alignment; savedAt: string }
  /**
   * Picking where to split a sentence: a mark on one word of one sentence of the cursor bead, in
   * one column. Enter splits before the marked word; J joins the marked sentence with the next.
   */
  | { name: 'split'; column: Column; segment: number; word: number };

export type ModeName = Mode['name'];

/** English is always the left column, Arabic the right, whichever of them is the source. */
export type Column = 'left' | 'right';

export type Jump = 'flagged' | 'low-confidence' | 'unconfirmed' | 'match';

export interface Message {
  text: string;
  tone: 'info' | 'error';
}

export interface ReviewState {
  alignment: Alignment;
  cursor: number;
  undo: Snapshot[];
  redo: Snapshot[];
  /** The beads as last saved (or loaded): the session is dirty while the current beads differ. */
  saved: readonly Bead[];
  flaggedOnly: boolean;
  search: { query: string; matches: number[] } | null;
  mode: Mode;
  message: Message | null;
  bidi: BidiMode;
  inputs: InputTexts;
  /** Coverage marks inside aligned beads are drawn (c), when the review has the evidence to find them. */
  marks: boolean;
}

/** The whole alignment, not only its beads: a split or a join changes the segments too. */
export interface Snapshot {
  alignment: Alignment;
  cursor: number;
}

/**
 * The input texts the segments' spans point into, when the review has them unchanged. A split is
 * exact without them unless the sentence's whitespace runs were collapsed (core/segment-edit.ts).
 */
export interface InputTexts {
  source?: string;
  target?: string;
}

export type EditCommand =
  | { kind: 'confirm' | 'confirm-through' | 'unlink' | 'merge-next' | 'toggle-boilerplate' }
  | { kind: 'move-up' | 'move-down'; column: Column };

export type ReviewAction =
  | { type: 'move'; by: number }
  | { type: 'jump'; to: Jump; direction: 1 | -1 }
  | { type: 'edit'; command: EditCommand }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'set-mode'; mode: Mode }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'submit' }
  | { type: 'toggle-filter' }
  | { type: 'toggle-bidi' }
  | { type: 'toggle-marks' }
  /** A jump to the next / previous of beads the reducer cannot find itself (coverage marks, found by the app). */
  | { type: 'jump-among'; beads: readonly number[]; what: string; direction: 1 | -1 }
  | { type: 'saved'; beads: readonly Bead[]; path: string }
  | { type: 'replace'; alignment: Alignment; note: string; inputs?: InputTexts }
  /** The unconfirmed stretches realigned around the confirmed and edited beads (core/align/realign.ts), found by the app. */
  | { type: 'realigned'; outcome: RealignOutcome }
  | { type: 'accept-recovery' }
  | { type: 'notify'; message: Message }
  /** Split mode: `s` opens it, the arrows move the mark (left/right as drawn, forward/back in reading order), Tab changes column. */
  | { type: 'start-split' }
  | { type: 'mark-word'; toward: 'left' | 'right' | 'forward' | 'back' }
  | { type: 'mark-other-column' }
  | { type: 'split-here' }
  /** Join the marked sentence (split mode) or the bead's last English sentence (browse) with the next on its side. */
  | { type: 'join-next' };

/** How many edits can be undone; older ones are forgotten so a long session stays small. */
export const UNDO_LIMIT = 1000;

export function initialState(alignment: Alignment, options: { bidi: BidiMode; mode?: Mode; message?: Message; inputs?: InputTexts; marks?: boolean }): ReviewState {
  return {
    alignment,
    cursor: 0,
    undo: [],
    redo: [],
    saved: alignment.beads,
    flaggedOnly: false,
    search: null,
    mode: options.mode ?? { name: 'browse' },
    message: options.message ?? null,
    bidi: options.bidi,
    inputs: options.inputs ?? {},
    marks: options.marks ?? true,
  };
}

/** The side (source or target) a column shows: English left, Arabic right. */
export function sideOfColumn(column: Column, alignment: Alignment): 'source' | 'target' {
  const sourceIsEnglish = alignment.source.lang === 'en';
  return (column === 'left') === sourceIsEnglish ? 'source' : 'target';
}

export const isDirty = (state: ReviewState): boolean => state.alignment.beads !== state.saved;

/** The beads the list shows, by index: all of them, or those that need attention and the bead under the cursor. */
export function visibleBeads(state: ReviewState): number[] {
  const all = state.alignment.beads;
  if (!state.flaggedOnly) return all.map((_, k) => k);
  return all.flatMap((bead, k) => (needsAttention(bead) || k === state.cursor ? [k] : []));
}
