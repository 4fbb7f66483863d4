/**
 * The readable listing `mizan align` prints on a terminal: each bead's number, flag and confidence,
 * then its sentences. Narrow or unknown widths stack source over target, in logical order, which
 * any terminal and any pipe can show. From MIN_COLUMNS_WIDTH cells on, the English and the Arabic
 * stand side by side (English left, Arabic right-aligned), made visual line by line (ui/text).
 */
import { alignParagraphs, type ParagraphBead } from '../core/paragraphs.js';
import { dimSymbols, inert } from '../core/text/inert.js';
import { LOW_CONFIDENCE } from '../core/review-stats.js';
import type { Alignment, Bead, Flag, SegmentedText } from '../core/types.js';
import { columnWidths, joinColumns, textColumn } from '../ui/text/columns.js';
import type { BidiMode } from '../ui/text/rtl.js';

export interface ListingOptions {
  /** ANSI colours for flags and low confidence. */
  color: boolean;
  /** Terminal width in cells; two columns from MIN_COLUMNS_WIDTH on, stacked below it or when absent. */
  width?: number;
  /** Who reorders Arabic: mizan (default) or a bidi-aware terminal such as mlterm. */
  bidi?: BidiMode;
}

/** Below this, each column is under 29 cells: too narrow for a sentence to read well. */
export const MIN_COLUMNS_WIDTH = 60;

const FLAG_COLOR: Record<Flag, string> = { aligned: '32', 'source-only': '33', 'target-only': '33', boilerplate: '90' };

function paint(text: string, code: string, color: boolean): string {
  return color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

function header(bead: Bead, k: number, color: boolean): string {
  const flag = paint(bead.flag.padEnd(11), FLAG_COLOR[bead.flag], color);
  const score = bead.score.toFixed(2);
  const shown = bead.flag !== 'boilerplate' && bead.score < LOW_CONFIDENCE ? paint(score, '31', color) : score;
  return `#${String(k + 1).padEnd(4)} ${flag} ${shown}`;
}

const span = (paragraphs: number[]) =>
  paragraphs.length === 0 ? '–' : paragraphs.length === 1 ? `${paragraphs[0]! + 1}` : `${paragraphs[0]! + 1}-${paragraphs[paragraphs.length - 1]! + 1}`;

function paragraphLine(p: ParagraphBead, alignment: Alignment, color: boolean): string {
  const text = `¶ ${alignment.source.lang.toUpperCase()} ${span(p.source)} · ${alignment.target.lang.toUpperCase()} ${span(p.target)}  ${p.flag}`;
  return paint(text, '2', color);
}

/** English left, Arabic right, whichever of them is the source. */
function sides(alignment: Alignment, bead: Bead): [SegmentedText, number[], SegmentedText, number[]] {
  const { source, target } = alignment;
  return source.lang === 'ar' && target.lang !== 'ar' ? [target, bead.target, source, bead.source] : [source, bead.source, target, bead.target];
}

function columns(alignment: Alignment, bead: Bead, width: number, mode: BidiMode): string[] {
  const [left, leftIndices, right, rightIndices] = sides(alignment, bead);
  const [leftWidth, rightWidth] = columnWidths(width);
  // Each sentence starts a new line of its column, so a 1-2 bead shows where the two sentences meet.
  const column = (text: SegmentedText, indices: number[], w: number) =>
    indices.flatMap((i) => textColumn(inert(text.segments[i]!.text), w, text.lang === 'ar', mode));
  return joinColumns(column(left, leftIndices, leftWidth), leftWidth, column(right, rightIndices, rightWidth));
}

export function formatListing(alignment: Alignment, options: ListingOptions): string {
  const { source, target } = alignment;
  const out: string[] = [];
  const label = (lang: string) => lang.toUpperCase();
  const width = options.width ?? 0;
  const twoColumns = width >= MIN_COLUMNS_WIDTH;
  const paragraphs = alignParagraphs(alignment);
  const groupOf = new Map<string, number>();
  paragraphs.forEach((p, g) => {
    for (const n of p.source) groupOf.set(`s${n}`, g);
    for (const n of p.target) groupOf.set(`t${n}`, g);
  });
  let shown = -1;
  alignment.beads.forEach((bead, k) => {
    const first = bead.source[0] !== undefined ? `s${source.segments[bead.source[0]]!.paragraph}` : `t${target.segments[bead.target[0]!]!.paragraph}`;
    const group = groupOf.get(first) ?? shown;
    // Chrome needs no paragraph heading of its own: its beads say "boilerplate" already.
    if (group !== shown && paragraphs[group]!.flag !== 'boilerplate') out.push(paragraphLine(paragraphs[group]!, alignment, options.color));
    shown = group;
    out.push(header(bead, k, options.color));
    if (twoColumns) {
      out.push(...columns(alignment, bead, width, options.bidi ?? 'mizan'));
      return;
    }
    // Text as read may hold controls; inert (core/text/inert.ts) shows them instead of sending them.
    for (const i of bead.source) out.push(`   ${label(source.lang)} ${inert(source.segments[i]!.text)}`);
    for (const j of bead.target) out.push(`   ${label(target.lang)} ${inert(target.segments[j]!.text)}`);
  });
  const count = (flag: Flag) => alignment.beads.filter((b) => b.flag === flag).length;
  out.push(
    '',
    `${alignment.beads.length} beads: ${count('aligned')} aligned, ${count('source-only')} source-only, ` +
      `${count('target-only')} target-only, ${count('boilerplate')} boilerplate`,
  );
  const text = out.join('\n') + '\n';
  // After reordering: the symbols' SGR codes must not pass through the bidi algorithm.
  return options.color ? dimSymbols(text) : text;
}
