/** The beads that fit on screen, the cursor bead marked in the gutter. Only visible beads are laid out. */
import { Box, Text } from 'ink';
import { useMemo, useRef } from 'react';
import { beadRows, type Row } from '../layout/bead-rows.js';
import type { CoverageView } from '../marks/coverage-view.js';
import { scrollTop, visibleRange } from '../layout/viewport.js';
import { visibleBeads, type ReviewState } from '../state/review-state.js';
import { splitMark } from '../state/split-mode.js';
import { CURSOR_MARK, MARK_STYLE, MATCH_COLOR } from '../theme.js';

export interface BeadListProps {
  state: ReviewState;
  width: number;
  height: number;
  /** Told how many beads the frame showed, so PgDn can move by a page. */
  onPage?: (beadsShown: number) => void;
  /** Coverage for the marks inside aligned beads (drawn while state.marks is on), when there is any. */
  coverage?: ListCoverage | null;
}

export interface ListCoverage {
  view: CoverageView;
  /** No colour: marks as brackets. */
  brackets: boolean;
}

const GUTTER = 2;

function RowLine({ row, marked, match }: { row: Row; marked: boolean; match: boolean }) {
  return (
    <Text wrap="truncate" dimColor={row.dim === true}>
      <Text color="cyan">{marked ? `${CURSOR_MARK} ` : '  '}</Text>
      {row.spans.map((span, k) => {
        const mark = span.mark ? MARK_STYLE[span.mark] : undefined;
        return (
          <Text
            key={k}
            color={mark?.color ?? span.color}
            backgroundColor={mark?.backgroundColor}
            bold={span.bold === true || mark?.bold === true || (marked && (k === 0 || row.body === true))}
            dimColor={span.dim === true || undefined}
            inverse={span.marked === true || undefined}
            underline={span.marked === true || undefined}
          >
            {span.text}
          </Text>
        );
      })}
      {match ? <Text color={MATCH_COLOR}> ⌕</Text> : null}
    </Text>
  );
}

/** The marks of bead `k` to draw, or nothing: marks off, coverage not (yet) made for these segments, or none in the bead. */
function rowMarks(state: ReviewState, k: number, coverage: ListCoverage | null | undefined) {
  if (!state.marks || !coverage || !coverage.view.fits(state.alignment)) return undefined;
  const info = coverage.view.bead(state.alignment, k);
  if (!info.marked) return undefined;
  return { key: `marks${coverage.view.version}${coverage.brackets ? '[]' : ''}`, marks: info.marks, brackets: coverage.brackets };
}

export function BeadList({ state, width, height, onPage, coverage }: BeadListProps) {
  const { alignment, cursor, bidi } = state;
  const visible = useMemo(() => visibleBeads(state), [alignment.beads, state.flaggedOnly, state.flaggedOnly && cursor]);
  const matches = useMemo(() => new Set(state.search?.matches ?? []), [state.search]);
  const top = useRef(0);
  const textWidth = Math.max(10, width - GUTTER);
  const mark = splitMark(state);
  // The marked bead is laid out afresh (not cached), so lay it out once a frame, not once a question.
  const marked = new Map<number, Row[]>();
  const rowsAt = (p: number): Row[] => {
    if (!mark || visible[p] !== cursor) return beadRows(alignment, visible[p]!, textWidth, bidi, rowMarks(state, visible[p]!, coverage));
    const rows = marked.get(p) ?? beadRows(alignment, visible[p]!, textWidth, bidi, undefined, mark);
    marked.set(p, rows);
    return rows;
  };
  const position = Math.max(0, visible.indexOf(cursor));
  top.current = scrollTop({ count: visible.length, cursor: position, top: top.current, height, rowsAt: (p) => rowsAt(p).length });
  const shown = visibleRange(top.current, visible.length, height, (p) => rowsAt(p).length);
  onPage?.(Math.max(1, shown.length - 1));
  const lines = shown.flatMap((p) => rowsAt(p).map((row) => ({ row, bead: visible[p]! })));
  return (
    // No overflow clipping: the rows are cut to the height here and laid out to the width already,
    // and Ink's clipping would slice every line of every frame again.
    <Box flexDirection="column" height={height}>
      {/* Keyed by screen line, not by bead: scrolling or renumbering then updates the text of
          the same Ink nodes instead of replacing every node (and its layout node) on screen. */}
      {lines.slice(0, height).map(({ row, bead }, line) => (
        <RowLine key={line} row={row} marked={bead === cursor} match={matches.has(bead)} />
      ))}
    </Box>
  );
}
