/**
 * vecalign's alignment ("ladder") format: one bead a line, `[3, 4]:[5]:0.42`, where the lists are
 * 0-based segment indices of source and target and the optional third field is a score.
 * `[]:[6]` is a target-only segment, `[2]:[]` a source-only one.
 *
 * Followed from vecalign's dp_utils.py (github.com/thompsonb/vecalign):
 *  - print_alignments writes `'%s:%s' % (x, y)` or `'%s:%s:%.6f' % (x, y, s)`; Python's str() of a
 *    list gives `[3, 4]` and `[]`, so we write lists the same way (comma and one space).
 *  - read_alignments splits on ':', drops empty fields and literal_eval's the first two; it ignores
 *    the score (so `[1]:[2]:` reads too, and we accept it).
 * We keep the score on input (the review UI and `mizan eval` may show it) and write it rounded to
 * at most 4 decimals (at least 2): vecalign's 6 decimals promise a precision no aligner of ours has.
 * Unlike vecalign we skip blank lines (editors leave a trailing one) instead of raising.
 */
import type { LadderBead } from '../core/types.js';

/** A bracketed list of non-negative integers, as Python writes it; a trailing comma is allowed. */
const LIST = String.raw`\[\s*((?:\d+\s*,\s*)*\d+\s*,?)?\s*\]`;
const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const LINE = new RegExp(String.raw`^\s*${LIST}\s*:\s*${LIST}\s*(?::\s*(${NUMBER})?\s*)?$`);

function parseList(body: string | undefined): number[] {
  if (body === undefined) return [];
  return body
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => Number(part));
}

/** Shortens a line for an error message, so a binary file does not flood the terminal. */
function excerpt(line: string): string {
  const trimmed = line.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}...` : trimmed;
}

/**
 * Parses ladder text. Throws an Error naming the 1-based line number and the offending content on a
 * malformed line. A bead empty on both sides (`[]:[]`) parses, as in vecalign; the scorer drops it.
 */
export function parseLadder(text: string): LadderBead[] {
  const beads: LadderBead[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const match = LINE.exec(line);
    if (!match) {
      throw new Error(
        `line ${i + 1}: expected a ladder bead like "[3, 4]:[5]:0.42", got "${excerpt(line)}"`,
      );
    }
    const bead: LadderBead = { source: parseList(match[1]), target: parseList(match[2]) };
    if (match[3] !== undefined) {
      const score = Number(match[3]);
      if (!Number.isFinite(score)) {
        throw new Error(`line ${i + 1}: score is not a finite number in "${excerpt(line)}"`);
      }
      bead.score = score;
    }
    beads.push(bead);
  }
  return beads;
}

/** At most 4 decimals, at least 2: 0.42 → "0.42", 0.8 → "0.80", 0.123456 → "0.1235". */
export function formatScore(score: number): string {
  const [whole, decimals = ''] = score.toFixed(4).split('.');
  return `${whole}.${decimals.replace(/0+$/, '').padEnd(2, '0')}`;
}

function formatList(indices: readonly number[]): string {
  return `[${indices.join(', ')}]`;
}

/** One line a bead, each ending in a newline (as print() does), in the order given. */
export function formatLadder(beads: readonly LadderBead[]): string {
  return beads
    .map((bead) => {
      const lists = `${formatList(bead.source)}:${formatList(bead.target)}`;
      // A non-finite score would make a line no reader accepts: drop it rather than write it.
      const scored = bead.score !== undefined && Number.isFinite(bead.score);
      return scored ? `${lists}:${formatScore(bead.score as number)}\n` : `${lists}\n`;
    })
    .join('');
}
