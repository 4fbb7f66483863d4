/**
 * The keys, drawn from the keymap table itself, so the help cannot drift from what the keys do.
 * Two columns from 80 cells on, so the whole table fits an 80×24 terminal.
 */
import { Box, Text } from 'ink';
import { MARK_BRACKETS } from '../../core/marks.js';
import { KEYMAP, type Binding } from '../input/keymap.js';
import { MARK_STYLE } from '../theme.js';

const COLUMNS: Binding['group'][][] = [
  ['Move', 'Find', 'File'],
  ['Review', 'View'],
];

function Group({ name, keyWidth }: { name: Binding['group']; keyWidth: number }) {
  return (
    <Box flexDirection="column">
      <Text bold color="cyan">
        {name}
      </Text>
      {KEYMAP.filter((b) => b.group === name).map((b) => (
        <Text key={b.keys + b.description} wrap="truncate">
          {`  ${b.keys.padEnd(keyWidth)}${b.description}`}
        </Text>
      ))}
    </Box>
  );
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

export function HelpScreen({ width, height }: { width: number; height: number }) {
  const keyWidth = Math.max(...KEYMAP.filter((b) => b.group !== 'Prompt').map((b) => b.keys.length)) + 1;
  const columns = width >= 80 ? COLUMNS : [COLUMNS.flat()];
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Text bold>Keys (any key closes this help)</Text>
      <Box flexDirection="row">
        {columns.map((groups, k) => (
          <Box key={k} flexDirection="column" width={Math.floor(width / columns.length)}>
            {groups.map((g) => (
              <Group key={g} name={g} keyWidth={keyWidth} />
            ))}
            {k === columns.length - 1 ? <MarkLegend /> : null}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
