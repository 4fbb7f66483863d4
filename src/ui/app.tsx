/**
 * The review UI: the bead list, a status bar and a prompt line, sized to the terminal and redrawn
 * on resize. Keys go through the keymap to reducer actions or to effects (saving, quitting,
 * realigning), which run here against a `ReviewStorage` so the app itself touches no files.
 */
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';
import { inert } from '../core/text/inert.js';
import type { Alignment } from '../core/types.js';
import { BeadList } from './components/BeadList.js';
import { HelpScreen } from './components/HelpScreen.js';
import { PromptLine } from './components/PromptLine.js';
import { StatusBar } from './components/StatusBar.js';
import { bindingsFor, commandFor, splitKeys, type Effect } from './input/keymap.js';
import { reviewReducer } from './state/review-reducer.js';
import { isDirty, type InputTexts, type ReviewAction, type ReviewState } from './state/review-state.js';
import { useCoverage } from './marks/use-coverage.js';
import type { Evidence } from '../core/evidence.js';
import { realignUnconfirmed, type Aligner } from '../core/align/realign.js';

export type SaveOutcome = { ok: true; path: string } | { ok: false; changedOnDisk: true } | { ok: false; error: string };

export interface ReviewStorage {
  /** What is being reviewed, for the title line. */
  title: string;
  /** Writes the alignment file; refuses (changedOnDisk) when someone else changed it since it was read, unless forced. */
  save(alignment: Alignment, force: boolean): SaveOutcome;
  /** Keeps unsaved edits safe beside the file; a later save or an explicit discard removes the copy. */
  autosave(alignment: Alignment): void;
  discardAutosave(): void;
  /** Aligns the inputs afresh (when they changed on disk), or throws with a one-line reason. */
  realign(): Alignment;
  /** The input texts the current alignment's spans point into, as far as they are known (after a realign, the new ones). */
  inputTexts?(): InputTexts;
}

export interface ReviewAppProps {
  initial: ReviewState;
  storage: ReviewStorage;
  /** Quiet time after the last edit before the autosave copy is written. */
  autosaveMs?: number;
  /**
   * Set when the pair was opened from a queue (`mizan review DIR`): quitting hands the pair back
   * to the queue (`back`, or `next` for the following pair) with its last state, instead of ending
   * the program. The same prompts guard unsaved changes either way.
   */
  onLeave?: (where: Leave, state: ReviewState) => void;
  /** The evidence to find coverage marks with (c, o / O, the word figures); none, no marks. */
  evidence?: Evidence;
  /** Whether the terminal shows colour (cli/terminal.ts colorOn); without it, marks are bracketed. */
  color?: boolean;
  /** The aligner z realigns the unconfirmed beads with, around the confirmed ones; none, z says so. */
  aligner?: Aligner;
}

export type Leave = 'back' | 'next';

/**
 * How `mizan review` has Ink draw (the latency benchmark uses the same): keys are ours (Ctrl-C asks
 * before losing work), and a redraw may follow a key at once, up to 60 frames a second. Ink's
 * incrementalRendering is left off: in tmux it left a stale line over the title after a scroll,
 * and it saved no measurable time (bench/review-latency.tsx).
 */
export const RENDER_OPTIONS = { exitOnCtrlC: false, patchConsole: false, maxFps: 60 } as const;

/** Rows kept free below the frame: Ink clears the whole screen on every frame that fills the terminal. */
export const SPARE_ROWS = 1;

export function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

