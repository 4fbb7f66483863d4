/**
 * The keys, drawn from the keymap table itself, so the help cannot drift from what the keys do.
 * Lines flow down one column and on into the next (a group may continue there), two columns from
 * 80 cells on and more when the screen is too short for two, so the whole table fits 80×24. The
 * queue list (`mizan review DIR`) draws its own table through the same screen.
 */
import { Box, Text } from 'ink';
import { MARK_BRACKETS } from '../../core/marks.js';
import { bindingsFor } from '../input/keymap.js';
import { MARK_STYLE } from '../theme.js';

/** One line of the table: the pair's keymap and the queue's share this shape. */
interface HelpEntry {
  keys: string;
  description: string;
  group: string;
}

/** The pair's groups in order (a pair opened from a queue has its queue keys under File). */
const GROUPS = ['Move', 'Find', 'File', 'Review', 'Split', 'View'];

/** A title says what the keys alone cannot: in Arabic the mark moves as drawn, so ← reads on. */
const TITLE: Partial<Record<string, string>> = { Split: 'Split (in Arabic, ← reads on)' };

type Line = { title: string } | { binding: HelpEntry } | { legend: true };

/** Each group with keys, its title first; a group without keys here is left out. */
function helpLines(bindings: readonly HelpEntry[], groups: readonly string[]): Line[] {
  return groups.flatMap((group) => {
    const members = bindings.filter((b) => b.group === group);
    return members.length === 0 ? [] : [{ title: TITLE[group] ?? group }, ...members.map((binding) => ({ binding }))];
  });
}

/** What the coverage marks mean: colour where there is colour, and the brackets drawn without it. */
function MarkLegend() {
  return (
    <Text wrap="truncate">
      {'  marks: '}
      <Text {...MARK_STYLE.gap}>uncovered</Text>
      {` ${MARK_BRACKETS.gap.join('…')} `}
      <Text {...MARK_STYLE.diff}>differs</Text>
      {` ${MARK_BRACKETS.diff.join('…')}`}
    </Text>
  );
}

/** Cut the lines into columns of `rows`; a group title never ends a column, away from its keys. */
function flow(lines: Line[], rows: number): Line[][] {
  const columns: Line[][] = [[]];
  for (const [k, line] of lines.entries()) {
    let column = columns[columns.length - 1]!;
    const orphan = 'title' in line && column.length === rows - 1 && k < lines.length - 1;
    if (column.length >= rows || orphan) columns.push((column = []));
    column.push(line);
  }
  return columns;
}

export interface HelpScreenProps {
  width: number;
  height: number;
  /** The table to draw: by default the keys of a pair reviewed on its own. */
  bindings?: readonly HelpEntry[];
  /** Which groups, in order (the queue list draws only its own). */
  groups?: readonly string[];
  /** Whether the legend of the coverage marks ends the table (a pair's help; not the queue list's). */
  legend?: boolean;
}

export function HelpScreen({ width, height, bindings = bindingsFor(false), groups = GROUPS, legend = true }: HelpScreenProps) {
  const keyWidth = Math.max(...bindings.filter((b) => b.group !== 'Prompt').map((b) => b.keys.length)) + 1;
  const lines: Line[] = [...helpLines(bindings, groups), ...(legend ? [{ legend: true as const }] : [])];
  const rows = Math.max(1, height - 1);
  const count = Math.max(width >= 80 ? 2 : 1, Math.ceil(lines.length / rows));
  // The shortest balanced columns that hold every line (a title moved on costs one), never taller than the screen.
  let tall = Math.ceil(lines.length / count);
  while (tall < rows && flow(lines, tall).length > count) tall++;
  const columns = flow(lines, Math.min(rows, tall));
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Text bold wrap="truncate">mizan review · Keys (any key closes this help)</Text>
      <Box flexDirection="row">
        {columns.map((column, k) => (
          <Box key={k} flexDirection="column" width={Math.floor(width / columns.length)}>
            {column.map((line, j) =>
              'legend' in line ? (
                <MarkLegend key={j} />
              ) : 'title' in line ? (
                <Text key={j} bold color="cyan" wrap="truncate">
                  {line.title}
                </Text>
              ) : (
                <Text key={j} wrap="truncate">
                  {`  ${line.binding.keys.padEnd(keyWidth)}${line.binding.description}`}
                </Text>
              ),
            )}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
