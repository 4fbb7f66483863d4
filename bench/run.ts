/**
 * `npm run bench` (= node dist/bench/run.js, after `npm run build`): generates the sets if needed
 * (bench/gen.ts), aligns them with `mizan batch` (all evidence; `--evidence dict`; on the ablation
 * sets all evidence but one part, per part) and with the same CLI's `--aligner gale-church`
 * baseline, scores presplit sets with `mizan eval --json` and raw-text sets by sentence-pair links
 * (bench/links.ts), times the speed subset and the large pair, measures partial coverage (bench/coverage.ts:
 * `mizan coverage --json` against the exact places of added clauses, on the gold alignment and end
 * to end, both parts, and coverage's speed on the large pair), and writes bench/out/results.{md,json}
 * plus bench/out/commands.sh with every command exactly as run. A missing CLI build, or a failing
 * `mizan eval`, stops the run with one line and exit 1: there is no other scorer.
 *
 * Options: --self-check (score the gold against itself through `mizan eval`: every figure must be
 * 1.0; exits 1 if not), --quick (mizan and dict-only only; partial coverage on the gold alignment only), --regen, --repeat N (speed runs,
 * median; default 3), --no-large, --timeout SECONDS (per command, default 600), and gen.ts's
 * --seed/--out/--data.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { CoverageBenchError, coverageSpeed, coverageTargets, type CoverageSpeed, partialRows, type PartialRow, partialSection } from './coverage.js';
import { MEASURES, readEvalJson } from './eval-json.js';
import { describe, existingSummary, type GenOptions, type GenSummary, generate, optionsFromArgs, packageRoot } from './gen.js';
import { countLinks, type LinkCounts, linkScores, sumCounts } from './links.js';
import { commandLine, failure, hasGnuTime, runTimed, type Timed } from './proc.js';
import { renderResults, type Row } from './report.js';
import { dataAvailable } from './sources.js';
import { summarySections, targets } from './summary.js';
import {
  DICT_ONLY,
  freshDir,
  GALE_CHURCH,
  GOLD,
  goldAsJsonl,
  goldLadderPath,
  ladderShare,
  type ManifestEntry,
  MIZAN,
  readGoldBeads,
  readJsonlBeads,
  readManifest,
  type SetSpec,
  setSpecs,
  type System,
  systemsFor,
  textShare,
} from './systems.js';

interface RunOptions {
  gen: GenOptions;
  regen: boolean;
  selfCheck: boolean;
  quick: boolean;
  repeat: number;
  large: boolean;
  timeoutMs: number;
}

const ROOT = packageRoot();
const CLI = 'dist/src/cli/main.js';
const rel = (path: string): string => relative(ROOT, path) || '.';
/** Every command exactly as run, for commands.sh. */
const executed: string[] = [];
const log = (message: string): void => void process.stderr.write(`bench: ${message}\n`);

/** Stops the run: main prints the message as one line and exits 1. */
class Fatal extends Error {}

const RUN_OPTIONS = {
  'self-check': { type: 'boolean' },
  quick: { type: 'boolean' },
  regen: { type: 'boolean' },
  repeat: { type: 'string' },
  'no-large': { type: 'boolean' },
  timeout: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  data: { type: 'string' },
  'doc-size': { type: 'string' },
  'large-size': { type: 'string' },
} as const;

function parseRunArgs(argv: string[]): RunOptions {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: RUN_OPTIONS }));
  } catch (error) {
    throw new Fatal((error as Error).message);
  }
  return {
    gen: optionsFromArgs(argv),
    regen: values.regen === true,
    selfCheck: values['self-check'] === true,
    quick: values.quick === true,
    repeat: Math.max(1, Number(values.repeat ?? 3) || 3),
    large: values['no-large'] !== true,
    timeoutMs: (Number(values.timeout ?? 600) || 600) * 1000,
  };
}

