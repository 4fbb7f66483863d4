/**
 * The partial-coverage benchmark (issue 10): how well `mizan coverage --json` finds the clauses one
 * side added, on the `partial-<part>` sets of bench/gen.ts, scored by bench/partial.ts. Two ways:
 *  - `gold`: coverage on the gold 1:1 alignment saved as a mizan alignment: the span finder alone;
 *  - `mizan`: `mizan batch --format json --presplit` first, then coverage on mizan's own alignment
 *    (end to end: a sentence the aligner leaves one-sided has no spans, and is counted apart).
 * Coverage runs once per document (as a translator runs it), several processes at a time; the
 * figures are pooled over the part's documents. It only runs the built CLI, so whatever coverage
 * the build has is what is measured. Also: `mizan coverage` timed on the large pair's alignment.
 *
 * Quick harness for tuning (`npm run build` first), on the tune part only, < ~1 minute:
 *   node dist/bench/coverage.js --part tune            # gold and end-to-end, one table
 *   node dist/bench/coverage.js --part tune --quick    # gold alignment only (the span finder)
 *   node dist/bench/coverage.js --part test            # the held-out figures: report, never tune on
 * Other options: --args "…" (passed to every `mizan coverage`, e.g. "--min-span-words 3"),
 * --speed (also time coverage on the 10k-sentence large alignment; --repeat N, default 3),
 * --jobs N (coverage processes at a time; default the CPU count), --regen, and gen.ts's --seed/--out/--data.
 * Without a build it prints one line and exits 1; without ../shared/data one line and exit 0.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { existingSummary, type GenOptions, type GenSummary, generate, optionsFromArgs, packageRoot } from './gen.js';
import {
  addCounts,
  allConfident,
  CONFIDENCE_THRESHOLDS,
  emptyCounts,
  type GoldClause,
  type PartialCounts,
  type PartialFigures,
  partialFigures,
  type ReportedSentence,
  readPartial,
  scoreDocument,
} from './partial.js';
import { commandLine, failure, runTimed } from './proc.js';
import type { Target } from './report.js';
import { dataAvailable } from './sources.js';
import type { Part } from './split.js';
import { freshDir, readManifest } from './systems.js';

export const CLI = 'dist/src/cli/main.js';
const ROOT = packageRoot();
const rel = (path: string): string => relative(ROOT, path) || '.';

/** Stops the run with one line (exit 1). */
export class CoverageBenchError extends Error {}

export type Alignment = 'gold' | 'mizan';

export interface PartialRow {
  part: Part;
  /** Which alignment coverage read: the gold one, or mizan's own (end to end). */
  alignment: Alignment;
  docs: number;
  sentences: number;
  figures: PartialFigures;
  /** The same figures keeping spans at or above each confidence (only when every span has one). */
  curve?: { threshold: number; figures: PartialFigures }[];
  /** End to end: sentences mizan left one-sided, and how many of them had an added clause. */
  oneSided?: { sentences: number; touched: number };
  /** Wall of the whole coverage phase, the sum over documents, the median document (ms). */
  coverageMs: { phase: number; sum: number; median: number };
  /** End to end: wall of the `mizan batch` that aligned the part. */
  alignMs?: number;
  commands: string[];
}

export interface CoverageSpeed {
  sentences: number;
  runs: number[];
  medianMs: number;
  commands: string[];
  failed?: string;
}

interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  error?: string;
}

function runAsync(args: readonly string[], timeoutMs: number): Promise<Finished> {
  return new Promise((done) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const finish = (status: number | null, error?: string) => {
      clearTimeout(timer);
      done({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), wallMs: Number(process.hrtime.bigint() - start) / 1e6, ...(error ? { error } : {}) });
    };
    child.on('error', (e) => finish(null, e.message));
    child.on('close', (status, signal) => finish(status, signal ? `killed by ${signal} (timeout ${timeoutMs} ms?)` : undefined));
  });
}

