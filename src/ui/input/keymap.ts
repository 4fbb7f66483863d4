/**
 * Every key of the review UI, in one table. The key hook only looks keys up here; the help screen
 * is drawn from the same table, so what the help says is what the keys do.
 */
import type { Key } from 'ink';
import type { ModeName, ReviewAction } from '../state/review-state.js';

/** Effects the app runs itself (files, exiting) rather than handing to the reducer. */
export type Effect =
  | 'save'
  | 'force-save'
  /** Quit, asking first when there are unsaved changes. */
  | 'quit'
  | 'save-quit'
  | 'discard-quit'
  /** Quit at once and touch nothing, not even the autosave (a question was left unanswered). */
  | 'leave'
  | 'realign'
  /** Realign the unconfirmed beads around the confirmed and edited ones: the app has the aligner. */
  | 'realign-confirmed'
  | 'discard-recovery'
  /** Jumps to a bead with coverage marks: the app knows the coverage, the reducer does not. */
  | 'next-marked'
  | 'previous-marked'
  /** In a queue (`mizan review DIR`): leave this pair for the next one, asking first when there are unsaved changes. */
  | 'next-pair';

export type Command = { action: ReviewAction } | { effect: Effect };

export interface KeyContext {
  /** Beads on screen in the last frame: a page. */
  pageSize: number;
  /** The pair was opened from a queue (`mizan review DIR`): q goes back to the list, ] to the next pair. */
  inQueue?: boolean;
}

export interface Binding {
  /** The keys as the help screen names them. */
  keys: string;
  description: string;
  group: 'Move' | 'Find' | 'Review' | 'Split' | 'File' | 'View' | 'Queue' | 'Prompt';
  modes: readonly ModeName[];
  /** Only for a pair opened from a queue, or only for one that was not; else both. */
  where?: 'queue' | 'single';
  matches: (input: string, key: Key) => boolean;
  /** The key itself is passed for the few bindings whose keys do different things (← and →). */
  command: (context: KeyContext, input: string, key: Key) => Command;
}

const char = (...chars: string[]) => (input: string, key: Key) => !key.ctrl && !key.meta && chars.includes(input);
const ctrl = (letter: string) => (input: string, key: Key) => key.ctrl && input === letter;
const special =
  (...names: (keyof Key)[]) =>
  (_: string, key: Key) =>
    names.some((name) => key[name] === true);
const either =
  (...tests: ((input: string, key: Key) => boolean)[]) =>
  (input: string, key: Key) =>
    tests.some((test) => test(input, key));

const act = (action: ReviewAction) => (): Command => ({ action });
const run = (effect: Effect) => (): Command => ({ effect });
const browse = ['browse'] as const;
const split = ['split'] as const;
const leftKey = either(special('leftArrow'), char('h'));

