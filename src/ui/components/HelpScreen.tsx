/**
 * The keys, drawn from the keymap table itself, so the help cannot drift from what the keys do.
 * Lines flow down one column and on into the next (a group may continue there), two columns from
 * 80 cells on and more when the screen is too short for two, so the whole table fits 80×24.
 */
import { Box, Text } from 'ink';
import { KEYMAP, type Binding } from '../input/keymap.js';

const GROUPS: Binding['group'][] = ['Move', 'Find', 'File', 'Review', 'Split', 'View'];

/** A title says what the keys alone cannot: in Arabic the mark moves as drawn, so ← reads on. */
const TITLE: Partial<Record<Binding['group'], string>> = { Split: 'Split (in Arabic, ← reads on)' };

type Line = { title: string } | { binding: Binding };

function helpLines(): Line[] {
  return GROUPS.flatMap((group) => [{ title: TITLE[group] ?? group }, ...KEYMAP.filter((b) => b.group === group).map((binding) => ({ binding }))]);
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

export function HelpScreen({ width, height }: { width: number; height: number }) {
  const keyWidth = Math.max(...KEYMAP.filter((b) => b.group !== 'Prompt').map((b) => b.keys.length)) + 1;
  const lines = helpLines();
  const rows = Math.max(1, height - 1);
  const count = Math.max(width >= 80 ? 2 : 1, Math.ceil(lines.length / rows));
  // Balanced columns, with a line to spare for a title moved on; never taller than the screen.
  const columns = flow(lines, Math.min(rows, Math.ceil(lines.length / count) + 1));
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Text bold>Keys (any key closes this help)</Text>
      <Box flexDirection="row">
        {columns.map((column, k) => (
          <Box key={k} flexDirection="column" width={Math.floor(width / columns.length)}>
            {column.map((line, j) =>
              'title' in line ? (
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
