/**
 * The keys of the queue list (`mizan review DIR`), in one table as the pair's keys are in
 * keymap.ts; the queue's help screen is drawn from it. The keys of a pair opened from the queue
 * are the pair's own, plus the queue bindings of keymap.ts (next pair, back to the list).
 */
import type { Key } from 'ink';
import type { QueueAction, QueueModeName } from '../state/queue-reducer.js';

/** Effects the queue app runs itself: opening a pair (files, the lock) and quitting. */
export type QueueEffect = 'open' | 'quit';

export type QueueCommand = { action: QueueAction } | { effect: QueueEffect };

export interface QueueBinding {
  keys: string;
  description: string;
  group: 'Queue' | 'Prompt';
  modes: readonly QueueModeName[];
  matches: (input: string, key: Key) => boolean;
  command: (context: { pageSize: number }) => QueueCommand;
}

const char = (...chars: string[]) => (input: string, key: Key) => !key.ctrl && !key.meta && chars.includes(input);
const special =
  (...names: (keyof Key)[]) =>
  (_: string, key: Key) =>
    names.some((name) => key[name] === true);
const either =
  (...tests: ((input: string, key: Key) => boolean)[]) =>
  (input: string, key: Key) =>
    tests.some((test) => test(input, key));
const act = (action: QueueAction) => (): QueueCommand => ({ action });
const list = ['list'] as const;

export const QUEUE_KEYMAP: readonly QueueBinding[] = [
  { keys: '↓ j', description: 'next file', group: 'Queue', modes: list, matches: either(special('downArrow'), char('j')), command: act({ type: 'move', by: 1 }) },
  { keys: '↑ k', description: 'previous file', group: 'Queue', modes: list, matches: either(special('upArrow'), char('k')), command: act({ type: 'move', by: -1 }) },
  { keys: 'PgDn space', description: 'next page', group: 'Queue', modes: list, matches: either(special('pageDown'), char(' ')), command: (c) => ({ action: { type: 'move', by: Math.max(1, c.pageSize) } }) },
  { keys: 'PgUp', description: 'previous page', group: 'Queue', modes: list, matches: special('pageUp'), command: (c) => ({ action: { type: 'move', by: -Math.max(1, c.pageSize) } }) },
  { keys: 'Home g', description: 'first file', group: 'Queue', modes: list, matches: either(special('home'), char('g')), command: act({ type: 'move', by: -Infinity }) },
  { keys: 'End G', description: 'last file', group: 'Queue', modes: list, matches: either(special('end'), char('G')), command: act({ type: 'move', by: Infinity }) },
  { keys: 'Enter o', description: 'review the selected pair', group: 'Queue', modes: list, matches: either(special('return'), char('o')), command: () => ({ effect: 'open' }) },
  { keys: '?', description: 'this help', group: 'Queue', modes: list, matches: char('?', 'h'), command: act({ type: 'set-mode', mode: 'help' }) },
  { keys: 'q Ctrl-c', description: 'quit (each pair saves on its own)', group: 'Queue', modes: list, matches: (input, key) => (key.ctrl && input === 'c') || char('q')(input, key), command: () => ({ effect: 'quit' }) },
  { keys: 'any key', description: 'close the help', group: 'Prompt', modes: ['help'], matches: () => true, command: act({ type: 'set-mode', mode: 'list' }) },
];

export function queueCommandFor(mode: QueueModeName, input: string, key: Key, context: { pageSize: number }): QueueCommand | null {
  const binding = QUEUE_KEYMAP.find((b) => b.modes.includes(mode) && b.matches(input, key));
  return binding ? binding.command(context) : null;
}
