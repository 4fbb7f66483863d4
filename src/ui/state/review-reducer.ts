/**
 * The state of a review session and every way it changes, as one pure reducer (the @inkjs/ui
 * pattern: a typed action union, no I/O, tested without Ink; the state itself is review-state.ts).
 * Edits are delegated to core/edit.ts; this file keeps the cursor, the undo history, the search,
 * the view filter and the mode in step with them.
 * Saving, quitting and realigning are effects the app runs; it reports their outcome back here.
 */
import type { RealignOutcome } from '../../core/align/realign.js';
import { diffAlignments, diffSummaryLine } from '../../core/alignment-diff.js';
import { applyEdit, type Edit } from '../../core/edit.js';
import { findBeads } from '../../core/find.js';
import { isFlagged, isLowConfidence } from '../../core/review-stats.js';
import { joinSegments, splitSegment, type SegmentEditResult } from '../../core/segment-edit.js';
import type { Alignment, Bead } from '../../core/types.js';
import { initialState, sideOfColumn, UNDO_LIMIT, visibleBeads, type EditCommand, type Jump, type Message, type ReviewAction, type ReviewState } from './review-state.js';
import { markOtherColumn, moveMark, startSplit, wordsOf } from './split-mode.js';

const info = (text: string): Message => ({ text, tone: 'info' });
const error = (text: string): Message => ({ text, tone: 'error' });

function moveBy(state: ReviewState, by: number): ReviewState {
  const visible = visibleBeads(state);
  const here = Math.max(0, visible.indexOf(state.cursor));
  const to = visible[Math.max(0, Math.min(visible.length - 1, here + by))] ?? state.cursor;
  return { ...state, cursor: to, message: null };
}

const JUMP_TEST: Record<Exclude<Jump, 'match'>, (bead: Bead) => boolean> = {
  flagged: isFlagged,
  'low-confidence': isLowConfidence,
  unconfirmed: (bead) => bead.status === 'auto',
};
const JUMP_NAME: Record<Jump, string> = {
  flagged: 'flagged bead',
  'low-confidence': 'low-confidence bead',
  unconfirmed: 'unconfirmed bead',
  match: 'match',
};

function jump(state: ReviewState, to: Jump, direction: 1 | -1): ReviewState {
  if (to === 'match' && !state.search) return { ...state, message: info('no search yet: press / to search') };
  const beads = state.alignment.beads;
  const candidates = to === 'match' ? (state.search?.matches ?? []) : beads.flatMap((b, k) => (JUMP_TEST[to](b) ? [k] : []));
  const ahead = direction === 1 ? candidates.find((k) => k > state.cursor) : candidates.findLast((k) => k < state.cursor);
  // Past the last one, wrap around to the first, as a search in an editor does.
  const found = ahead ?? (direction === 1 ? candidates[0] : candidates[candidates.length - 1]);
  if (found === undefined) return { ...state, message: info(`no ${JUMP_NAME[to]}`) };
  const wrapped = ahead === undefined ? ' (wrapped)' : '';
  const place = to === 'match' ? `match ${candidates.indexOf(found) + 1} of ${candidates.length}${wrapped}` : wrapped.trim();
  return { ...state, cursor: found, message: place ? info(place) : null };
}

/** The next / previous of `beads` (bead numbers, in order) from the cursor, wrapping as jump does. */
function jumpAmong(state: ReviewState, beads: readonly number[], what: string, direction: 1 | -1): ReviewState {
  const ahead = direction === 1 ? beads.find((k) => k > state.cursor) : beads.findLast((k) => k < state.cursor);
  const found = ahead ?? (direction === 1 ? beads[0] : beads[beads.length - 1]);
  if (found === undefined) return { ...state, message: info(`no ${what}`) };
  return { ...state, cursor: found, message: ahead === undefined ? info('(wrapped)') : null };
}

function edit(state: ReviewState, command: EditCommand): ReviewState {
  const at = state.cursor;
  const core: Edit =
    command.kind === 'move-up' || command.kind === 'move-down'
      ? { kind: command.kind, at, side: sideOfColumn(command.column, state.alignment) }
      : { kind: command.kind, at };
  const result = applyEdit(state.alignment.beads, core);
  if (!result.ok) return { ...state, message: error(result.reason) };
  // Confirming steps on to the next bead, so a reviewer can walk a document pressing one key.
  const cursor = command.kind === 'confirm' ? Math.min(result.cursor + 1, result.beads.length - 1) : result.cursor;
  return commit(state, { ...state.alignment, beads: result.beads }, cursor);
}

