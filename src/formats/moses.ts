/**
 * Moses parallel text: two plain files, line k of one the translation of line k of the other, as
 * Moses, fairseq and most MT toolkits read them. A bead is one line; a missing side (one-sided
 * beads, when exported) is an empty line, so the files stay line-aligned.
 */
import type { Alignment } from '../core/types.js';
import { exportedBeads, sideText, type ExportOptions } from './export-filter.js';

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export function formatMoses(alignment: Alignment, options: ExportOptions): { source: string; target: string } {
  const beads = exportedBeads(alignment, options);
  const side = (name: 'source' | 'target') => beads.map((bead) => oneLine(sideText(alignment, bead, name)) + '\n').join('');
  return { source: side('source'), target: side('target') };
}
