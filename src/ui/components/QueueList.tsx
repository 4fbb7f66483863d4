/**
 * The queue list of `mizan review DIR`: one line per alignment, in the order that needs a look
 * first, with the figures it is sorted by and its review progress; above it the progress over the
 * whole corpus. Only the lines that fit are drawn, so a folder of hundreds stays quick.
 */
import { Box, Text } from 'ink';
import { useRef } from 'react';
import { corpusProgress, isDone, unconfirmedShare, type QueueEntry } from '../../core/review-queue.js';
import { inert } from '../../core/text/inert.js';
import { cursorIndex, type QueueState } from '../state/queue-reducer.js';
import { CURSOR_MARK, DIM, ERROR_COLOR } from '../theme.js';

/** The figure columns, right of the name: label and width. */
const COLUMNS = [
  ['1-sided', 8],
  ['low', 5],
  ['uncovered', 11],
  ['unconf', 7],
  ['reviewed', 12],
] as const;
const FIGURES_WIDTH = COLUMNS.reduce((sum, [, w]) => sum + w, 0);
const GUTTER = 2;

const cell = (text: string, k: number) => text.padStart(COLUMNS[k]![1]);
const percentOf = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((100 * part) / whole));

function uncoveredCell(entry: QueueEntry): string {
  const { uncovered } = entry;
  if (uncovered.state === 'pending') return '…';
  if (uncovered.state === 'failed') return '?';
  return `${uncovered.words} (${percentOf(uncovered.words, uncovered.total)}%)`;
}

function fitName(name: string, width: number): string {
  const safe = inert(name);
  const chars = [...safe];
  return (chars.length > width ? chars.slice(0, Math.max(1, width - 1)).join('') + '…' : safe).padEnd(width);
}

function EntryLine({ entry, selected, nameWidth }: { entry: QueueEntry; selected: boolean; nameWidth: number }) {
  const mark = <Text color="cyan">{selected ? `${CURSOR_MARK} ` : '  '}</Text>;
  const name = fitName(entry.name, nameWidth);
  const figures = entry.figures;
  if (!figures) {
    return (
      <Text wrap="truncate" bold={selected}>
        {mark}
        {name}
        <Text color={ERROR_COLOR}> unreadable: {inert(entry.unreadable ?? 'not an alignment')}</Text>
      </Text>
    );
  }
  const done = isDone(figures);
  return (
    <Text wrap="truncate" bold={selected}>
      {mark}
      {name}
      <Text color={figures.oneSided > 0 ? 'yellow' : undefined}>{cell(String(figures.oneSided), 0)}</Text>
      <Text color={figures.lowConfidence > 0 ? 'red' : undefined}>{cell(String(figures.lowConfidence), 1)}</Text>
      <Text color={entry.uncovered.state === 'done' ? undefined : DIM}>{cell(uncoveredCell(entry), 2)}</Text>
      <Text>{cell(`${Math.round(100 * unconfirmedShare(figures))}%`, 3)}</Text>
      <Text color={done ? 'green' : undefined}>{cell(`${done ? '✓ ' : ''}${figures.reviewed}/${figures.beads}`, 4)}</Text>
    </Text>
  );
}

export interface QueueListProps {
  state: QueueState;
  width: number;
  height: number;
  /** Told how many files the frame showed, so PgDn can move by a page. */
  onPage?: (shown: number) => void;
}

export function QueueList({ state, width, height, onPage }: QueueListProps) {
  const progress = corpusProgress(state.entries);
  const top = useRef(0);
  const listHeight = Math.max(1, height - 3);
  const cursor = cursorIndex(state);
  // Keep the cursor on screen, moving the view as little as possible.
  if (cursor < top.current) top.current = cursor;
  if (cursor >= top.current + listHeight) top.current = cursor - listHeight + 1;
  top.current = Math.max(0, Math.min(top.current, Math.max(0, state.entries.length - listHeight)));
  onPage?.(Math.max(1, listHeight - 1));
  const nameWidth = Math.max(8, width - GUTTER - FIGURES_WIDTH);
  const shown = state.entries.slice(top.current, top.current + listHeight);
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        <Text inverse>{` reviewed ${progress.reviewed}/${progress.beads} beads (${percentOf(progress.reviewed, progress.beads)}%) `}</Text>
        <Text color="green"> files done {progress.filesDone}/{progress.files - progress.unreadable}</Text>
        {progress.unreadable > 0 ? <Text color={ERROR_COLOR}> · {progress.unreadable} unreadable</Text> : null}
      </Text>
      <Text wrap="truncate" color={DIM}>
        {progress.coveragePending > 0
          ? `uncovered words: working out ${progress.coveragePending} of ${progress.files - progress.unreadable} files (… until then)`
          : 'uncovered words: all worked out'}
      </Text>
      <Text wrap="truncate" color={DIM}>
        {'  ' + 'file'.padEnd(nameWidth) + COLUMNS.map(([label], k) => cell(label, k)).join('')}
      </Text>
      {shown.map((entry, k) => (
        <EntryLine key={k} entry={entry} selected={top.current + k === cursor} nameWidth={nameWidth} />
      ))}
    </Box>
  );
}