/** Runs the CLI with paths relative to the package root, so the printed command is the one run. */
function cli(args: string[], timeoutMs: number): Timed {
  const run = runTimed(process.execPath, [CLI, ...args], ROOT, timeoutMs);
  run.command = commandLine('node', [CLI, ...args]);
  executed.push(run.command);
  return run;
}

/** Aligns a set with one system into `runDir`; fills the row's timing and failure. Returns test file paths. */
function align(spec: SetSpec, entries: ManifestEntry[], system: System, runDir: string, row: Row, options: RunOptions): string[] {
  const ext = spec.form === 'presplit' ? 'ladder' : 'jsonl';
  const outFile = (e: ManifestEntry) => join(runDir, `${e.id}.${ext}`);
  if (system.kind === 'gold') {
    if (spec.form === 'presplit') return entries.map((e) => goldLadderPath(spec.dir, e.id));
    entries.forEach((e) => goldAsJsonl(join(spec.dir, `${e.id}.gold.json`), outFile(e)));
    return entries.map(outFile);
  }
  const formatArgs = spec.form === 'presplit' ? ['--format', 'ladder', '--presplit'] : ['--format', 'jsonl'];
  const first = entries[0];
  const extra = [...system.args, ...spec.extraArgs.map((a) => (isAbsolute(a) ? rel(a) : a))];
  const args =
    spec.single && first
      ? ['align', rel(first.source), rel(first.target), ...formatArgs, '--out', rel(outFile(first)), ...extra]
      : ['batch', rel(spec.manifest), '--outdir', rel(runDir), ...formatArgs, ...extra];
  const run = cli(args, options.timeoutMs);
  row.commands.push(run.command);
  row.wallMs = run.wallMs;
  row.maxRssKb = run.maxRssKb;
  const why = failure(run);
  const missing = entries.filter((e) => !existsSync(outFile(e)));
  // A batch that fails on a few documents still says much about the rest: score what it wrote,
  // with the missing documents as empty alignments (all their gold missed), and say so.
  if (why && missing.length === entries.length) {
    row.failed = why;
    return [];
  }
  if (why) row.notes.push(`the command failed (${why})`);
  if (missing.length > 0) {
    row.notes.push(`${missing.length} of ${entries.length} documents had no output (${missing.slice(0, 5).map((e) => e.id).join(', ')}${missing.length > 5 ? ', ...' : ''}); scored as empty alignments`);
    missing.forEach((e) => writeFileSync(outFile(e), ''));
  }
  return entries.map(outFile);
}

/** Bead figures from `mizan eval --json`, the only bead scorer; stops the run if it fails. */
function scorePresplit(spec: SetSpec, entries: ManifestEntry[], tests: string[], runDir: string, row: Row, options: RunOptions): void {
  const golds = entries.map((e) => goldLadderPath(spec.dir, e.id));
  const run = cli(['eval', '--gold', ...golds.map(rel), '--test', ...tests.map(rel), '--json'], options.timeoutMs);
  const testGlob = row.system === 'gold' ? `${rel(spec.dir)}/*.gold.ladder` : `${rel(runDir)}/*.ladder`;
  row.commands.push(`(export LC_ALL=C; node ${CLI} eval --gold ${rel(spec.dir)}/*.gold.ladder --test ${testGlob} --json)`);
  const where = `${spec.name}, ${row.system}`;
  const why = failure(run);
  if (why) throw new Fatal(`mizan eval failed on ${where}: ${why}`);
  let result;
  try {
    result = readEvalJson(run.stdout);
  } catch (error) {
    throw new Fatal(`${(error as Error).message} on ${where}`);
  }
  if (result.documents !== golds.length) throw new Fatal(`mizan eval scored ${result.documents} documents of ${golds.length} on ${where}`);
  row.beads = { strict: result.strict, lax: result.lax, oneSided: result.oneSided };
  row.scorer = 'mizan eval';
  row.share = ladderShare(tests);
}

