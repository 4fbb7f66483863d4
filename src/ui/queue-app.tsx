/**
 * `mizan review DIR`: the alignments of a batch as a queue. The list (QueueList) is drawn at once
 * from each file's bead figures; the uncovered words, which need the document's words and their
 * evidence, are then worked out one file at a time between frames, so keys keep answering and the
 * list says which figures are still coming. Enter opens a pair in the ordinary review (ReviewApp,
 * with its saves, autosave, prompts and lock); leaving it comes back here, or goes on to the next
 * pair, and the file's figures are updated from what was saved.
 */
import { Box, Text, useApp, useInput } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Aligner } from '../core/align/realign.js';
import type { Evidence } from '../core/evidence.js';
import { fileFigures, nextInQueue, type Uncovered } from '../core/review-queue.js';
import { inert } from '../core/text/inert.js';
import { ReviewApp, SPARE_ROWS, useTerminalSize, type Leave, type ReviewStorage } from './app.js';
import { HelpScreen } from './components/HelpScreen.js';
import { QueueList } from './components/QueueList.js';
import { QUEUE_KEYMAP, queueCommandFor } from './input/queue-keymap.js';
import { splitKeys } from './input/keymap.js';
import { queueReducer, selectedEntry, type QueueAction, type QueueState } from './state/queue-reducer.js';
import { isDirty, type ReviewState } from './state/review-state.js';
import { ERROR_COLOR } from './theme.js';

/** A pair opened from the queue: what the review starts from, its storage, and how to let go of it (its lock). */
export interface QueuePair {
  initial: ReviewState;
  storage: ReviewStorage;
  close(): void;
  /** For the coverage marks and for z, as a pair reviewed on its own has them (ReviewApp). */
  evidence?: Evidence;
  aligner?: Aligner;
}

export interface QueueStorage {
  /** The folder, for the title line. */
  title: string;
  open(name: string): { ok: true; pair: QueuePair } | { ok: false; error: string };
  /** Works out a file's uncovered words (slow: tens of milliseconds a file); never throws. */
  uncovered(name: string): Uncovered;
}

/** Coverage work waits this long after the last key on the list, so moving through it stays quick. */
const KEY_QUIET_MS = 250;

export interface QueueAppProps {
  initial: QueueState;
  storage: QueueStorage;
  autosaveMs?: number;
  /** Whether the terminal shows colour; without it, a pair's coverage marks are bracketed. */
  color?: boolean;
}