/** Runs `jobs` at most `width` at a time; results in order. */
async function pool<T>(jobs: readonly (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const k = next++;
      results[k] = await jobs[k]!();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, jobs.length)) }, worker));
  return results;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
};

const lastLine = (text: string): string => text.split('\n').map((l) => l.trim()).filter(Boolean).at(-1)?.slice(0, 160) ?? '';

export interface PartialOptions {
  gen: GenOptions;
  quick: boolean;
  coverageArgs: string[];
  jobs: number;
  timeoutMs: number;
}

/** Coverage over every document of a part on one alignment; the row with its figures. */
async function measure(part: Part, alignment: Alignment, summary: GenSummary, options: PartialOptions): Promise<PartialRow> {
  const info = summary.partial[part];
  if (!info) throw new CoverageBenchError(`no partial-${part} set in ${rel(options.gen.outDir)}; run with --regen`);
  const entries = readManifest(join(info.dir, 'manifest.tsv'));
  const commands: string[] = [];
  let alignMs: number | undefined;
  let files = entries.map((e) => join(info.dir, `${e.id}.gold.json`));
  if (alignment === 'mizan') {
    const outDir = freshDir(join(options.gen.outDir, 'runs', `partial-${part}`, 'mizan'));
    const args = ['batch', rel(join(info.dir, 'manifest.tsv')), '--outdir', rel(outDir), '--format', 'json', '--presplit'];
    const run = runTimed(process.execPath, [CLI, ...args], ROOT, options.timeoutMs);
    commands.push(commandLine('node', [CLI, ...args]));
    const why = failure(run);
    files = entries.map((e) => join(outDir, `${e.id}.json`));
    const missing = entries.filter((_, i) => !existsSync(files[i]!));
    if (why || missing.length > 0) throw new CoverageBenchError(`mizan batch failed on partial-${part} (${why ?? `${missing.length} documents without output`})`);
    alignMs = run.wallMs;
  }
  const started = process.hrtime.bigint();
  const runs = await pool(
    files.map((file) => () => runAsync(['coverage', rel(file), '--json', ...options.coverageArgs], options.timeoutMs)),
    options.jobs,
  );
  const phase = Number(process.hrtime.bigint() - started) / 1e6;
  const where = alignment === 'gold' ? `${rel(info.dir)}/*.gold.json` : `${rel(join(options.gen.outDir, 'runs', `partial-${part}`, 'mizan'))}/*.json`;
  commands.push(`for f in ${where}; do node ${CLI} coverage "$f" --json${options.coverageArgs.length > 0 ? ` ${commandLine('', options.coverageArgs).trim()}` : ''}; done`);
  const reports: ReportedSentence[][] = [];
  const golds: GoldClause[][] = [];
  let oneSided = { sentences: 0, touched: 0 };
  runs.forEach((run, i) => {
    const file = rel(files[i]!);
    if (run.error || run.status !== 0) throw new CoverageBenchError(`mizan coverage failed on ${file}: ${run.error ?? `exit ${run.status}${run.stderr ? `: ${lastLine(run.stderr)}` : ''}`}`);
    let parsed;
    try {
      parsed = readPartial(JSON.parse(run.stdout) as unknown);
    } catch (error) {
      throw new CoverageBenchError(`${file}: ${(error as Error).message.split('\n')[0]}`);
    }
    const gold = JSON.parse(readFileSync(join(info.dir, `${entries[i]!.id}.clauses.json`), 'utf8')) as GoldClause[];
    reports.push(parsed.partial);
    golds.push(gold);
    const touched = new Set(gold.map((g) => `${g.lang}:${g.index}`));
    oneSided = {
      sentences: oneSided.sentences + parsed.oneSided.length,
      touched: oneSided.touched + parsed.oneSided.filter((o) => touched.has(`${o.lang}:${o.index}`)).length,
    };
  });
  const pooled = (min?: number): PartialFigures =>
    partialFigures(golds.reduce<PartialCounts>((sum, gold, i) => addCounts(sum, scoreDocument(gold, reports[i] ?? [], min)), emptyCounts()));
  const walls = runs.map((r) => r.wallMs);
  return {
    part,
    alignment,
    docs: entries.length,
    sentences: info.sentences,
    figures: pooled(),
    ...(allConfident(reports) ? { curve: CONFIDENCE_THRESHOLDS.map((threshold) => ({ threshold, figures: pooled(threshold) })) } : {}),
    ...(alignment === 'mizan' ? { oneSided, alignMs } : {}),
    coverageMs: { phase, sum: walls.reduce((a, b) => a + b, 0), median: median(walls) },
    commands,
  };
}