function scoreRaw(spec: SetSpec, entries: ManifestEntry[], tests: string[], row: Row): void {
  const predicted = entries.map((_, i) => readJsonlBeads(tests[i] ?? ''));
  const counts: LinkCounts[] = entries.map((e, i) => countLinks(readGoldBeads(join(spec.dir, `${e.id}.gold.json`)), predicted[i] ?? []));
  row.links = linkScores(sumCounts(counts));
  row.scorer = 'bench/links.ts';
  row.share = textShare(predicted);
}

function runSet(spec: SetSpec, system: System, options: RunOptions): Row {
  log(`${spec.name}: ${system.name}`);
  const entries = readManifest(spec.manifest);
  const row: Row = {
    set: spec.name,
    family: spec.family,
    form: spec.form,
    ...(spec.part ? { part: spec.part } : {}),
    system: system.name,
    notes: [],
    segments: spec.en + spec.ar,
    commands: [],
  };
  const runDir = freshDir(join(options.gen.outDir, 'runs', spec.name, system.name));
  const tests = align(spec, entries, system, runDir, row, options);
  if (row.failed) return row;
  if (spec.form === 'presplit') scorePresplit(spec, entries, tests, runDir, row, options);
  else scoreRaw(spec, entries, tests, row);
  return row;
}

/** The speed case of the issue: the speed subset through one `mizan batch`, median wall of N runs. */
function runSpeed(options: RunOptions, summary: GenSummary): Row {
  const { docs, en, ar, manifest } = summary.speed;
  const row: Row = { set: `speed subset (${docs} docs)`, family: 'speed', form: 'presplit', system: 'mizan', notes: [], segments: en + ar, commands: [] };
  const runs: Timed[] = [];
  for (let i = 0; i < options.repeat; i++) {
    log(`speed subset: run ${i + 1} of ${options.repeat}`);
    const runDir = freshDir(join(options.gen.outDir, 'runs', 'speed', 'mizan'));
    runs.push(cli(['batch', rel(manifest), '--outdir', rel(runDir), '--format', 'ladder', '--presplit'], options.timeoutMs));
  }
  const why = runs.map(failure).find((f) => f !== undefined);
  if (why) row.notes.push(`the command failed (${why}); the time covers the documents it did align`);
  const walls = runs.map((r) => r.wallMs).sort((a, b) => a - b);
  row.wallMs = walls[Math.floor(walls.length / 2)];
  const rss = runs.map((r) => r.maxRssKb).filter((k): k is number => k !== undefined);
  row.maxRssKb = rss.length > 0 ? Math.max(...rss) : undefined;
  row.notes.push(`${en} en / ${ar} ar lines; wall is the median of ${runs.length} runs (${walls.map((w) => (w / 1000).toFixed(2)).join(', ')} s), RSS the max`);
  row.commands.push(runs[0]?.command ?? '');
  return row;
}

function selfCheckFailures(rows: readonly Row[]): string[] {
  const bad: string[] = [];
  for (const row of rows.filter((r) => r.system === 'gold')) {
    // With no one-sided gold bead (clauses), one-sided detection has nothing to find: its figures are 0 by convention.
    const vacuous = row.share?.oneSided === 0;
    const measures = MEASURES.filter((m) => !(vacuous && m === 'oneSided'));
    const figures = row.beads
      ? measures.flatMap((m) => [row.beads![m].precision, row.beads![m].recall, row.beads![m].f1])
      : row.links
        ? [row.links.links.f1, row.links.links.precision, ...(vacuous ? [] : [row.links.oneSided.f1])]
        : [];
    if (row.failed || figures.length === 0 || figures.some((x) => Math.abs(x - 1) > 1e-12)) bad.push(row.set);
  }
  return bad;
}

