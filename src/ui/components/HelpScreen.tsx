/**
 * The keys, drawn from the keymap table itself, so the help cannot drift from what the keys do.
 * Two columns from 80 cells on, so the whole table fits an 80×24 terminal. The queue list
 * (`mizan review DIR`) draws its own table through the same screen.
 */
import { Box, Text } from 'ink';
import { bindingsFor } from '../input/keymap.js';

interface HelpEntry {
  keys: string;
  description: string;
  group: string;
}

/** The pair's groups; `Queue` only shows for a pair opened from a queue. */
const COLUMNS: string[][] = [
  ['Move', 'Find', 'File'],
  ['Review', 'View', 'Queue'],
];

function Group({ name, bindings, keyWidth }: { name: string; bindings: readonly HelpEntry[]; keyWidth: number }) {
  const members = bindings.filter((b) => b.group === name);
  if (members.length === 0) return null;
  return (
    <Box flexDirection="column">
      <Text bold color="cyan">
        {name}
      </Text>
      {members.map((b) => (
        <Text key={b.keys + b.description} wrap="truncate">
          {`  ${b.keys.padEnd(keyWidth)}${b.description}`}
        </Text>
      ))}
    </Box>
  );
}

export interface HelpScreenProps {
  width: number;
  height: number;
  /** The table to draw: by default the keys of a pair reviewed on its own. */
  bindings?: readonly HelpEntry[];
  /** Groups per column at 80 cells and wider. */
  layout?: string[][];
}

export function HelpScreen({ width, height, bindings = bindingsFor(false), layout = COLUMNS }: HelpScreenProps) {
  const keyWidth = Math.max(...bindings.filter((b) => b.group !== 'Prompt').map((b) => b.keys.length)) + 1;
  const columns = width >= 80 ? layout : [layout.flat()];
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Text bold>Keys (any key closes this help)</Text>
      <Box flexDirection="row">
        {columns.map((groups, k) => (
          <Box key={k} flexDirection="column" width={Math.floor(width / columns.length)}>
            {groups.map((g) => (
              <Group key={g} name={g} bindings={bindings} keyWidth={keyWidth} />
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