/** The partial-coverage rows of the parts asked for: gold alignment, then (unless quick) end to end. */
export async function partialRows(parts: readonly Part[], summary: GenSummary, options: PartialOptions): Promise<PartialRow[]> {
  const rows: PartialRow[] = [];
  for (const part of parts) {
    for (const alignment of options.quick ? (['gold'] as const) : (['gold', 'mizan'] as const)) {
      process.stderr.write(`bench: partial coverage, ${part} part, ${alignment === 'gold' ? 'gold alignment' : "mizan's alignment"}\n`);
      rows.push(await measure(part, alignment, summary, options));
    }
  }
  return rows;
}

/**
 * `mizan coverage` on the large pair (10k sentences a side) as mizan aligned it (`align --format
 * json`, once), median wall of `repeat` runs: the speed target of issue 10 (< 2 s).
 */
export function coverageSpeed(summary: GenSummary, options: PartialOptions, repeat: number): CoverageSpeed | undefined {
  const large = summary.sets['large'];
  const dir = join(options.gen.outDir, 'large-presplit');
  const entry = existsSync(join(dir, 'manifest.tsv')) ? readManifest(join(dir, 'manifest.tsv'))[0] : undefined;
  if (!large || !entry) return undefined;
  const out = join(options.gen.outDir, 'runs', 'coverage-large');
  mkdirSync(out, { recursive: true });
  const file = join(out, 'large.json');
  const alignArgs = ['align', rel(entry.source), rel(entry.target), '--presplit', '--format', 'json', '--out', rel(file)];
  const commands = [commandLine('node', [CLI, ...alignArgs])];
  process.stderr.write('bench: coverage speed: aligning the large pair\n');
  const aligned = runTimed(process.execPath, [CLI, ...alignArgs], ROOT, options.timeoutMs);
  const sentences = large.en + large.ar;
  const alignFailed = failure(aligned);
  if (alignFailed) return { sentences, runs: [], medianMs: 0, commands, failed: `mizan align: ${alignFailed}` };
  const args = ['coverage', rel(file), '--json', ...options.coverageArgs];
  commands.push(`${commandLine('node', [CLI, ...args])} > /dev/null`);
  const runs: number[] = [];
  for (let i = 0; i < repeat; i++) {
    process.stderr.write(`bench: coverage speed: run ${i + 1} of ${repeat}\n`);
    const run = runTimed(process.execPath, [CLI, ...args], ROOT, options.timeoutMs);
    const why = failure(run);
    if (why) return { sentences, runs, medianMs: 0, commands, failed: `mizan coverage: ${why}` };
    runs.push(run.wallMs);
  }
  return { sentences, runs, medianMs: median(runs), commands };
}

const f3 = (x: number): string => x.toFixed(3);
const secs = (ms: number | undefined): string => (ms === undefined ? '' : (ms / 1000).toFixed(1));
const cellLine = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

