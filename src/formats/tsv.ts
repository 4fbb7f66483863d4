/**
 * TSV: one bead a line, `source<TAB>target<TAB>flag<TAB>score<TAB>status`, the sentences of a side
 * joined by a space. Tabs, newlines and backslashes inside text are escaped as \t, \n and \\ (the
 * convention of PostgreSQL's COPY and of Moses tools), so every line splits into exactly five fields.
 */
import type { Alignment } from '../core/types.js';
import { roundScore } from './jsonl.js';

export function escapeTsvField(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\r?\n|\r/g, '\\n');
}

export function formatTsv(alignment: Alignment): string {
  const text = (side: 'source' | 'target', indices: number[]) =>
    escapeTsvField(indices.map((k) => alignment[side].segments[k]!.text).join(' '));
  const lines = ['source\ttarget\tflag\tscore\tstatus'];
  for (const bead of alignment.beads) {
    lines.push([text('source', bead.source), text('target', bead.target), bead.flag, roundScore(bead.score), bead.status].join('\t'));
  }
  return lines.join('\n') + '\n';
}