export const KEYMAP: readonly Binding[] = [
  { keys: '↓ j', description: 'next bead', group: 'Move', modes: browse, matches: either(special('downArrow'), char('j')), command: act({ type: 'move', by: 1 }) },
  { keys: '↑ k', description: 'previous bead', group: 'Move', modes: browse, matches: either(special('upArrow'), char('k')), command: act({ type: 'move', by: -1 }) },
  { keys: 'PgDn space', description: 'next page', group: 'Move', modes: browse, matches: either(special('pageDown'), char(' ')), command: (c) => ({ action: { type: 'move', by: Math.max(1, c.pageSize) } }) },
  { keys: 'PgUp', description: 'previous page', group: 'Move', modes: browse, matches: either(special('pageUp'), ctrl('b')), command: (c) => ({ action: { type: 'move', by: -Math.max(1, c.pageSize) } }) },
  // Pairs of keys share a line of the help, so that every key still fits an 80×24 terminal.
  { keys: 'g G', description: 'first / last (Home End)', group: 'Move', modes: browse, matches: either(special('home', 'end'), char('g', 'G')), command: (_, input, key) => ({ action: { type: 'move', by: key.end || input === 'G' ? Infinity : -Infinity } }) },
  { keys: 'p', description: 'go to English paragraph N', group: 'Move', modes: browse, matches: char('p'), command: act({ type: 'set-mode', mode: { name: 'goto', draft: '' } }) },
  { keys: 'f F', description: 'next/prev one-sided bead', group: 'Find', modes: browse, matches: char('f'), command: act({ type: 'jump', to: 'flagged', direction: 1 }) },
  { keys: 'l L', description: 'next/prev low confidence', group: 'Find', modes: browse, matches: char('l'), command: act({ type: 'jump', to: 'low-confidence', direction: 1 }) },
  { keys: 'a A', description: 'next/prev unconfirmed', group: 'Find', modes: browse, matches: char('a'), command: act({ type: 'jump', to: 'unconfirmed', direction: 1 }) },
  { keys: 'o O', description: 'next/prev marked bead', group: 'Find', modes: browse, matches: char('o'), command: run('next-marked') },
  { keys: '/', description: 'search both languages', group: 'Find', modes: browse, matches: char('/'), command: act({ type: 'set-mode', mode: { name: 'search', draft: '' } }) },
  { keys: 'n N', description: 'next/prev match', group: 'Find', modes: browse, matches: char('n'), command: act({ type: 'jump', to: 'match', direction: 1 }) },
  { keys: 'Enter y', description: 'confirm, go to the next', group: 'Review', modes: browse, matches: either(special('return'), char('y')), command: act({ type: 'edit', command: { kind: 'confirm' } }) },
  { keys: 'Y', description: 'confirm all up to here', group: 'Review', modes: browse, matches: char('Y'), command: act({ type: 'edit', command: { kind: 'confirm-through' } }) },
  { keys: 'x', description: 'unlink into one-sided', group: 'Review', modes: browse, matches: char('x'), command: act({ type: 'edit', command: { kind: 'unlink' } }) },
  { keys: 'm', description: 'merge with the next bead', group: 'Review', modes: browse, matches: char('m'), command: act({ type: 'edit', command: { kind: 'merge-next' } }) },
  { keys: 'e E', description: 'EN: first up / last down', group: 'Review', modes: browse, matches: char('e', 'E'), command: (_, input) => ({ action: { type: 'edit', command: { kind: input === 'e' ? 'move-up' : 'move-down', column: 'left' } } }) },
  { keys: 'r R', description: 'AR: first up / last down', group: 'Review', modes: browse, matches: char('r', 'R'), command: (_, input) => ({ action: { type: 'edit', command: { kind: input === 'r' ? 'move-up' : 'move-down', column: 'right' } } }) },
  { keys: 'z', description: 'realign around confirmed', group: 'Review', modes: browse, matches: char('z'), command: run('realign-confirmed') },
  { keys: 'b', description: 'boilerplate on/off', group: 'Review', modes: browse, matches: char('b'), command: act({ type: 'edit', command: { kind: 'toggle-boilerplate' } }) },
  { keys: 'u U Ctrl-r', description: 'undo / redo', group: 'Review', modes: browse, matches: either(char('u', 'U'), ctrl('r')), command: (_, input) => ({ action: { type: input === 'u' ? 'undo' : 'redo' } }) },
  // Split mode (ui/state/split-mode.ts). The mark moves as it is drawn, so in an Arabic sentence ←
  // goes on in reading order and → goes back, as an Arabic reader expects; the group title says so.
  { keys: 's', description: 'split mode: pick a cut', group: 'Split', modes: browse, matches: char('s'), command: act({ type: 'start-split' }) },
  { keys: '← → h l', description: 'move the mark a word', group: 'Split', modes: split, matches: either(special('leftArrow', 'rightArrow'), char('h', 'l')), command: (_, input, key) => ({ action: { type: 'mark-word', toward: leftKey(input, key) ? 'left' : 'right' } }) },
  { keys: 'Tab', description: 'mark the other language', group: 'Split', modes: split, matches: special('tab'), command: act({ type: 'mark-other-column' }) },
  { keys: 'Enter', description: 'split before the mark', group: 'Split', modes: split, matches: special('return'), command: act({ type: 'split-here' }) },
  { keys: 'J', description: 'join EN sentence with next', group: 'Split', modes: ['browse', 'split'], matches: char('J'), command: act({ type: 'join-next' }) },
  { keys: 'v', description: 'only beads needing a look', group: 'View', modes: browse, matches: char('v'), command: act({ type: 'toggle-filter' }) },
  { keys: 'B', description: 'bidi: mizan or terminal', group: 'View', modes: browse, matches: char('B'), command: act({ type: 'toggle-bidi' }) },
  { keys: 'c', description: 'coverage marks on/off', group: 'View', modes: browse, matches: char('c'), command: act({ type: 'toggle-marks' }) },
  { keys: '?', description: 'this help', group: 'View', modes: browse, matches: char('?', 'h'), command: act({ type: 'set-mode', mode: { name: 'help' } }) },
  { keys: 'w', description: 'save', group: 'File', modes: browse, matches: either(char('w'), ctrl('s')), command: run('save') },
  { keys: 'q Ctrl-c', description: 'quit (asks if unsaved)', group: 'File', modes: browse, where: 'single', matches: either(char('q'), ctrl('c')), command: run('quit') },
  // A pair opened from the queue: the queue's own keys are in queue-keymap.ts.
  { keys: 'q Ctrl-c', description: 'back to the list (asks if unsaved)', group: 'File', modes: browse, where: 'queue', matches: either(char('q'), ctrl('c')), command: run('quit') },
  { keys: ']', description: 'next pair in the queue (asks if unsaved)', group: 'File', modes: browse, where: 'queue', matches: char(']'), command: run('next-pair') },
  // Prompts: the keys of each question, shown in the prompt line itself.
  { keys: 'any key', description: 'close the help', group: 'Prompt', modes: ['help'], matches: () => true, command: act({ type: 'set-mode', mode: { name: 'browse' } }) },
  { keys: 'Enter', description: 'search / go', group: 'Prompt', modes: ['search', 'goto'], matches: special('return'), command: act({ type: 'submit' }) },
  { keys: 'Esc', description: 'cancel', group: 'Prompt', modes: ['search', 'goto', 'confirm-quit', 'overwrite', 'split'], matches: special('escape'), command: act({ type: 'set-mode', mode: { name: 'browse' } }) },
  { keys: 'Backspace', description: 'erase', group: 'Prompt', modes: ['search', 'goto'], matches: special('backspace', 'delete'), command: act({ type: 'erase' }) },
  { keys: 'w y', description: 'save and quit', group: 'Prompt', modes: ['confirm-quit'], matches: char('w', 'y'), command: run('save-quit') },
  { keys: 'd n', description: 'quit without saving', group: 'Prompt', modes: ['confirm-quit'], matches: char('d', 'n'), command: run('discard-quit') },
  { keys: 'y', description: 'overwrite the file changed on disk', group: 'Prompt', modes: ['overwrite'], matches: char('y'), command: run('force-save') },
  { keys: 'n', description: 'keep the file on disk', group: 'Prompt', modes: ['overwrite'], matches: char('n'), command: act({ type: 'set-mode', mode: { name: 'browse' } }) },
  { keys: 'r', description: 'realign the changed inputs', group: 'Prompt', modes: ['stale'], matches: char('r'), command: run('realign') },
  { keys: 'k Esc', description: 'keep reviewing the saved text', group: 'Prompt', modes: ['stale'], matches: either(char('k'), special('escape')), command: act({ type: 'set-mode', mode: { name: 'browse' } }) },
  { keys: 'y', description: 'restore the unsaved edits', group: 'Prompt', modes: ['recover'], matches: char('y'), command: act({ type: 'accept-recovery' }) },
  { keys: 'n', description: 'discard them', group: 'Prompt', modes: ['recover'], matches: char('n', 'd'), command: run('discard-recovery') },
  { keys: 'q', description: 'quit', group: 'Prompt', modes: ['stale', 'recover'], matches: char('q'), command: run('leave') },
];