/** Every edit goes through here: the whole alignment before it is kept, so one undo takes back a split or a join too. */
function commit(state: ReviewState, alignment: Alignment, cursor: number, message: Message | null = null): ReviewState {
  const undo = [...state.undo, { alignment: state.alignment, cursor: state.cursor }].slice(-UNDO_LIMIT);
  return { ...state, alignment, cursor, undo, redo: [], search: researched(state, alignment), message };
}

/**
 * A realign is one edit: one undo step takes all of it back. What changed is said as `mizan diff`
 * says it; the cursor stays with the sentences it was on.
 */
function realigned(state: ReviewState, { beads, anchors, stretches }: RealignOutcome): ReviewState {
  if (anchors === 0) return { ...state, message: info('nothing to realign around: confirm (Enter) or edit the beads you are sure of first') };
  if (stretches === 0) return { ...state, message: info('no unconfirmed stretch to realign') };
  const before = state.alignment;
  const diff = diffAlignments(before, { ...before, beads });
  const searched = `realigned ${stretches} stretch${stretches === 1 ? '' : 'es'} around ${anchors} fixed`;
  if (diff.changes.length === 0) return { ...state, message: info(`${searched}: no changes`) };
  const here = before.beads[state.cursor];
  // The bead that now holds the first sentence of the bead under the cursor (its source side first).
  const holding = (side: 'source' | 'target') => {
    const first = here?.[side][0];
    return first === undefined ? -1 : beads.findIndex((b) => b[side].includes(first));
  };
  const bySource = holding('source');
  const cursor = Math.max(0, bySource >= 0 ? bySource : holding('target'));
  return commit(state, { ...before, beads }, cursor, info(`${searched}: ${diffSummaryLine(diff)} (u undoes)`));
}

/** Bead numbers shift under edits, so the matches of a search are found again in the new beads. */
function researched(state: ReviewState, alignment: Alignment): ReviewState['search'] {
  return state.search && { query: state.search.query, matches: findBeads(alignment, state.search.query) };
}

const LANGUAGE = { en: 'English', ar: 'Arabic' } as const;

function segmentEdit(state: ReviewState, result: SegmentEditResult, done: string): ReviewState {
  const browse: ReviewState = { ...state, mode: { name: 'browse' } };
  if (!result.ok) return { ...browse, message: error(result.reason) };
  return commit(browse, result.alignment, result.cursor, info(`${done} (u undoes)`));
}

/**
 * Enter in split mode: cut before the marked word. When the sentence's whitespace was collapsed the
 * exact offsets need the input text (core/segment-edit.ts); the CLI hands it over when the input
 * is found unchanged (review-session.ts), else the split is refused with that reason.
 */
function splitHere(state: ReviewState): ReviewState {
  const { mode } = state;
  if (mode.name !== 'split') return state;
  const side = sideOfColumn(mode.column, state.alignment);
  const segment = state.alignment[side].segments[mode.segment];
  const word = wordsOf(segment?.text ?? '')[mode.word];
  if (!segment || !word) return state;
  if (mode.word === 0) return { ...state, message: info('the marked word already begins its sentence: move the mark to where the new sentence begins') };
  const result = splitSegment(state.alignment, side, mode.segment, word.start, state.inputs[side]);
  return segmentEdit(state, result, `split ${LANGUAGE[state.alignment[side].lang]} sentence ${mode.segment + 1} in two`);
}

/** J: the marked sentence in split mode; in browse, the last English sentence of the bead. */
function joinNext(state: ReviewState): ReviewState {
  const { mode } = state;
  const column = mode.name === 'split' ? mode.column : 'left';
  const side = sideOfColumn(column, state.alignment);
  const segment = mode.name === 'split' ? mode.segment : state.alignment.beads[state.cursor]?.[side].at(-1);
  if (segment === undefined) return { ...state, message: error('this bead has no English sentence: s, then Tab, then J joins Arabic sentences') };
  const result = joinSegments(state.alignment, side, segment, state.inputs[side]);
  return segmentEdit(state, result, `joined ${LANGUAGE[state.alignment[side].lang]} sentences ${segment + 1} and ${segment + 2}`);
}

function travel(state: ReviewState, from: 'undo' | 'redo'): ReviewState {
  const stack = state[from];
  const snapshot = stack[stack.length - 1];
  if (!snapshot) return { ...state, message: info(from === 'undo' ? 'nothing to undo' : 'nothing to redo') };
  const other = from === 'undo' ? 'redo' : 'undo';
  const current = { alignment: state.alignment, cursor: state.cursor };
  return {
    ...state,
    alignment: snapshot.alignment,
    cursor: snapshot.cursor,
    [from]: stack.slice(0, -1),
    [other]: [...state[other], current],
    search: researched(state, snapshot.alignment),
    message: info(from === 'undo' ? 'undone' : 'redone'),
  };
}