async function main(): Promise<void> {
  const options = parseRunArgs(process.argv.slice(2));
  if (!dataAvailable(options.gen.dataDir)) {
    console.log(`bench: no dev data at ${options.gen.dataDir}; skipping (benchmarks are optional)`);
    return;
  }
  if (!existsSync(join(ROOT, CLI))) throw new Fatal(`${CLI} is missing; run npm run build first`);
  let summary = options.regen ? undefined : existingSummary(options.gen);
  if (!summary) {
    log(`generating sets in ${rel(options.gen.outDir)} (seed ${options.gen.seed})`);
    summary = generate(options.gen);
  }
  executed.push(`node dist/bench/gen.js --seed ${options.gen.seed} --out ${rel(options.gen.outDir)}`);
  const systemsOf = (spec: SetSpec): System[] => (options.selfCheck ? [GOLD] : systemsFor(spec, options.quick));
  const specs = setSpecs(options.gen, summary).filter((s) => options.large || !s.single);
  const started = process.hrtime.bigint();
  const rows = specs.flatMap((spec) => systemsOf(spec).map((system) => runSet(spec, system, options)));
  const speed = options.selfCheck ? undefined : runSpeed(options, summary);
  // Partial coverage (issue 10): coverage on the gold alignment and end to end, both parts; --quick: gold alignment only.
  let partial: PartialRow[] = [];
  let covSpeed: CoverageSpeed | undefined;
  if (!options.selfCheck) {
    const coverageOptions = { gen: options.gen, quick: options.quick, coverageArgs: [], jobs: availableParallelism(), timeoutMs: options.timeoutMs };
    try {
      partial = await partialRows(['test', 'tune'], summary, coverageOptions);
      covSpeed = options.large ? coverageSpeed(summary, coverageOptions, options.repeat) : undefined;
    } catch (error) {
      if (error instanceof CoverageBenchError) throw new Fatal(error.message);
      throw error;
    }
    executed.push(...partial.flatMap((r) => r.commands), ...(covSpeed?.commands ?? []));
  }
  const totalS = Number(process.hrtime.bigint() - started) / 1e9;
  const primary = options.selfCheck ? GOLD.name : MIZAN.name;
  const goals = [...targets(rows, speed, primary), ...coverageTargets(partial, covSpeed)];
  const ablationSets = specs.filter((s) => s.ablation).map((s) => s.name);
  const shown = options.selfCheck ? [GOLD.name] : [MIZAN.name, DICT_ONLY.name, ...(options.quick ? [] : [GALE_CHURCH.name])];
  const { before, after } = summarySections(rows, primary, ablationSets, shown);
  const markdown = renderResults({
    command: ['node dist/bench/run.js', ...process.argv.slice(2)].join(' '),
    environment: `Node ${process.version}, ${cpus().length} CPUs; peak RSS ${hasGnuTime() ? 'from /usr/bin/time -v' : 'n/a (no /usr/bin/time)'}`,
    commandsFile: rel(join(options.gen.outDir, 'commands.sh')),
    seed: options.gen.seed,
    outDir: rel(options.gen.outDir),
    summary: describe(summary),
    specs,
    rows,
    speed,
    goals,
    before,
    after: [...after, ...(options.selfCheck ? [] : partialSection(partial, covSpeed)), `The whole run (alignment, scoring, speed) took ${totalS.toFixed(0)} s, generation aside.`, ''],
  });
  writeFileSync(join(options.gen.outDir, 'results.md'), `${markdown}\n`);
  const json = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, options, summary, ablationSets, rows, speed, partial, coverageSpeed: covSpeed, targets: goals, runSeconds: totalS };
  writeFileSync(join(options.gen.outDir, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(join(options.gen.outDir, 'commands.sh'), `#!/bin/sh\n# every command of the last bench run, exactly as run (some may have failed: see results.md)\ncd ${ROOT}\n${executed.join('\n')}\n`);
  console.log(markdown);
  console.log(`\nbench: wrote ${rel(join(options.gen.outDir, 'results.md'))}, results.json and commands.sh`);
  if (options.selfCheck) {
    const bad = selfCheckFailures(rows);
    if (bad.length > 0) {
      console.log(`bench: SELF-CHECK FAILED on ${bad.join(', ')}`);
      process.exitCode = 1;
    } else console.log('bench: self-check passed (gold against itself gives 1.0 everywhere)');
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof Fatal)) throw error;
  console.error(`bench: ${error.message}`);
  process.exitCode = 1;
}
