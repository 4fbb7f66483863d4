/**
 * One line of figures a reviewer watches: where, how many of each kind, how much is covered,
 * unsaved changes. Below WIDE cells the figures a reviewer acts on less (boilerplate, auto, the help hint) give way.
 */
import { Text } from 'ink';
import { useMemo } from 'react';
import { percent, reviewStats } from '../../core/review-stats.js';
import { isDirty, type ReviewState } from '../state/review-state.js';
import { FLAG_COLOR, STATUS_COLOR } from '../theme.js';

const WIDE = 140;

export function StatusBar({ state, width }: { state: ReviewState; width: number }) {
  const { alignment } = state;
  const stats = useMemo(() => reviewStats(alignment.beads), [alignment.beads]);
  const [en, ar] = alignment.source.lang === 'en' ? (['source', 'target'] as const) : (['target', 'source'] as const);
  const wide = width >= WIDE;
  return (
    <Text wrap="truncate">
      <Text inverse>{` ${state.cursor + 1}/${alignment.beads.length} `}</Text>
      {isDirty(state) ? (
        <Text color="yellow" bold>
          {' '}
          ● unsaved
        </Text>
      ) : null}
      {state.flaggedOnly ? <Text color="yellow"> filtered</Text> : null}
      <Text color={FLAG_COLOR.aligned}> {stats.flags.aligned} aligned</Text>
      <Text color={FLAG_COLOR['source-only']}>
        {' '}
        {stats.flags[`${en}-only`]} EN-only {stats.flags[`${ar}-only`]} AR-only
      </Text>
      {wide ? <Text color={FLAG_COLOR.boilerplate}> {stats.flags.boilerplate} boilerplate</Text> : null}
      <Text> │</Text>
      <Text color={STATUS_COLOR.confirmed}> {stats.statuses.confirmed} confirmed</Text>
      <Text color={STATUS_COLOR.edited}> {stats.statuses.edited} edited</Text>
      {wide ? <Text> {stats.statuses.auto} auto</Text> : null}
      <Text>
        {' '}
        │ {wide ? 'covered ' : ''}EN {percent(stats[`${en}Coverage`])}% AR {percent(stats[`${ar}Coverage`])}%
      </Text>
      {wide ? <Text color="gray"> │ ? help</Text> : null}
    </Text>
  );
}
