/** `mizan export ALIGNMENT.json --format tmx|tsv|jsonl|moses`: aligned pairs for other tools. */
import { parseArgs } from 'node:util';
import { inert } from '../core/text/inert.js';
import { exportedAlignment, type ExportOptions } from '../formats/export-filter.js';
import { coverageReport } from '../core/coverage.js';
import { formatHtml } from '../formats/html.js';
import { formatJsonl } from '../formats/jsonl.js';
import { formatMoses } from '../formats/moses.js';
import { formatTmx } from '../formats/tmx.js';
import { formatTsv } from '../formats/tsv.js';
import { readAlignment } from './alignment-input.js';
import { CliError, oneLine, UsageError } from './errors.js';
import { writeFileAtomic } from './files.js';
import { say } from './terminal.js';
import { loadEvidence } from './evidence-file.js';
import { mizanVersion } from './resources.js';

export const EXPORT_HELP = `Usage: mizan export ALIGNMENT.json --format FORMAT [options]

Export the aligned pairs of a saved alignment (made with mizan align --out).

Formats:
  tmx     TMX 1.4b for translation-memory tools; flag, status and confidence as props
  tsv     source<TAB>target<TAB>flag<TAB>score<TAB>status, tabs and newlines escaped
  jsonl   one bead record a line, as mizan align --format jsonl
  moses   two line-aligned plain-text files, FILE.<lang> each (needs --out FILE)
  html    one self-contained page to read: English left, Arabic right, beads coloured
          by flag, boilerplate greyed, the coverage report (mizan coverage) on top and
          its uncovered spans and differing values marked in the text

Options:
  --out FILE            write to FILE (atomically) instead of standard output
  --confirmed-only      only beads a reviewer confirmed or edited
  --include-one-sided   also sentences only one version has (an empty line on the
                        other side in moses; a unit with one variant in tmx)
  -h, --help            show this help

Boilerplate is never exported, except in html, which shows every bead (greyed);
--confirmed-only and --include-one-sided do not apply to html.

Examples:
  mizan export alignments/dawn-eremnews.json --format tmx --out dawn-eremnews.tmx
  mizan export alignments/dawn-eremnews.json --format moses --out corpus/dawn
  mizan export alignments/dawn-eremnews.json --format html --out dawn-eremnews.html
`;

const FORMATS = ['tmx', 'tsv', 'jsonl', 'moses', 'html'] as const;
type ExportFormat = (typeof FORMATS)[number];

function htmlPage(alignment: Parameters<typeof formatHtml>[0], path: string): string {
  try {
    return formatHtml(alignment, coverageReport(alignment, loadEvidence()), { title: `mizan: ${path}` });
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${path}: ${oneLine(error)}`);
  }
}

export async function exportCommand(argv: string[], out: NodeJS.WritableStream & { isTTY?: boolean }): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      'confirmed-only': { type: 'boolean', default: false },
      'include-one-sided': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    out.write(EXPORT_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('export takes one saved alignment: ALIGNMENT.json');
  if (!values.format) throw new UsageError(`export needs --format (${FORMATS.join(', ')})`);
  if (!(FORMATS as readonly string[]).includes(values.format)) {
    throw new UsageError(`unknown format "${values.format}"; choose one of: ${FORMATS.join(', ')}`);
  }
  const format = values.format as ExportFormat;
  if (format === 'moses' && !values.out) throw new UsageError('moses writes two files: give --out FILE (FILE.en and FILE.ar are written)');
  const { alignment } = readAlignment(positionals[0]!);
  const options: ExportOptions = { confirmedOnly: values['confirmed-only'], includeOneSided: values['include-one-sided'] };

  if (format === 'moses') {
    const { source, target } = formatMoses(alignment, options);
    writeFileAtomic(`${values.out}.${alignment.source.lang}`, source);
    writeFileAtomic(`${values.out}.${alignment.target.lang}`, target);
    say(`wrote ${values.out}.${alignment.source.lang} and ${values.out}.${alignment.target.lang}`);
    return 0;
  }
  const text =
    format === 'html'
      ? htmlPage(alignment, positionals[0]!)
      : format === 'tmx'
        ? formatTmx(alignment, { ...options, created: new Date().toISOString(), toolVersion: mizanVersion() })
        : format === 'tsv'
          ? formatTsv(exportedAlignment(alignment, options))
          : formatJsonl(exportedAlignment(alignment, options));
  if (values.out) writeFileAtomic(values.out, text);
  // Data shown on a terminal rather than saved: what would act on it is shown inert instead.
  else out.write(out.isTTY ? inert(text) : text);
  return 0;
}