/** Shifted letters jump backwards: F, L, A and N mirror f, l, a and n. */
const BACKWARD: Record<string, ReviewAction> = {
  F: { type: 'jump', to: 'flagged', direction: -1 },
  L: { type: 'jump', to: 'low-confidence', direction: -1 },
  A: { type: 'jump', to: 'unconfirmed', direction: -1 },
  N: { type: 'jump', to: 'match', direction: -1 },
};

/** O mirrors o, as an effect (see Effect). */
const BACKWARD_EFFECT: Record<string, Effect> = { O: 'previous-marked' };

/**
 * Ink hands over a chunk of plain characters as one input ("jy" when keys come fast, as from tmux
 * send-keys or a paste). Each character is a key press of its own; a carriage return in the chunk
 * is Enter, a tab is Tab.
 */
export function splitKeys(input: string, key: Key): [string, Key][] {
  const chars = [...input];
  if (chars.length <= 1 || key.ctrl || key.meta || key.escape) return [[input, key]];
  return chars.map((ch) => [ch, { ...key, return: ch === '\r', tab: ch === '\t' }]);
}

/** The bindings that apply to a pair reviewed on its own or from a queue (what its help screen lists). */
export const bindingsFor = (inQueue: boolean): readonly Binding[] => KEYMAP.filter((b) => (b.where ?? (inQueue ? 'queue' : 'single')) === (inQueue ? 'queue' : 'single'));

/** The command a key press means in a mode, or null. Printable keys in a text prompt are typed. */
export function commandFor(mode: ModeName, input: string, key: Key, context: KeyContext): Command | null {
  if (mode === 'browse' && !key.ctrl && BACKWARD[input]) return { action: BACKWARD[input] };
  if (mode === 'browse' && !key.ctrl && BACKWARD_EFFECT[input]) return { effect: BACKWARD_EFFECT[input] };
  const here = context.inQueue ? 'queue' : 'single';
  const binding = KEYMAP.find((b) => b.modes.includes(mode) && (b.where ?? here) === here && b.matches(input, key));
  if (binding) return binding.command(context, input, key);
  if ((mode === 'search' || mode === 'goto') && input && !key.ctrl && !key.meta) return { action: { type: 'type', text: input } };
  return null;
}
