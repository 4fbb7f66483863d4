#!/usr/bin/env node
/**
 * The mizan command line. Each command lives in its own module and throws CliError for anything
 * the user can fix; here such errors become one line on stderr and an exit status.
 */
import { join } from 'node:path';
import { alignCommand } from './align.js';
import { batchCommand } from './batch.js';
import { CliError, oneLine } from './errors.js';
import { diffCommand } from './diff.js';
import { evalCommand } from './eval.js';
import { exportCommand } from './export.js';
import { packageRoot } from './resources.js';

export const SEED_SOURCE = 'seeds/dawn-reuters.en.txt';
export const SEED_TARGET = 'seeds/eremnews-reuters.ar.txt';

const HELP = `mizan: align an Arabic text with its English translation, sentence by sentence

Usage:
  mizan                                   align the bundled seed pair (Dawn / Eremnews)
  mizan align SOURCE TARGET [--format json|jsonl|ladder|tsv] [--out FILE] [--presplit] [--aligner NAME]
  mizan batch MANIFEST --outdir DIR [--format jsonl|ladder|json] [--presplit] [--aligner NAME] [--force]
  mizan batch --stdin                     JSON lines in, JSON lines out
  mizan eval --gold FILE... --test FILE... [--json]
  mizan export ALIGNMENT.json --format tmx|tsv|jsonl|moses [--out FILE] [--confirmed-only] [--include-one-sided]
  mizan diff OLD.json NEW.json [--json]

Run 'mizan COMMAND --help' for a command's options.
`;

type Command = (argv: string[], out: NodeJS.WritableStream) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  align: alignCommand,
  batch: batchCommand,
  eval: evalCommand,
  export: exportCommand,
  diff: diffCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    const root = packageRoot();
    return alignCommand([join(root, SEED_SOURCE), join(root, SEED_TARGET)], process.stdout);
  }
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliError) {
      process.stderr.write(`mizan: ${error.message}\n`);
      process.exitCode = error.exitCode;
    } else if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      // Node's wording for an unknown option runs to three sentences; the first says it all.
      const unknown = /^Unknown option '([^']+)'/.exec(oneLine(error));
      process.stderr.write(`mizan: ${unknown ? `unknown option ${unknown[1]}` : oneLine(error)} (see --help)\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`mizan: internal error: ${oneLine(error)}\n`);
      if (process.env.MIZAN_DEBUG) console.error(error);
      process.exitCode = 70;
    }
  },
);