/** One markdown table of the rows (and the confidence curve rows under their row). */
export function partialTable(rows: readonly PartialRow[]): string {
  const head = ['part', 'alignment', 'spans kept', 'clauses', 'clause recall', 'word P', 'word R', 'spans', 'words reported', 'one-sided sentences (with clause)', 'coverage s (wall / sum / median doc)', 'align s'];
  const out = [cellLine(head), cellLine(head.map(() => '---'))];
  const figureCells = (f: PartialFigures): string[] => [String(f.counts.clauses), f3(f.clauseRecall), f3(f.wordPrecision), f3(f.wordRecall), String(f.counts.spans), String(f.counts.reportedWords)];
  for (const row of rows) {
    const name = row.alignment === 'gold' ? 'gold' : 'mizan (end to end)';
    const oneSided = row.oneSided ? `${row.oneSided.sentences} (${row.oneSided.touched})` : '';
    const times = `${secs(row.coverageMs.phase)} / ${secs(row.coverageMs.sum)} / ${(row.coverageMs.median / 1000).toFixed(2)}`;
    out.push(cellLine([row.part === 'test' ? '**test**' : 'tune', name, 'all', ...figureCells(row.figures), oneSided, times, secs(row.alignMs)]));
    for (const point of row.curve ?? []) out.push(cellLine(['', '', `confidence ≥ ${point.threshold}`, ...figureCells(point.figures), '', '', '']));
  }
  return out.join('\n');
}

/**
 * Issue 10's coverage targets, on the test part with mizan's own alignment (what a user gets; the
 * gold-alignment row is beside it in the section): clause recall, word precision, and the speed.
 */
export function coverageTargets(rows: readonly PartialRow[], speed: CoverageSpeed | undefined): Target[] {
  const row = rows.find((r) => r.part === 'test' && r.alignment === 'mizan') ?? rows.find((r) => r.part === 'test' && r.alignment === 'gold');
  const out: Target[] = [];
  if (row) {
    const what = `partial-test ${row.alignment === 'mizan' ? 'end to end' : 'gold alignment'}`;
    const f = row.figures;
    out.push({ what: `${what}: added clauses found (half their words reported)`, goal: '≥ 0.9', value: f3(f.clauseRecall), met: f.clauseRecall >= 0.9 });
    out.push({ what: `${what}: word precision of reported spans`, goal: '≥ 0.7', value: f3(f.wordPrecision), met: f.wordPrecision >= 0.7 });
  }
  if (speed) {
    const value = speed.failed ? undefined : speed.medianMs / 1000;
    out.push({ what: `coverage on the large alignment (${speed.sentences} sentences), median wall`, goal: '< 2 s', value: value === undefined ? 'failed' : value.toFixed(2), met: value === undefined ? undefined : value < 2 });
  }
  return out;
}

/** The "Partial coverage" section of results.md. */
export function partialSection(rows: readonly PartialRow[], speed: CoverageSpeed | undefined): string[] {
  const confident = rows.some((r) => r.curve);
  const lines = [
    '## Partial coverage (issue 10)',
    '',
    'The clauses text (1:1 documents; 15% of the sentences grow a 5-12-word clause of another document of the same',
    'part, at the end or in the middle, on one side), with the exact place of each clause as gold (bench/out/partial-<part>).',
    '`mizan coverage --json` runs once per document on the gold 1:1 alignment (the span finder alone) and on mizan\'s own',
    'alignment of the same presplit text (end to end; a sentence left one-sided has no spans and is counted apart).',
    'A clause is found when at least half of its words are inside reported spans; word P = reported words inside gold',
    'clauses / reported words; word R = clause words reported / clause words (whitespace tokens with a letter or digit;',
    'a word is inside when more than half of its letters are). Targets (issue 10, test part): clause recall ≥ 0.90,',
    `word precision ≥ 0.70. ${confident ? 'Rows "confidence ≥ t" keep only the spans at or above t.' : 'The spans carry no confidence yet, so there is no precision/recall curve.'}`,
    '',
    partialTable(rows),
    '',
  ];
  if (speed) {
    lines.push(
      speed.failed
        ? `Coverage speed on the large alignment: failed (${speed.failed}).`
        : `Coverage speed: \`mizan coverage --json\` on the large pair as mizan aligned it (${speed.sentences} sentences): median ${(speed.medianMs / 1000).toFixed(2)} s of ${speed.runs.length} runs (${speed.runs.map((r) => (r / 1000).toFixed(2)).join(', ')} s); target < 2 s.`,
      '',
    );
  }
  lines.push('Commands:', '', ...rows.flatMap((r) => r.commands.map((c) => `    ${c}`)), ...(speed?.commands ?? []).map((c) => `    ${c}`), '');
  return lines;
}

