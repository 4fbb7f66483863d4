/** `mizan align SOURCE TARGET`: one pair, printed or written. */
import { parseArgs } from 'node:util';
import { inert } from '../core/text/inert.js';
import { formatListing } from '../formats/listing.js';
import type { BidiMode } from '../ui/text/rtl.js';
import { UsageError } from './errors.js';
import { writeFileAtomic } from './files.js';
import { maxInputBytes, readInput } from './input.js';
import { EVIDENCE_OPTIONS, EVIDENCE_OPTIONS_HELP, loadEvidence } from './evidence-file.js';
import { checkFormat, render } from './output.js';
import { alignInputs, saveFormat, strategyNamed, type PipelineOptions } from './pipeline.js';
import { colorOn, say } from './terminal.js';

export const ALIGN_HELP = `Usage: mizan align SOURCE TARGET [options]

Align a text with its translation, sentence by sentence. SOURCE and TARGET may be
given in either order; mizan tells the Arabic side from the English one by script.
Each may be UTF-8 (with or without a BOM), UTF-16 with a BOM, Windows-1256 or
ISO-8859-6 text, Windows-1252 / ISO-8859-1 English, or an HTML page (.html, .htm:
its text, one block a line, read in the charset it declares).

Options:
  --format FORMAT   json (the saved alignment), jsonl, ladder (vecalign) or tsv.
                    Default: a readable listing on a terminal, jsonl in a pipe,
                    json with --out.
  --out FILE        write to FILE (atomically) instead of standard output
  --presplit        every input line is one segment (its 0-based line number is
                    its index); no sentence splitting, no boilerplate detection
  --aligner NAME    mizan (default) or gale-church (length-only baseline)
${EVIDENCE_OPTIONS_HELP}  --max-input SIZE  refuse an input file larger than SIZE (default 16M, or
                    $MIZAN_MAX_INPUT); e.g. 64M, 1G
  --bidi MODE       who orders Arabic right to left in the terminal listing:
                    mizan (default) joins and reorders the letters itself, for
                    ordinary terminals; terminals that reorder Arabic themselves,
                    such as mlterm: use --bidi terminal. Default: $MIZAN_BIDI,
                    else mizan
  -h, --help        show this help

Examples:
  mizan align seeds/dawn.en.txt seeds/eremnews.ar.txt
  mizan align dawn.en.txt eremnews.ar.txt --out alignments/dawn-eremnews.json
  mizan align doc.ar doc.en --presplit --format ladder
`;

/** --bidi, else $MIZAN_BIDI, else mizan. The variable is read only when a listing is drawn, so a stray value cannot break a pipe. */
export function bidiMode(flag: string | undefined): BidiMode {
  const [name, from] = flag !== undefined ? [flag, '--bidi'] : [process.env.MIZAN_BIDI || 'mizan', 'MIZAN_BIDI'];
  if (name !== 'mizan' && name !== 'terminal') throw new UsageError(`unknown ${from} "${name}"; choose mizan or terminal`);
  return name;
}

export async function alignCommand(argv: string[], out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      presplit: { type: 'boolean', default: false },
      aligner: { type: 'string' },
      ...EVIDENCE_OPTIONS,
      bidi: { type: 'string' },
      'max-input': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    out.write(ALIGN_HELP);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError('align takes two files: SOURCE TARGET');
  const format = checkFormat(values.format, ['json', 'jsonl', 'ladder', 'tsv']);
  // A mistyped flag is reported even in a pipe, where no listing is drawn.
  const bidi = values.bidi === undefined ? undefined : bidiMode(values.bidi);
  const options: PipelineOptions = { presplit: values.presplit, strategy: strategyNamed(values.aligner), evidence: loadEvidence(values) };
  const limit = maxInputBytes(values['max-input']);
  const source = readInput(positionals[0]!, limit);
  const target = readInput(positionals[1]!, limit);
  const alignment = alignInputs(source, target, options);
  const chosen = format ?? (values.out ? 'json' : out.isTTY ? 'listing' : 'jsonl');
  // The listing is only chosen for a terminal, so it gets the terminal's width (two columns when wide enough).
  const text =
    chosen === 'listing'
      ? formatListing(alignment, { color: colorOn(out), width: out.columns, bidi: bidi ?? bidiMode(undefined) })
      : render(alignment, chosen, () => saveFormat(alignment, source, target, options), Boolean(out.isTTY) && !values.out);
  if (values.out) {
    writeFileAtomic(values.out, text);
    say(`wrote ${alignment.beads.length} beads to ${values.out}`);
  } else {
    // A data format shown on a terminal (the listing is inert already): nothing in it may act there.
    out.write(out.isTTY && chosen !== 'listing' ? inert(text) : text);
  }
  return 0;
}
