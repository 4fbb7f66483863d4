#!/usr/bin/env node
/**
 * The mizan command line. Each command lives in its own module and throws CliError for anything
 * the user can fix; here such errors become one line on stderr and an exit status.
 */
import { alignCommand } from './align.js';
import { batchCommand } from './batch.js';
import { coverageCommand } from './coverage.js';
import { CliError, oneLine } from './errors.js';
import { diffCommand } from './diff.js';
import { evalCommand } from './eval.js';
import { exportCommand } from './export.js';
import { say } from './terminal.js';

const HELP = `mizan: align an Arabic text with its English translation, sentence by sentence

Usage:
  mizan                                   review the bundled seed pair (Dawn / Eremnews)
  mizan review [ALIGNMENT.json | SOURCE TARGET | DIR] [--out FILE] [--bidi MODE]
  mizan align SOURCE TARGET [--format json|jsonl|ladder|tsv] [--out FILE] [--presplit] [--aligner NAME]
  mizan batch MANIFEST --outdir DIR [--format jsonl|ladder|json] [--presplit] [--aligner NAME] [--force]
  mizan batch --stdin                     JSON lines in, JSON lines out
  mizan eval --gold FILE... --test FILE... [--json]
  mizan export ALIGNMENT.json --format tmx|tsv|jsonl|moses|html [--out FILE] [--confirmed-only] [--include-one-sided]
  mizan coverage ALIGNMENT.json [--json] [--min-coverage RATIO]
  mizan diff OLD.json NEW.json [--json]

Run 'mizan COMMAND --help' for a command's options.
`;

type Command = (argv: string[], out: NodeJS.WriteStream) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  align: alignCommand,
  batch: batchCommand,
  eval: evalCommand,
  export: exportCommand,
  coverage: coverageCommand,
  diff: diffCommand,
  // Ink and React load only for the review, so the batch and pipe commands start quickly. React
  // picks its build when first loaded: without NODE_ENV it is the development build, whose checks
  // and performance marks make every key press several times slower.
  review: async (argv, out) => {
    process.env.NODE_ENV ??= 'production';
    return (await import('./review.js')).reviewCommand(argv, out);
  },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) return COMMANDS.review!([], process.stdout);
  if (name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new CliError(`unknown command "${name}" (try: mizan --help)`, 2);
  return command(rest, process.stdout);
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // A reader that closed early (mizan align … | head) is not an error.
  if (error.code === 'EPIPE') process.exit(0);
});

/** One line on stderr; what it quotes (paths, ids, text) is made inert, for a terminal. */
const report = say;

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliError) {
      report(oneLine(error));
      process.exitCode = error.exitCode;
    } else if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      // Node's wording for an unknown option runs to three sentences; the first says it all.
      const unknown = /^Unknown option '([^']+)'/.exec(oneLine(error));
      report(`${unknown ? `unknown option ${unknown[1]}` : oneLine(error)} (see --help)`);
      process.exitCode = 2;
    } else {
      report(`internal error: ${oneLine(error)}`);
      if (process.env.MIZAN_DEBUG) console.error(error);
      process.exitCode = 70;
    }
  },
);