export function ReviewApp({ initial, storage, autosaveMs = 1000, onLeave, evidence, color = true, aligner }: ReviewAppProps) {
  const [state, setState] = useState(initial);
  // Keys can arrive several to a chunk (a paste, tmux send-keys): each must see the state the one
  // before it left, so the reducer runs here, synchronously, on the latest state.
  const latest = useRef(initial);
  const dispatch = useCallback((action: ReviewAction) => {
    latest.current = reviewReducer(latest.current, action);
    setState(latest.current);
  }, []);
  const { exit: exitApp } = useApp();
  // Set once the person has said what becomes of their edits (saved, discarded, nothing to keep).
  const decided = useRef(false);
  // Where a quit goes when the pair came from a queue: set by the key that asked to leave.
  const leaving = useRef<Leave>('back');
  const inQueue = onLeave !== undefined;
  const exit = () => {
    decided.current = true;
    if (onLeave) onLeave(leaving.current, latest.current);
    else exitApp();
  };
  const { columns, rows } = useTerminalSize();
  const page = useRef(10);
  const coverage = useCoverage(state.alignment, evidence);
  // The view of the last render, for keys: Ink may draw a frame before the input handler that
  // closes over it is registered, and a key read from that frame must see what it showed.
  const drawnCoverage = useRef(coverage);
  drawnCoverage.current = coverage;

  const save = (force: boolean): boolean => {
    const now = latest.current;
    const outcome = storage.save(now.alignment, force);
    if (outcome.ok) dispatch({ type: 'saved', beads: now.alignment.beads, path: outcome.path });
    else if ('changedOnDisk' in outcome) dispatch({ type: 'set-mode', mode: { name: 'overwrite' } });
    else dispatch({ type: 'notify', message: { text: outcome.error, tone: 'error' } });
    return outcome.ok;
  };

  const run = (effect: Effect) => {
    switch (effect) {
      case 'save':
      case 'force-save':
        save(effect === 'force-save');
        return;
      case 'next-pair':
      case 'quit':
        leaving.current = effect === 'next-pair' ? 'next' : 'back';
        if (isDirty(latest.current)) dispatch({ type: 'set-mode', mode: { name: 'confirm-quit' } });
        else (storage.discardAutosave(), exit());
        return;
      case 'save-quit':
        if (save(false)) exit();
        return;
      case 'discard-quit':
        storage.discardAutosave();
        exit();
        return;
      case 'leave':
        exit();
        return;
      case 'discard-recovery':
        storage.discardAutosave();
        dispatch({ type: 'set-mode', mode: { name: 'browse' } });
        return;
      case 'next-marked':
      case 'previous-marked': {
        const now = latest.current;
        const coverage = drawnCoverage.current;
        if (!evidence) dispatch({ type: 'notify', message: { text: 'no coverage marks: the review has no evidence to find them with', tone: 'info' } });
        else if (!coverage?.fits(now.alignment)) dispatch({ type: 'notify', message: { text: 'coverage is still being worked out', tone: 'info' } });
        else dispatch({ type: 'jump-among', beads: coverage.markedBeads(now.alignment), what: 'bead with coverage marks', direction: effect === 'next-marked' ? 1 : -1 });
        return;
      }
      case 'realign-confirmed':
        if (!aligner) {
          dispatch({ type: 'notify', message: { text: 'this review has no aligner to realign with', tone: 'error' } });
          return;
        }
        // The search may take a moment on a long text: say so in this frame, search after it.
        dispatch({ type: 'notify', message: { text: 'realigning the unconfirmed beads around the confirmed…', tone: 'info' } });
        setTimeout(() => {
          try {
            dispatch({ type: 'realigned', outcome: realignUnconfirmed(latest.current.alignment, aligner) });
          } catch (error) {
            dispatch({ type: 'notify', message: { text: `realign failed: ${(error as Error).message}`, tone: 'error' } });
          }
        }, 0);
        return;
      case 'realign':
        try {
          const alignment = storage.realign();
          dispatch({ type: 'replace', alignment, inputs: storage.inputTexts?.() ?? {}, note: 'realigned from the changed inputs; w saves' });
        } catch (error) {
          dispatch({ type: 'notify', message: { text: (error as Error).message, tone: 'error' } });
        }
        return;
    }
  };

  useInput((chunk, chunkKey) => {
    for (const [input, key] of splitKeys(chunk, chunkKey)) {
      const command = commandFor(latest.current.mode.name, input, key, { pageSize: page.current, inQueue });
      if (!command) continue;
      if ('action' in command) dispatch(command.action);
      else run(command.effect);
      // Left for the queue: the rest of the chunk is not this pair's any more.
      if (decided.current) return;
    }
  });

  // Unmounted without a decision (the terminal closed, SIGTERM): keep the edits of the last moments,
  // which the quiet-time autosave below may not have written yet.
  useEffect(
    () => () => {
      if (decided.current || !isDirty(latest.current)) return;
      try {
        storage.autosave(latest.current.alignment);
      } catch {
        // Nothing is left to report to: the last autosave copy stands.
      }
    },
    [],
  );

  // A save (which removes the copy) also cancels a pending autosave, or the copy would come back.
  useEffect(() => {
    if (!isDirty(state)) return;
    const timer = setTimeout(() => {
      try {
        storage.autosave(state.alignment);
      } catch (error) {
        dispatch({ type: 'notify', message: { text: `autosave failed: ${(error as Error).message}`, tone: 'error' } });
      }
    }, autosaveMs);
    return () => clearTimeout(timer);
  }, [state.alignment.beads, state.saved]);

  const height = Math.max(4, rows - SPARE_ROWS);
  const listHeight = height - 3;
  return (
    <Box flexDirection="column" width={columns} height={height}>
      {/* The help takes the title's and the status bar's rows too: the whole keymap must fit an 80×24 terminal. */}
      {state.mode.name === 'help' ? (
        <HelpScreen width={columns} height={listHeight + 2} bindings={bindingsFor(inQueue)} />
      ) : (
        <>
          <Text wrap="truncate" bold>
            mizan review <Text color="gray">· {inert(storage.title)}</Text>
          </Text>
          <BeadList
            state={state}
            width={columns}
            height={listHeight}
            onPage={(n) => (page.current = n)}
            coverage={coverage ? { view: coverage, brackets: !color } : null}
          />
          <StatusBar state={state} width={columns} words={coverage?.fits(state.alignment) ? coverage.totals(state.alignment) : null} />
        </>
      )}
      <PromptLine state={state} {...(inQueue ? { leaving: leaving.current === 'next' ? 'open the next pair' : 'go back to the list' } : {})} />
    </Box>
  );
}
