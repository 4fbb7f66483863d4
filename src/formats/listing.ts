/**
 * The readable listing `mizan align` prints on a terminal: each bead's number, flag and confidence,
 * then its source and target sentences one under the other. Stacking (rather than two columns)
 * keeps Arabic in logical order, which every terminal can show, since no column has to be reordered.
 */
import type { Alignment, Bead, Flag } from '../core/types.js';

export interface ListingOptions {
  /** ANSI colours for flags and low confidence. */
  color: boolean;
}

const FLAG_COLOR: Record<Flag, string> = { aligned: '32', 'source-only': '33', 'target-only': '33', boilerplate: '90' };
const LOW_CONFIDENCE = 0.6;

function paint(text: string, code: string, color: boolean): string {
  return color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

function header(bead: Bead, k: number, color: boolean): string {
  const flag = paint(bead.flag.padEnd(11), FLAG_COLOR[bead.flag], color);
  const score = bead.score.toFixed(2);
  const shown = bead.flag !== 'boilerplate' && bead.score < LOW_CONFIDENCE ? paint(score, '31', color) : score;
  return `#${String(k + 1).padEnd(4)} ${flag} ${shown}`;
}

export function formatListing(alignment: Alignment, options: ListingOptions): string {
  const { source, target } = alignment;
  const out: string[] = [];
  const label = (lang: string) => lang.toUpperCase();
  alignment.beads.forEach((bead, k) => {
    out.push(header(bead, k, options.color));
    for (const i of bead.source) out.push(`   ${label(source.lang)} ${source.segments[i]!.text}`);
    for (const j of bead.target) out.push(`   ${label(target.lang)} ${target.segments[j]!.text}`);
  });
  const count = (flag: Flag) => alignment.beads.filter((b) => b.flag === flag).length;
  out.push(
    '',
    `${alignment.beads.length} beads: ${count('aligned')} aligned, ${count('source-only')} source-only, ` +
      `${count('target-only')} target-only, ${count('boilerplate')} boilerplate`,
  );
  return out.join('\n') + '\n';
}