export function QueueApp({ initial, storage, autosaveMs, color = true }: QueueAppProps) {
  const [state, setState] = useState(initial);
  const latest = useRef(initial);
  const dispatch = useCallback((action: QueueAction) => {
    latest.current = queueReducer(latest.current, action);
    setState(latest.current);
  }, []);
  const [pair, setPair] = useState<{ name: string; position: number; pair: QueuePair } | null>(null);
  const openRef = useRef(pair);
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const page = useRef(10);
  const lastKey = useRef(0);

  /** `position`: where the pair stands in the order the reviewer is walking (by default, the list's order now). */
  const open = (name: string, position?: number) => {
    const opened = storage.open(name);
    if (!opened.ok) {
      dispatch({ type: 'notify', message: { text: opened.error, tone: 'error' } });
      return;
    }
    const at = position ?? latest.current.entries.findIndex((entry) => entry.name === name) + 1;
    openRef.current = { name, position: at, pair: opened.pair };
    setPair(openRef.current);
    dispatch({ type: 'opened', name });
  };

  const leave = (where: Leave, review: ReviewState) => {
    const current = openRef.current;
    if (!current) return;
    current.pair.close();
    // The next pair in the order the reviewer saw, before this file's new figures move it.
    const next = where === 'next' ? nextInQueue(latest.current.entries, current.name) : null;
    const nextPosition = latest.current.entries.findIndex((entry) => entry.name === next) + 1;
    const changed = review.saved !== current.pair.initial.saved;
    const unsaved = isDirty(review) ? `${current.name}: left without saving the last changes` : null;
    dispatch({
      type: 'closed',
      name: current.name,
      figures: fileFigures(review.saved),
      changed,
      ...(unsaved ? { message: { text: unsaved, tone: 'info' as const } } : where === 'next' && !next ? { message: { text: 'no other pair to open', tone: 'info' as const } } : {}),
    });
    openRef.current = null;
    setPair(null);
    if (next) open(next, nextPosition);
  };

  useInput(
    (chunk, chunkKey) => {
      lastKey.current = performance.now();
      for (const [input, key] of splitKeys(chunk, chunkKey)) {
        const command = queueCommandFor(latest.current.mode, input, key, { pageSize: page.current });
        if (!command) continue;
        if ('action' in command) dispatch(command.action);
        else if (command.effect === 'quit') exit();
        else {
          const entry = selectedEntry(latest.current);
          if (!entry) continue;
          if (!entry.figures) dispatch({ type: 'notify', message: { text: `${entry.name} is unreadable: ${entry.unreadable ?? ''}`, tone: 'error' } });
          else open(entry.name);
          // The rest of the chunk was typed for the list, not for the pair that just opened.
          if (openRef.current) return;
        }
      }
    },
    { isActive: pair === null },
  );

  // Coverage, one file per turn of the event loop: the selected file first, then in queue order.
  // Paused while a pair is open, so its keys never wait behind another file's figures.
  useEffect(() => {
    if (pair) return;
    const selected = selectedEntry(state);
    const pending = selected?.figures && selected.uncovered.state === 'pending' ? selected : state.entries.find((e) => e.figures && e.uncovered.state === 'pending');
    if (!pending) return;
    const work = () => {
      const quiet = performance.now() - lastKey.current;
      if (quiet < KEY_QUIET_MS) timer = setTimeout(work, KEY_QUIET_MS - quiet);
      else dispatch({ type: 'uncovered', name: pending.name, uncovered: storage.uncovered(pending.name) });
    };
    let timer = setTimeout(work, 0);
    return () => clearTimeout(timer);
  }, [state.entries, pair]);

  if (pair) {
    const titled: ReviewStorage = { ...pair.pair.storage, title: `queue ${pair.position}/${state.entries.length} · ${pair.name} · ${pair.pair.storage.title}` };
    const { evidence, aligner } = pair.pair;
    return (
      <ReviewApp
        key={pair.name}
        initial={pair.pair.initial}
        storage={titled}
        onLeave={leave}
        color={color}
        {...(evidence ? { evidence } : {})}
        {...(aligner ? { aligner } : {})}
        {...(autosaveMs !== undefined ? { autosaveMs } : {})}
      />
    );
  }

  const height = Math.max(4, rows - SPARE_ROWS);
  const listHeight = height - 2;
  const selected = selectedEntry(state);
  const hint = selected?.uncovered.state === 'failed' ? `${selected.name}: uncovered words not worked out: ${selected.uncovered.reason}` : null;
  return (
    <Box flexDirection="column" width={columns} height={height}>
      {/* As in a pair, the help draws its own title row. */}
      {state.mode === 'help' ? (
        <HelpScreen width={columns} height={listHeight + 1} bindings={QUEUE_KEYMAP} groups={['Queue']} legend={false} />
      ) : (
        <>
          <Text wrap="truncate" bold>
            mizan review <Text color="gray">· queue of {state.entries.length} alignments in {inert(storage.title)}</Text>
          </Text>
          <QueueList state={state} width={columns} height={listHeight} onPage={(n) => (page.current = n)} />
        </>
      )}
      <Text wrap="truncate" color={state.message?.tone === 'error' ? ERROR_COLOR : 'gray'}>
        {inert(state.message?.text ?? hint ?? 'Enter review the pair · j/k move · ? keys · q quit')}
      </Text>
    </Box>
  );
}
