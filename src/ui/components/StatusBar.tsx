/**
 * One line of figures a reviewer watches: where, how many of each kind, how much is covered,
 * unsaved changes. Below WIDE cells the figures a reviewer acts on less (boilerplate, auto, the help hint) give way.
 */
import { Text } from 'ink';
import { useMemo } from 'react';
import { percent, reviewStats } from '../../core/review-stats.js';
import type { WordTotals } from '../marks/coverage-view.js';
import { isDirty, type ReviewState } from '../state/review-state.js';
import { FLAG_COLOR, STATUS_COLOR } from '../theme.js';

const WIDE = 140;

const wordPercent = (count: { matched: number; total: number }) => percent({ covered: count.matched, total: count.total });

/**
 * With word figures (content words with a counterpart, per side, as `mizan coverage` counts them),
 * a narrow bar puts coverage before the review counts, so what is cut at the end is the counts:
 * "EN 100% 68%w" is sentences, then words.
 */
export function StatusBar({ state, width, words }: { state: ReviewState; width: number; words?: WordTotals | null }) {
  const { alignment } = state;
  const stats = useMemo(() => reviewStats(alignment.beads), [alignment.beads]);
  const [en, ar] = alignment.source.lang === 'en' ? (['source', 'target'] as const) : (['target', 'source'] as const);
  const wide = width >= WIDE;
  const sentences = (side: 'source' | 'target') => percent(stats[`${side}Coverage`]);
  const narrowCoverage = words ? `EN ${sentences(en)}% ${wordPercent(words[en])}%w AR ${sentences(ar)}% ${wordPercent(words[ar])}%w` : '';
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
      {words && !wide ? <Text> │ {narrowCoverage}</Text> : null}
      <Text> │</Text>
      <Text color={STATUS_COLOR.confirmed}> {stats.statuses.confirmed} confirmed</Text>
      <Text color={STATUS_COLOR.edited}> {stats.statuses.edited} edited</Text>
      {wide ? <Text> {stats.statuses.auto} auto</Text> : null}
      {words && !wide ? null : (
        <Text>
          {' '}
          │ {wide ? 'covered ' : ''}EN {sentences(en)}% AR {sentences(ar)}%{words ? ` · words EN ${wordPercent(words[en])}% AR ${wordPercent(words[ar])}%` : ''}
        </Text>
      )}
      {wide ? <Text color="gray"> │ ? help</Text> : null}
    </Text>
  );
}
