/**
 * The review's coverage view (coverage-view.ts), kept in step with the segmentation. Making one
 * tokenises the whole document (some 0.6 s at 10,000 beads; with the word links of coverage/word-links.ts the marks of the first screen follow some 3 s later on a loaded 2-core box), so it is made after the frame is
 * drawn, not before: the review opens (or shows a split) at once, and its marks and word figures
 * follow a moment later. Until then the view in hand does not fit the segments and nothing is marked.
 */
import { useEffect, useState } from 'react';
import type { Evidence } from '../../core/evidence.js';
import type { Alignment } from '../../core/types.js';
import { coverageView, type CoverageView } from './coverage-view.js';

export function useCoverage(alignment: Alignment, evidence: Evidence | undefined): CoverageView | null {
  const [view, setView] = useState<CoverageView | null>(null);
  const { source, target } = alignment;
  useEffect(() => {
    if (!evidence || view?.fits(alignment)) return;
    const timer = setTimeout(() => {
      let made: CoverageView;
      try {
        made = coverageView(alignment, evidence, view);
        // The figures over every bead, while nothing is being drawn; later edits move them bead by bead.
        made.totals(alignment);
      } catch {
        return; // Not an English–Arabic pair: the review goes on without marks.
      }
      setView(made);
    }, 0);
    return () => clearTimeout(timer);
  }, [evidence, source.segments, target.segments]);
  return view;
}
