/**
 * The marks a reader sees inside aligned sentences, from the coverage data (coverage.ts): ranges of
 * a sentence's text, in UTF-16 offsets of its logical (unshaped, unreordered) text, one kind each.
 * The review (ui/marks) and the HTML export (formats/html.ts) both draw these, so they mark the same
 * words. Pure.
 */
import type { BeadCoverage, CoverageReport, Discrepancy, PartialCoverage, Position } from './coverage.js';

/** 'gap': words with no counterpart in the other version; 'diff': a number, date or name that differs. */
export type MarkKind = 'gap' | 'diff';

export interface MarkRange {
  start: number;
  end: number;
  kind: MarkKind;
  /** What the mark means, for a tooltip. */
  title: string;
}

type Side = 'source' | 'target';
/** Marks of each side, by sentence index. */
export type SentenceMarks = Record<Side, Map<number, MarkRange[]>>;

export const MARK_TITLE: Record<MarkKind, string> = {
  gap: 'no counterpart in the other version',
  diff: 'differs from the other version',
};

/** How the marks read without colour (a terminal under NO_COLOR): each kind between its own brackets. */
export const MARK_BRACKETS: Record<MarkKind, [string, string]> = { gap: ['⟦', '⟧'], diff: ['⟪', '⟫'] };

interface BeadMarkData {
  partial: readonly Pick<PartialCoverage, 'side' | 'index' | 'spans'>[];
  discrepancies: { english: readonly Position[]; arabic: readonly Position[]; discrepancies: readonly Discrepancy[] }[];
}

function collect(data: BeadMarkData): SentenceMarks {
  const marks: SentenceMarks = { source: new Map(), target: new Map() };
  const add = (side: Side, k: number, mark: MarkRange) => {
    const list = marks[side].get(k);
    if (list) list.push(mark);
    else marks[side].set(k, [mark]);
  };
  for (const p of data.partial) for (const s of p.spans) add(p.side, p.index, { start: s.start, end: s.end, kind: 'gap', title: `${MARK_TITLE.gap} (confidence ${s.confidence.toFixed(2)})` });
  for (const d of data.discrepancies) {
    for (const x of d.discrepancies) {
      for (const [positions, mentions] of [[d.english, x.english], [d.arabic, x.arabic]] as const) {
        for (const m of mentions) {
          const at = positions[m.sentence]!;
          add(at.side, at.index, { start: m.start, end: m.end, kind: 'diff', title: `${x.kind} differs` });
        }
      }
    }
  }
  return marks;
}

/** The marks of one bead's coverage. */
export function beadMarks(coverage: BeadCoverage): SentenceMarks {
  return collect({ partial: coverage.partial, discrepancies: coverage.discrepancies ? [coverage.discrepancies] : [] });
}

/** The marks of a whole document's coverage report. */
export function reportMarks(report: CoverageReport): SentenceMarks {
  return collect({ partial: report.partial, discrepancies: report.discrepancies });
}