/** Generation if needed (the whole gen is ~1 s): the summary with the partial sets. */
export function ensureGenerated(gen: GenOptions, regen: boolean): GenSummary {
  const existing = regen ? undefined : existingSummary(gen);
  if (existing?.partial && Object.values(existing.partial).every((p) => existsSync(join(p.dir, 'manifest.tsv')))) return existing;
  process.stderr.write(`bench: generating sets in ${rel(gen.outDir)} (seed ${gen.seed})\n`);
  return generate(gen);
}

/** Splits --args into arguments (whitespace-separated; no quoting needed for coverage's options). */
export const splitArgs = (text: string | undefined): string[] => (text ?? '').split(/\s+/u).filter((a) => a.length > 0);

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
    args: process.argv.slice(2),
    options: {
      part: { type: 'string', default: 'tune' },
      quick: { type: 'boolean' },
      args: { type: 'string' },
      speed: { type: 'boolean' },
      repeat: { type: 'string' },
      jobs: { type: 'string' },
      timeout: { type: 'string' },
      regen: { type: 'boolean' },
      seed: { type: 'string' },
      out: { type: 'string' },
      data: { type: 'string' },
      'doc-size': { type: 'string' },
      'large-size': { type: 'string' },
    },
  });
  } catch (error) {
    throw new CoverageBenchError((error as Error).message);
  }
  const { values } = parsed;
  const part = values.part;
  if (part !== 'tune' && part !== 'test' && part !== 'both') throw new CoverageBenchError(`--part wants tune, test or both, not "${part}"`);
  const gen = optionsFromArgs(process.argv.slice(2));
  if (!dataAvailable(gen.dataDir)) {
    console.log(`bench: no dev data at ${gen.dataDir}; skipping (benchmarks are optional)`);
    return;
  }
  if (!existsSync(join(ROOT, CLI))) throw new CoverageBenchError(`${CLI} is missing; run npm run build first`);
  const options: PartialOptions = {
    gen,
    quick: values.quick === true,
    coverageArgs: splitArgs(values.args),
    jobs: Math.max(1, Number(values.jobs ?? availableParallelism()) || 1),
    timeoutMs: (Number(values.timeout ?? 600) || 600) * 1000,
  };
  const summary = ensureGenerated(gen, values.regen === true);
  const started = process.hrtime.bigint();
  const parts: Part[] = part === 'both' ? ['tune', 'test'] : [part];
  const rows = await partialRows(parts, summary, options);
  const speed = values.speed ? coverageSpeed(summary, options, Math.max(1, Number(values.repeat ?? 3) || 3)) : undefined;
  const section = partialSection(rows, speed);
  const file = join(gen.outDir, `coverage-${part}.json`);
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), coverageArgs: options.coverageArgs, rows, speed }, null, 1)}\n`);
  console.log(section.join('\n'));
  console.log(`bench: ${((Number(process.hrtime.bigint() - started) / 1e9)).toFixed(0)} s; figures in ${rel(file)}${parts.includes('test') ? '' : ' (tune part: choose parameters here, report test)'}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    if (!(error instanceof CoverageBenchError)) throw error;
    console.error(`bench: ${(error as Error).message.split('\n')[0]}`);
    process.exitCode = 1;
  });
}
