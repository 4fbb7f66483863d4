/**
 * `mizan eval --gold FILE... --test FILE... [--json]`: scores test alignments against gold ones as
 * vecalign's score.py does (see src/eval/score.ts). Like score.py (`nargs='+'`), each flag takes one
 * or more files; `--gold a --gold b` works too. Gold and test files pair up by order.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { LadderBead } from '../core/types.js';
import { parseJsonlBeads } from '../formats/jsonl.js';
import { parseLadder } from '../formats/ladder.js';
import { addCounts, countDocument, emptyCounts, finish, type EvalResult } from '../eval/score.js';
import { CliError, UsageError, oneLine } from './errors.js';

export const EVAL_HELP = `Usage: mizan eval --gold FILE... --test FILE... [--json]

Score test alignments against gold alignments, as vecalign's score.py does (the Bleualign
convention): strict counts exact bead matches; lax counts a bead right when it overlaps a gold
bead on both sides; precision keeps one-sided beads, recall drops them; counts are pooled over
all documents before dividing. One-sided detection scores each source-only or target-only
segment against the gold ones.

Gold and test files pair up by order, so give as many of each. Each file may be a ladder file
(vecalign, "[3, 4]:[5]:0.42" a line), mizan JSONL (one bead record a line, with sourceIndex and
targetIndex), or a saved mizan alignment (JSON with a "beads" array).

Options:
  -g, --gold FILE...   gold alignment files
  -t, --test FILE...   test alignment files, one per gold file
      --json           print the result as JSON
  -h, --help           show this help
`;

interface EvalArgs {
  gold: string[];
  test: string[];
  json: boolean;
  help: boolean;
}

/** parseArgs only knows `--gold a --gold b`; its tokens let a bare path join the flag before it. */
function parseEvalArgs(argv: string[]): EvalArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        gold: { type: 'string', short: 'g', multiple: true },
        test: { type: 'string', short: 't', multiple: true },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    throw new UsageError(`eval: ${oneLine(error)}`);
  }
  const args: EvalArgs = { gold: [], test: [], json: false, help: false };
  let list: string[] | undefined;
  for (const token of parsed.tokens) {
    if (token.kind === 'option') {
      if (token.name === 'gold' || token.name === 'test') {
        list = args[token.name];
        if (token.value !== undefined) list.push(token.value);
      } else {
        list = undefined;
        if (token.name === 'json') args.json = true;
        if (token.name === 'help') args.help = true;
      }
    } else if (token.kind === 'positional') {
      if (!list) throw new UsageError(`eval: "${token.value}" is not after --gold or --test`);
      list.push(token.value);
    }
  }
  return args;
}

function asIndexBeads(value: unknown): LadderBead[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const isIndices = (v: unknown): v is number[] =>
    Array.isArray(v) && v.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0);
  const beads: LadderBead[] = [];
  for (const bead of value as unknown[]) {
    const b = bead as { source?: unknown; target?: unknown } | null;
    if (!b || !isIndices(b.source) || !isIndices(b.target)) return undefined;
    beads.push({ source: [...b.source], target: [...b.target] });
  }
  return beads;
}

/** Ladder unless the first non-blank character is `{`; then a saved alignment or JSONL. */
export function parseAlignmentText(text: string): LadderBead[] {
  if (text.trimStart()[0] !== '{') return parseLadder(text);
  let whole: unknown;
  try {
    whole = JSON.parse(text);
  } catch {
    return parseJsonlBeads(text); // several objects, one a line
  }
  if (typeof whole === 'object' && whole !== null && 'beads' in whole) {
    const beads = asIndexBeads(whole.beads);
    if (!beads) throw new Error('"beads" must be an array of {source: number[], target: number[]}');
    return beads;
  }
  if (typeof whole === 'object' && whole !== null && 'sourceIndex' in whole) {
    return parseJsonlBeads(text); // a JSONL file of a single bead
  }
  throw new Error('expected a saved alignment with a "beads" array, or JSONL bead records');
}

async function loadBeads(file: string): Promise<LadderBead[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : oneLine(error);
    throw new CliError(`cannot read ${file}: ${reason}`);
  }
  try {
    return parseAlignmentText(text);
  } catch (error) {
    throw new CliError(`${file}: ${oneLine(error)}`);
  }
}

const fmt = (x: number): string => x.toFixed(4);

export function formatEvalTable(result: EvalResult): string {
  const row = (name: string, p: EvalResult['strict']): string =>
    `${name.padEnd(10)} ${fmt(p.precision).padStart(9)} ${fmt(p.recall).padStart(9)} ${fmt(p.f1).padStart(9)}\n`;
  return (
    `${''.padEnd(10)} ${'precision'.padStart(9)} ${'recall'.padStart(9)} ${'F1'.padStart(9)}\n` +
    row('strict', result.strict) +
    row('lax', result.lax) +
    row('one-sided', result.oneSided) +
    `documents ${result.documents}, gold beads ${result.goldBeads}, test beads ${result.testBeads}\n` +
    'scoring: vecalign score.py (Bleualign strict/lax), counts pooled over documents\n'
  );
}

export async function evalCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const args = parseEvalArgs(argv);
  if (args.help) {
    out.write(EVAL_HELP);
    return 0;
  }
  if (args.gold.length === 0 || args.test.length === 0) {
    throw new UsageError('eval: needs --gold FILE... and --test FILE...');
  }
  if (args.gold.length !== args.test.length) {
    throw new UsageError(
      `eval: ${args.gold.length} gold file(s) but ${args.test.length} test file(s); they pair up by order`,
    );
  }
  let counts = emptyCounts();
  for (let i = 0; i < args.gold.length; i++) {
    const gold = await loadBeads(args.gold[i] as string);
    const test = await loadBeads(args.test[i] as string);
    counts = addCounts(counts, countDocument(gold, test));
  }
  const result = finish(counts);
  out.write(args.json ? `${JSON.stringify({ ...result, counts }, null, 2)}\n` : formatEvalTable(result));
  return 0;
}
