/**
 * `mizan batch`: many pairs in one process, the lexicon loaded once per thread. A pair that fails is
 * reported at the end and does not stop the others. Manifest mode spreads the pairs over a pool of
 * worker threads (batch-worker.ts), one per core; `--stdin` is the stream mode for running mizan as
 * one step of a distributed engine (Spark's RDD.pipe, Hadoop Streaming): JSON lines in, JSON lines
 * out, in order, in the main thread (the engine runs the copies in parallel).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { beadRecords } from '../formats/jsonl.js';
import { runPair, type JobSpec, type Pair, type PairResult } from './batch-job.js';
import { debug, runInWorkers, workerCount, type PoolHooks } from './batch-pool.js';
import { CliError, oneLine, UsageError } from './errors.js';
import { ensureDir } from './files.js';
import { readInput, type InputFile } from './input.js';
import { loadLexicon } from './lexicon-file.js';
import { checkFormat } from './output.js';
import { alignInputs, strategyNamed, type PipelineOptions } from './pipeline.js';

export const BATCH_HELP = `Usage: mizan batch MANIFEST --outdir DIR [options]
       mizan batch --stdin [options]

Align many document pairs in one process.

MANIFEST has one pair a line: id<TAB>source path<TAB>target path (relative paths
are taken from the manifest's folder; blank lines and lines starting with # are
skipped). Results go to DIR/<id>.<format>.

With --stdin, each input line is {"id": "…", "source": "full text", "target": "full text"}
and each output line is {"id": "…", "beads": [bead records as in jsonl]} or
{"id": "…", "error": "…"}, one per input line, in order.

Options:
  --outdir DIR      where results go (manifest mode)
  --format FORMAT   jsonl (default), ladder or json
  --presplit        every input line is one segment
  --aligner NAME    mizan (default) or gale-church
  --stdin           stream mode, as above
  -h, --help        show this help

Environment:
  MIZAN_WORKERS=N   threads for manifest mode (default: one per core, at most
                    8; 1 aligns in the main thread)
`;

const SAFE_ID = /^[\w.-]+$/;

export function parseManifest(text: string, baseDir: string): Pair[] {
  const pairs: Pair[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((line, k) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const fields = line.split('\t');
    if (fields.length !== 3 || fields.some((f) => f.trim() === '')) {
      throw new CliError(`manifest line ${k + 1}: expected id<TAB>source<TAB>target`);
    }
    const [id, source, target] = fields.map((f) => f.trim()) as [string, string, string];
    if (!SAFE_ID.test(id)) throw new CliError(`manifest line ${k + 1}: id "${id}" may use only letters, digits, '.', '_' and '-'`);
    if (seen.has(id)) throw new CliError(`manifest line ${k + 1}: id "${id}" appears twice`);
    seen.add(id);
    const at = (p: string) => (isAbsolute(p) ? p : join(baseDir, p));
    pairs.push({ id, source: at(source), target: at(target) });
  });
  return pairs;
}

async function streamMode(options: PipelineOptions, out: NodeJS.WritableStream): Promise<number> {
  let failed = 0;
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    let id: unknown = null;
    try {
      const parsed = JSON.parse(line) as unknown;
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`line ${lineNumber}: expected a JSON object`);
      const record = parsed as { id?: unknown; source?: unknown; target?: unknown };
      id = record.id ?? null;
      if (typeof record.source !== 'string' || typeof record.target !== 'string') throw new Error('"source" and "target" must be strings');
      const input = (text: string, side: string): InputFile => {
        if (text.trim() === '') throw new Error(`${side} text is empty`);
        return { path: `${String(id ?? lineNumber)}:${side}`, text, sha256: createHash('sha256').update(text).digest('hex') };
      };
      const alignment = alignInputs(input(record.source, 'source'), input(record.target, 'target'), options);
      out.write(JSON.stringify({ id, beads: beadRecords(alignment) }) + '\n');
    } catch (error) {
      failed++;
      out.write(JSON.stringify({ id, error: error instanceof SyntaxError ? `line ${lineNumber}: not JSON` : oneLine(error) }) + '\n');
    }
  }
  if (failed > 0) process.stderr.write(`mizan: ${failed} record(s) failed; see their "error" fields\n`);
  return failed > 0 ? 1 : 0;
}

async function manifestMode(manifestPath: string, spec: JobSpec): Promise<number> {
  let manifest: string;
  try {
    manifest = readFileSync(manifestPath, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read manifest ${manifestPath}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : oneLine(error)}`);
  }
  const pairs = parseManifest(manifest, dirname(resolve(manifestPath)));
  const count = workerCount(pairs.length);
  // Made here, once: ensureDir in two threads at a time can both find the folder missing, and
  // the second mkdir then fails with EEXIST. A folder that cannot be made is one error, not N.
  if (pairs.length > 0) ensureDir(spec.outdir);
  const progress = process.stderr.isTTY;
  const started = performance.now();
  const results: Array<PairResult | undefined> = pairs.map(() => undefined);
  let handedOut = 0;
  const hooks: PoolHooks = {
    starting(index) {
      handedOut++;
      if (progress) process.stderr.write(`\r\u001b[K[${handedOut}/${pairs.length}] ${pairs[index]!.id}`);
    },
    finished(index, result) {
      results[index] = result;
    },
  };
  let left = pairs.map((_, k) => k);
  if (count > 1) {
    debug(`aligning ${pairs.length} pairs on ${count} worker threads`);
    left = await runInWorkers(pairs, spec, count, hooks).catch((error: unknown) => {
      if (progress) process.stderr.write('\r\u001b[K');
      throw error;
    });
  }
  if (left.length > 0) {
    const options: PipelineOptions = { presplit: spec.presplit, strategy: strategyNamed(spec.aligner), lexicon: loadLexicon() };
    for (const index of left) {
      hooks.starting(index);
      hooks.finished(index, runPair(pairs[index]!, spec, options));
    }
  }
  if (progress) process.stderr.write('\r\u001b[K');
  const seconds = (performance.now() - started) / 1000;
  // Failures in manifest order, whichever thread finished first.
  const failures = results.flatMap((r, k) => (r === undefined ? [`${pairs[k]!.id}: not aligned`] : r.error !== undefined ? [`${r.id}: ${r.error}`] : []));
  const sentences = results.reduce((sum, r) => sum + (r?.sentences ?? 0), 0);
  process.stderr.write(
    `mizan: aligned ${pairs.length - failures.length} of ${pairs.length} pairs (${sentences} sentences) in ${seconds.toFixed(2)} s\n`,
  );
  for (const failure of failures) process.stderr.write(`mizan: failed ${failure}\n`);
  return failures.length > 0 ? 1 : 0;
}

export async function batchCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      outdir: { type: 'string' },
      format: { type: 'string', default: 'jsonl' },
      presplit: { type: 'boolean', default: false },
      aligner: { type: 'string' },
      stdin: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    out.write(BATCH_HELP);
    return 0;
  }
  const format = checkFormat(values.format, ['jsonl', 'ladder', 'json'])!;
  const strategy = strategyNamed(values.aligner);
  if (values.stdin) {
    if (positionals.length > 0) throw new UsageError('--stdin takes no manifest');
    return streamMode({ presplit: values.presplit, strategy, lexicon: loadLexicon() }, out);
  }
  if (positionals.length !== 1) throw new UsageError('batch takes one MANIFEST (or --stdin)');
  if (!values.outdir) throw new UsageError('batch needs --outdir DIR');
  return manifestMode(positionals[0]!, { outdir: values.outdir, format, presplit: values.presplit, aligner: values.aligner });
}
