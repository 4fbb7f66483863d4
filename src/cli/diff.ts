/** `mizan diff OLD.json NEW.json`: what a review (or a re-alignment) changed. */
import { parseArgs } from 'node:util';
import { diffAlignments, diffSummaryLine, type BeadRef } from '../core/alignment-diff.js';
import { dimSymbols, inert, jsonInert } from '../core/text/inert.js';
import type { Alignment } from '../core/types.js';
import { readAlignment } from './alignment-input.js';
import { CliError, oneLine, UsageError } from './errors.js';
import { colorOn } from './terminal.js';

export const DIFF_HELP = `Usage: mizan diff OLD.json NEW.json [--json] [--exit-code]

Show what changed between two saved alignments of the same texts: sentences linked,
pairs unlinked, beads merged or split, sentences realigned, flags changed (e.g. marked
boilerplate) and beads confirmed or edited.

Options:
  --json        print the changes as JSON
  --exit-code   exit with 1 when the alignments differ (as git diff --exit-code does);
                otherwise the exit status is 0 whatever the differences
  -h, --help    show this help
`;

const EXCERPT = 60;

/** A sentence cut to EXCERPT characters, made inert first so the cut counts what is shown. */
function excerpt(raw: string): string {
  const text = inert(raw);
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
}

function beadLine(bead: BeadRef, alignment: Alignment): string[] {
  const head = `    #${bead.index + 1} [${bead.source.join(', ')}]:[${bead.target.join(', ')}] ${bead.flag}, ${bead.status}`;
  const lines = [head];
  for (const side of ['source', 'target'] as const) {
    for (const k of bead[side]) lines.push(`      ${alignment[side].lang.toUpperCase()} ${excerpt(alignment[side].segments[k]!.text)}`);
  }
  return lines;
}

export async function diffCommand(argv: string[], out: NodeJS.WritableStream & { isTTY?: boolean }): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      'exit-code': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    out.write(DIFF_HELP);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError('diff takes two saved alignments: OLD.json NEW.json');
  const before = readAlignment(positionals[0]!);
  const after = readAlignment(positionals[1]!);
  let diff;
  try {
    diff = diffAlignments(before.alignment, after.alignment);
  } catch (error) {
    throw new CliError(`${positionals[0]} and ${positionals[1]}: ${oneLine(error)}`);
  }
  if (values.json) {
    out.write(jsonInert(JSON.stringify(diff, null, 1)) + '\n');
  } else {
    const lines: string[] = [];
    if (before.file.source.sha256 !== after.file.source.sha256 || before.file.target.sha256 !== after.file.target.sha256) {
      lines.push('note: the input files were different (sha256) though they segment to the same text');
    }
    for (const change of diff.changes) {
      lines.push(`${change.kind}:`, '  old', ...change.old.flatMap((b) => beadLine(b, before.alignment)), '  new', ...change.new.flatMap((b) => beadLine(b, after.alignment)));
    }
    lines.push(diffSummaryLine(diff));
    const text = lines.join('\n') + '\n';
    out.write(colorOn(out) ? dimSymbols(text) : text);
  }
  return values['exit-code'] && diff.changes.length > 0 ? 1 : 0;
}
