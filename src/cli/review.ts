/** `mizan review [ALIGNMENT.json | SOURCE TARGET]`: the terminal UI, on a saved alignment or a fresh one. */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createElement } from 'react';
import { ReviewApp } from '../ui/app.js';
import { initialState } from '../ui/state/review-state.js';
import { bidiMode } from './align.js';
import { CliError, UsageError } from './errors.js';
import { EVIDENCE_OPTIONS, EVIDENCE_OPTIONS_HELP, loadEvidence } from './evidence-file.js';
import { strategyNamed, strategyOfSignature, type PipelineOptions } from './pipeline.js';
import { colorOn, say } from './terminal.js';
import { inert } from '../core/text/inert.js';
import { acquireLock, describeHolder } from './review-lock.js';
import { packageRoot } from './resources.js';
import { defaultAlignmentPath, fileStorage, firstMode, openPair, openSaved, type ReviewSession } from './review-session.js';
import { runFullScreen } from './full-screen.js';
import { isFolder, reviewQueue } from './review-queue.js';

const SEED_SOURCE = 'seeds/dawn-reuters.en.txt';
const SEED_TARGET = 'seeds/eremnews-reuters.ar.txt';
const SEED_ALIGNMENT = 'alignments/dawn-eremnews.json';

export const REVIEW_HELP = `Usage: mizan review [ALIGNMENT.json | SOURCE TARGET | DIR] [options]

Review and correct an alignment in the terminal, then save it.

  mizan review                    the bundled seed pair (Dawn / Eremnews), from
                                  its saved alignment when there is one
  mizan review DIR                the alignments of a batch (mizan batch --format json
                                  --outdir DIR) as a queue: the pairs that need a look
                                  first, progress over the corpus; Enter reviews a pair,
                                  ] goes on to the next, q comes back to the list
  mizan review FILE.json          a saved alignment (made by mizan align --out)
  mizan review SOURCE TARGET      align a pair and review it; resumes the saved
                                  review of the pair when --out already exists

Options:
  --out FILE        where to save (default for a pair: alignments/SOURCE.TARGET.json)
  --presplit        every input line is one segment (with SOURCE TARGET)
  --aligner NAME    mizan (default) or gale-church (with SOURCE TARGET); z in
                    the review realigns the unconfirmed beads with it (a saved
                    alignment: with the aligner that made it, unless given)
${EVIDENCE_OPTIONS_HELP}  --bidi MODE       mizan (default) shapes and orders Arabic for ordinary terminals;
                    terminal leaves it to a bidi terminal such as mlterm.
                    Default: $MIZAN_BIDI, else mizan. B switches while reviewing.
  -h, --help        show this help

One review holds a file at a time (FILE.lock beside it); a second review of the
same file says who holds it and offers to open it read-only (no saving).

Press ? in the review for its keys. Edits are autosaved beside the file
(FILE.autosave) a second after each change and offered back if the review ends
without saving. Review needs a terminal; without one, use mizan align --out FILE
to align and mizan export FILE to export.
`;

// A long pair takes seconds to align: say so before the screen is taken over.
const aligning = (source: string, target: string) => () => say(`aligning ${source} and ${target}…`);

function openSession(positionals: string[], out: string | undefined, options: PipelineOptions): ReviewSession {
  if (positionals.length === 0) {
    const root = packageRoot();
    return openPair(join(root, SEED_SOURCE), join(root, SEED_TARGET), options, out ?? join(root, SEED_ALIGNMENT), aligning(SEED_SOURCE, SEED_TARGET));
  }
  if (positionals.length === 1) return openSaved(positionals[0]!);
  const [source, target] = positionals as [string, string];
  return openPair(source, target, options, out ?? defaultAlignmentPath(source, target), aligning(source, target));
}

/**
 * A yes/no question on the terminal (cooked mode: the answer ends with Enter), before the review
 * takes the screen; anything but yes is no. Not readline: closing it leaves stdin so that Ink's
 * input never starts and the review ends at once.
 */
function ask(question: string): Promise<boolean> {
  process.stderr.write(question);
  return new Promise((resolve) => {
    const answer = (chunk: Buffer) => {
      process.stdin.off('data', answer);
      process.stdin.pause();
      resolve(/^\s*y(es)?\s*$/i.test(chunk.toString('utf8')));
    };
    process.stdin.on('data', answer);
    process.stdin.resume();
  });
}

export async function reviewCommand(argv: string[], out: NodeJS.WriteStream = process.stdout): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      presplit: { type: 'boolean', default: false },
      aligner: { type: 'string' },
      ...EVIDENCE_OPTIONS,
      bidi: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    out.write(REVIEW_HELP);
    return 0;
  }
  const bidi = bidiMode(values.bidi);
  if (positionals.length > 2) throw new UsageError('review takes one saved alignment, or SOURCE TARGET, or a folder of alignments');
  // A folder is a batch's alignments, reviewed as a queue; what is wrong with it is said before the terminal is asked for.
  if (positionals.length === 1 && isFolder(positionals[0]!)) return reviewQueue(positionals[0]!, { ...values, bidi }, out);
  if (!process.stdin.isTTY || !out.isTTY) {
    throw new CliError('review needs a terminal; without one, align with mizan align SOURCE TARGET --out FILE and export with mizan export FILE');
  }
  const options: PipelineOptions = { presplit: values.presplit, strategy: strategyNamed(values.aligner), evidence: loadEvidence(values) };
  const session = openSession(positionals, values.out, options);
  const lock = acquireLock(session.path);
  let readOnly: string | undefined;
  if (lock.held) {
    readOnly = `${describeHolder(lock.holder)} has ${session.path} open`;
    if (!(await ask(`mizan: ${inert(`${session.path} is open in another mizan review (${describeHolder(lock.holder)})`)}. Open it read-only? [y/N] `))) {
      say('not opened');
      return 1;
    }
    // The autosave copy beside the file is the holder's work in progress, not ours to offer.
    session.recovered = null;
  }
  const initial = initialState(session.alignment, {
    bidi,
    inputs: session.inputs,
    mode: firstMode(session),
    message: readOnly
      ? { text: `read-only: ${readOnly}; w will not save`, tone: 'info' }
      : session.note
        ? { text: session.note, tone: 'info' }
        : { text: 'press ? for the keys', tone: 'info' },
  });
  try {
    // z realigns with the aligner that made the file, unless --aligner names another.
    const strategy = (values.aligner === undefined ? strategyOfSignature(session.meta.aligner) : undefined) ?? options.strategy;
    const aligner = { strategy, evidence: options.evidence };
    return await runFullScreen(createElement(ReviewApp, { initial, storage: fileStorage(session, options, readOnly), evidence: options.evidence, color: colorOn(out), aligner }), out);
  } finally {
    if (!lock.held) lock.release();
  }
}