/** Enter in a text prompt: run the search, or go to the first bead of an English paragraph. */
function submit(state: ReviewState): ReviewState {
  const { mode } = state;
  const browse: ReviewState = { ...state, mode: { name: 'browse' } };
  if (mode.name === 'search') {
    if (mode.draft.trim() === '') return { ...browse, search: null, message: null };
    const search = { query: mode.draft, matches: findBeads(state.alignment, mode.draft) };
    if (search.matches.length === 0) return { ...browse, search, message: error(`no match for "${mode.draft}"`) };
    return jump({ ...browse, search, cursor: state.cursor - 1 }, 'match', 1);
  }
  if (mode.name === 'goto') {
    const wanted = Number(mode.draft) - 1;
    const english = state.alignment.source.lang === 'en' ? 'source' : 'target';
    const segments = state.alignment[english].segments;
    const bead = state.alignment.beads.findIndex((b) => b[english].some((i) => segments[i]!.paragraph >= wanted));
    if (!Number.isInteger(wanted) || wanted < 0 || bead < 0) return { ...browse, message: error(`no English paragraph ${mode.draft}`) };
    return { ...browse, cursor: bead, flaggedOnly: false, message: info(`paragraph ${wanted + 1}`) };
  }
  return state;
}

/** Actions that change the bead or the alignment under the split mark: the mark would point at another sentence. */
const LEAVES_SPLIT_MODE = new Set<ReviewAction['type']>(['move', 'jump', 'edit', 'undo', 'redo', 'replace', 'accept-recovery']);

export function reviewReducer(current: ReviewState, action: ReviewAction): ReviewState {
  // The keymap sends none of these in split mode; the reducer does not rely on it.
  const state: ReviewState = current.mode.name === 'split' && LEAVES_SPLIT_MODE.has(action.type) ? { ...current, mode: { name: 'browse' } } : current;
  switch (action.type) {
    case 'move':
      return moveBy(state, action.by);
    case 'jump':
      return jump(state, action.to, action.direction);
    case 'edit':
      return edit(state, action.command);
    case 'undo':
    case 'redo':
      return travel(state, action.type);
    case 'set-mode':
      return { ...state, mode: action.mode, message: null };
    case 'type':
    case 'erase': {
      const { mode } = state;
      if (mode.name !== 'search' && mode.name !== 'goto') return state;
      const draft = action.type === 'type' ? mode.draft + action.text : [...mode.draft].slice(0, -1).join('');
      return { ...state, mode: { ...mode, draft } };
    }
    case 'submit':
      return submit(state);
    case 'toggle-filter': {
      const flaggedOnly = !state.flaggedOnly;
      return { ...state, flaggedOnly, message: info(flaggedOnly ? 'showing one-sided and low-confidence beads only (v shows all)' : 'showing all beads') };
    }
    case 'toggle-bidi': {
      const bidi = state.bidi === 'mizan' ? 'terminal' : 'mizan';
      const text = bidi === 'mizan' ? 'mizan shapes and orders Arabic' : 'Arabic left in logical order for a bidi terminal';
      return { ...state, bidi, message: info(text) };
    }
    case 'toggle-marks':
      return { ...state, marks: !state.marks, message: info(state.marks ? 'coverage marks off (c shows them)' : 'coverage marks on') };
    case 'jump-among':
      return jumpAmong(state, action.beads, action.what, action.direction);
    case 'saved':
      return { ...state, saved: action.beads, mode: { name: 'browse' }, message: info(`saved to ${action.path}`) };
    case 'replace':
      return { ...initialState(action.alignment, { bidi: state.bidi, inputs: action.inputs ?? {}, marks: state.marks }), saved: state.saved, message: info(action.note) };
    case 'realigned':
      return realigned(state, action.outcome);
    case 'accept-recovery': {
      if (state.mode.name !== 'recover') return state;
      const recovered = commit(state, state.mode.alignment, 0, info('recovered the unsaved edits; w saves them'));
      return { ...recovered, mode: { name: 'browse' } };
    }
    case 'notify':
      return { ...state, message: action.message };
    case 'start-split':
      return startSplit(state);
    case 'mark-word':
      return moveMark(state, action.toward);
    case 'mark-other-column':
      return markOtherColumn(state);
    case 'split-here':
      return splitHere(state);
    case 'join-next':
      return joinNext(state);
  }
}
