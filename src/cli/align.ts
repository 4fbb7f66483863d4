/** `mizan align SOURCE TARGET`: one pair, printed or written. */
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import { writeFileAtomic } from './files.js';
import { readInput } from './input.js';
import { loadLexicon } from './lexicon-file.js';
import { checkFormat, render } from './output.js';
import { alignInputs, saveFormat, strategyNamed, type PipelineOptions } from './pipeline.js';

export const ALIGN_HELP = `Usage: mizan align SOURCE TARGET [options]

Align a text with its translation, sentence by sentence. SOURCE and TARGET may be
given in either order; mizan tells the Arabic side from the English one by script.

Options:
  --format FORMAT   json (the saved alignment), jsonl, ladder (vecalign) or tsv.
                    Default: a readable listing on a terminal, jsonl in a pipe,
                    json with --out.
  --out FILE        write to FILE (atomically) instead of standard output
  --presplit        every input line is one segment (its 0-based line number is
                    its index); no sentence splitting, no boilerplate detection
  --aligner NAME    mizan (default) or gale-church (length-only baseline)
  -h, --help        show this help

Examples:
  mizan align seeds/dawn.en.txt seeds/eremnews.ar.txt
  mizan align dawn.en.txt eremnews.ar.txt --out alignments/dawn-eremnews.json
  mizan align doc.ar doc.en --presplit --format ladder
`;

export async function alignCommand(argv: string[], out: NodeJS.WritableStream & { isTTY?: boolean }): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      presplit: { type: 'boolean', default: false },
      aligner: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    out.write(ALIGN_HELP);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError('align takes two files: SOURCE TARGET');
  const format = checkFormat(values.format, ['json', 'jsonl', 'ladder', 'tsv']);
  const options: PipelineOptions = { presplit: values.presplit, strategy: strategyNamed(values.aligner), lexicon: loadLexicon() };
  const source = readInput(positionals[0]!);
  const target = readInput(positionals[1]!);
  const alignment = alignInputs(source, target, options);
  const chosen = format ?? (values.out ? 'json' : out.isTTY ? 'listing' : 'jsonl');
  const text = render(alignment, chosen, () => saveFormat(alignment, source, target, options), Boolean(out.isTTY) && !values.out);
  if (values.out) {
    writeFileAtomic(values.out, text);
    process.stderr.write(`mizan: wrote ${alignment.beads.length} beads to ${values.out}\n`);
  } else {
    out.write(text);
  }
  return 0;
}
