/** `mizan coverage ALIGNMENT.json`: how completely each version covers the other. */
import { parseArgs } from 'node:util';
import { coverageReport } from '../core/coverage.js';
import { DEFAULT_MIN_CONFIDENCE } from '../core/coverage/partial.js';
import { jsonInert } from '../core/text/inert.js';
import { formatCoverageText } from '../formats/coverage-text.js';
import { toVisual } from '../ui/text/rtl.js';
import { readAlignment } from './alignment-input.js';
import { CliError, oneLine, UsageError } from './errors.js';
import { loadEvidence } from './evidence-file.js';
import { colorOn } from './terminal.js';

export const COVERAGE_HELP = `Usage: mizan coverage ALIGNMENT.json [--json] [--min-coverage RATIO] [--min-confidence C]

Report how completely each version of a saved alignment covers the other:
  - sentences and words covered, per side, per paragraph and overall: a sentence is
    covered when it is in an aligned bead; boilerplate is left out of the counts and
    reported apart; "matched words" are the content words of aligned sentences that
    find a counterpart in their bead;
  - every sentence only one version has, with its paragraph and sentence number;
  - inside aligned beads, uncovered spans: runs of two or more content words with no
    counterpart in the other side of the bead (the aligner's own evidence: lexicon and
    learned model, name skeletons, number and date values), as character spans of the
    sentence, each with a confidence (0 to 1) that the other version lacks it. Most runs
    are words the tables do not know; the confidence weighs what sets a dropped clause
    apart (the side grows longer than the document's ratio, nothing unlinked faces it),
    and spans below --min-confidence are left out;
  - numbers and dates whose values differ between aligned sentences (129 against 130),
    and names with no counterpart when both sides have one.
Positions are 1-based; in --json each also has "index", the 0-based sentence index,
and "bead" is the 0-based bead index.

Options:
  --json               print the report as JSON
  --min-coverage RATIO exit with 1 when overall coverage is below RATIO (0 to 1).
                       Overall coverage is the lower of the two sides' sentence
                       coverage (covered sentences / sentences, boilerplate left out).
  --min-span-words N   content words an uncovered span needs (default 2; 1 lists
                       every single word without counterpart)
  --min-confidence C   the confidence an uncovered span needs, 0 to 1 (default
                       ${DEFAULT_MIN_CONFIDENCE}; 0 lists every run, lower finds more dropped clauses and
                       more noise: see the README's table)
  --bidi MODE          on a terminal, who reorders Arabic: mizan (default) or terminal
  -h, --help           show this help

Exit status: 0, or 1 below --min-coverage; 2 for bad arguments.

Example:
  mizan coverage alignments/dawn-eremnews.json --min-coverage 0.9
`;

function ratio(value: string, flag: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`${flag} wants a ratio from 0 to 1, not "${value}"`);
  return n;
}

export async function coverageCommand(argv: string[], out: NodeJS.WritableStream & { isTTY?: boolean }): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      'min-coverage': { type: 'string' },
      'min-span-words': { type: 'string', default: '2' },
      'min-confidence': { type: 'string', default: String(DEFAULT_MIN_CONFIDENCE) },
      bidi: { type: 'string', default: 'mizan' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    out.write(COVERAGE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('coverage takes one saved alignment: ALIGNMENT.json');
  const min = values['min-coverage'] === undefined ? undefined : ratio(values['min-coverage'], '--min-coverage');
  const minConfidence = ratio(values['min-confidence'], '--min-confidence');
  const minSpanWords = Number(values['min-span-words']);
  if (!Number.isInteger(minSpanWords) || minSpanWords < 1) throw new UsageError(`--min-span-words wants a whole number from 1, not "${values['min-span-words']}"`);
  const bidi = values.bidi;
  if (bidi !== 'mizan' && bidi !== 'terminal') throw new UsageError(`unknown --bidi mode "${bidi}"; choose mizan or terminal`);
  const { alignment } = readAlignment(positionals[0]!);
  let report;
  try {
    report = coverageReport(alignment, loadEvidence(), { minSpanWords, minConfidence });
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${positionals[0]}: ${oneLine(error)}`);
  }
  if (values.json) {
    out.write(jsonInert(JSON.stringify({ ...report, minCoverage: min ?? null, pass: min === undefined || report.overall >= min }, null, 1)) + '\n');
  } else {
    const arabic = out.isTTY ? (text: string) => toVisual(text, bidi) : undefined;
    out.write(formatCoverageText(report, { ...(arabic ? { arabic } : {}), dim: colorOn(out) }));
  }
  if (min !== undefined && report.overall < min) {
    if (!values.json) process.stderr.write(`mizan: coverage ${(report.overall * 100).toFixed(1)}% is below --min-coverage ${min}\n`);
    return 1;
  }
  return 0;
}
