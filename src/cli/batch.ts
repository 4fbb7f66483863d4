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
import { parseArgs } from 'node:util';
import { jsonInert } from '../core/text/inert.js';
import { beadRecords } from '../formats/jsonl.js';
import { noFlags, runPair, type JobSpec, type Pair, type PairResult } from './batch-job.js';
import { readRecords, RECORD_NAME, writeRecords, type RedoReason } from './batch-record.js';
import { debug, runInWorkers, workerCount, type PoolHooks } from './batch-pool.js';
import { CliError, oneLine, UsageError } from './errors.js';
import { ensureDir } from './files.js';
import { formatSize, maxInputBytes, type InputFile } from './input.js';
import { EVIDENCE_OPTIONS, EVIDENCE_OPTIONS_HELP, evidenceParts, loadEvidence } from './evidence-file.js';
import { checkFormat } from './output.js';
import { alignInputs, strategyNamed, type PipelineOptions } from './pipeline.js';
import { progressBar } from './progress.js';
import { boundedLines } from './stream-lines.js';
import { say } from './terminal.js';

export const BATCH_HELP = `Usage: mizan batch MANIFEST --outdir DIR [options]
       mizan batch --stdin [options]

Align many document pairs in one process.

MANIFEST has one pair a line: id<TAB>source path<TAB>target path (relative paths
are taken from the manifest's folder; blank lines and lines starting with # are
skipped). Results go to DIR/<id>.<format>, each written atomically; a run that
was stopped resumes where it was. On a terminal a progress bar shows on stderr;
at the end come the figures (pairs, sentences, beads by flag, time) and each
pair that failed, one line each.

With --stdin, each input line is {"id": "…", "source": "full text", "target": "full text"}
and each output line is {"id": "…", "beads": [bead records as in jsonl]} or
{"id": "…", "error": "…"}, one per input line, in order.

Options:
  --outdir DIR      where results go (manifest mode)
  --format FORMAT   jsonl (default), ladder or json
  --presplit        every input line is one segment
  --aligner NAME    mizan (default) or gale-church
${EVIDENCE_OPTIONS_HELP}  --stdin           stream mode, as above
  --force           redo pairs whose output is already there (by default an
                    output made from the same inputs with the same settings --
                    aligner, evidence, lexicon and model versions, presplit,
                    format, mizan version: DIR/.mizan-batch.json records them --
                    is kept and the pair skipped)
  --max-input SIZE  refuse an input larger than SIZE (default 16M, or
                    $MIZAN_MAX_INPUT); in --stdin mode, per text
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

async function streamMode(options: PipelineOptions, out: NodeJS.WritableStream, limit: number): Promise<number> {
  let failed = 0;
  let lineNumber = 0;
  // --max-input is enforced while a line is read (stream-lines.ts): a 2 GB record is never held.
  for await (const read of boundedLines(process.stdin, limit)) {
    lineNumber++;
    if (read.kind === 'too-large') {
      failed++;
      out.write(jsonInert(JSON.stringify({ id: read.id, error: `line ${lineNumber}: a text is over the ${formatSize(limit)} input limit (--max-input)` })) + '\n');
      continue;
    }
    const line = read.text;
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
        if (Buffer.byteLength(text) > limit) throw new Error(`${side} text is over the ${formatSize(limit)} input limit (--max-input)`);
        return { path: `${String(id ?? lineNumber)}:${side}`, text, sha256: createHash('sha256').update(text).digest('hex') };
      };
      const alignment = alignInputs(input(record.source, 'source'), input(record.target, 'target'), options);
      out.write(jsonInert(JSON.stringify({ id, beads: beadRecords(alignment) })) + '\n');
    } catch (error) {
      failed++;
      out.write(jsonInert(JSON.stringify({ id, error: error instanceof SyntaxError ? `line ${lineNumber}: not JSON` : oneLine(error) })) + '\n');
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
  const records = readRecords(spec.outdir);
  const pairs = parseManifest(manifest, dirname(resolve(manifestPath))).map((pair) => {
    const previous = records[pair.id];
    return previous ? { ...pair, previous } : pair;
  });
  const count = workerCount(pairs.length);
  // Made here, once: ensureDir in two threads at a time can both find the folder missing, and
  // the second mkdir then fails with EEXIST. A folder that cannot be made is one error, not N.
  if (pairs.length > 0) ensureDir(spec.outdir);
  const bar = progressBar(pairs.length);
  const started = performance.now();
  const results: Array<PairResult | undefined> = pairs.map(() => undefined);
  let done = 0;
  // The record follows the outputs, at most every half second and at the end: a pair whose output
  // was written but not recorded (the run was killed in between) is simply redone next time.
  let recorded = performance.now();
  let unrecorded: string | undefined;
  const record = (force: boolean) => {
    if (!force && performance.now() - recorded < 500) return;
    recorded = performance.now();
    try {
      writeRecords(spec.outdir, records);
    } catch (error) {
      // The outputs stand; without their record the next run redoes them. Said once, at the end.
      unrecorded = oneLine(error);
    }
  };
  const hooks: PoolHooks = {
    starting() {},
    finished(index, result) {
      results[index] = result;
      if (result.record) {
        records[result.id] = result.record;
        record(false);
      }
      bar.update(++done, result.id);
    },
  };
  let left = pairs.map((_, k) => k);
  if (count > 1) {
    debug(`aligning ${pairs.length} pairs on ${count} worker threads`);
    left = await runInWorkers(pairs, spec, count, hooks).catch((error: unknown) => {
      bar.clear();
      throw error;
    });
  }
  if (left.length > 0) {
    const options: PipelineOptions = { presplit: spec.presplit, strategy: strategyNamed(spec.aligner), evidence: loadEvidence(spec) };
    for (const index of left) {
      hooks.starting(index);
      hooks.finished(index, runPair(pairs[index]!, spec, options));
    }
  }
  if (pairs.length > 0) record(true);
  bar.clear();
  for (const line of summary(pairs, results, (performance.now() - started) / 1000)) say(line);
  if (unrecorded !== undefined) say(`could not record the run (${unrecorded}); its pairs will be redone next time`);
  return results.some((r) => r === undefined || r.error !== undefined) ? 1 : 0;
}

const REDONE: Record<RedoReason, string> = {
  settings: 'made with other settings (aligner or its parameters, presplit, lexicon or model version, or mizan version)',
  input: 'whose input changed',
  output: 'whose output was not the one this run recorded',
  unrecorded: `with no record of how they were made (${RECORD_NAME})`,
};

/** The figures of a run, then each failure in manifest order (whichever thread finished first). */
function summary(pairs: readonly Pair[], results: ReadonlyArray<PairResult | undefined>, seconds: number): string[] {
  const failures = results.flatMap((r, k) => (r === undefined ? [`${pairs[k]!.id}: not aligned`] : r.error !== undefined ? [`${r.id}: ${r.error}`] : []));
  const skipped = results.filter((r) => r?.skipped).length;
  const sentences = results.reduce((sum, r) => sum + (r?.sentences ?? 0), 0);
  const flags = noFlags();
  for (const r of results) for (const [flag, n] of Object.entries(r?.flags ?? {})) flags[flag as keyof typeof flags] += n;
  const beads = Object.entries(flags).map(([flag, n]) => `${n} ${flag}`).join(', ');
  const redone = (reason: RedoReason) => results.filter((r) => r?.redone === reason).length;
  const lines = [
    `aligned ${pairs.length - failures.length - skipped} of ${pairs.length} pairs (${sentences} sentences) in ${seconds.toFixed(2)} s`,
    `beads: ${beads}${skipped > 0 ? `; ${skipped} pair(s) already done, skipped (--force redoes them)` : ''}`,
    ...(Object.keys(REDONE) as RedoReason[]).flatMap((reason) => (redone(reason) > 0 ? [`redid ${redone(reason)} pair(s) ${REDONE[reason]}`] : [])),
    ...failures.map((failure) => `failed ${failure}`),
  ];
  return lines;
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
      ...EVIDENCE_OPTIONS,
      stdin: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      'max-input': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    out.write(BATCH_HELP);
    return 0;
  }
  const format = checkFormat(values.format, ['jsonl', 'ladder', 'json'])!;
  const strategy = strategyNamed(values.aligner);
  const maxInput = maxInputBytes(values['max-input']);
  if (values.stdin) {
    if (positionals.length > 0) throw new UsageError('--stdin takes no manifest');
    return streamMode({ presplit: values.presplit, strategy, evidence: loadEvidence(values) }, out, maxInput);
  }
  if (positionals.length !== 1) throw new UsageError('batch takes one MANIFEST (or --stdin)');
  if (!values.outdir) throw new UsageError('batch needs --outdir DIR');
  evidenceParts(values); // a bad --evidence is one usage error, not one per worker
  return manifestMode(positionals[0]!, {
    outdir: values.outdir,
    format,
    presplit: values.presplit,
    aligner: values.aligner,
    lexicon: values.lexicon,
    model: values.model,
    evidence: values.evidence,
    force: values.force,
    maxInput,
  });
}
