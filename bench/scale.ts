/**
 * How mizan's cost grows: batch throughput over many pairs, and time and peak memory of single
 * pairs of 1k, 10k and 50k sentences a side, each a child process (`mizan batch` / `mizan align`,
 * timed by bench/proc.ts with GNU time's peak RSS). Text comes from FLORES-200 + TICO-19 in
 * ../shared/data/dev, read at bench time and written only under bench/out/scale (git-ignored).
 * Large pairs cycle through the corpus in a fresh seeded order each round, and every tenth
 * sentence is left out of the Arabic side, so the aligner has one-sided beads to find.
 *   npm run build && npm run bench:scale [-- --sizes 1000,10000,50000 --pairs 300 --data DIR]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pair } from './perturb.js';
import { commandLine, runTimed, type Timed } from './proc.js';
import { createRng, shuffled } from './rng.js';
import { dataAvailable, loadFlores, loadTico } from './sources.js';

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'dist/src/cli/main.js');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback);
const dataDir = option('--data', join(ROOT, '../shared/data/dev'));
const sizes = option('--sizes', '1000,10000,50000').split(',').map(Number);
const manyPairs = Number(option('--pairs', '300'));
const out = join(ROOT, 'bench/out/scale');

if (!dataAvailable(dataDir)) {
  console.log(`no dev data in ${dataDir}; nothing to measure`);
  process.exit(0);
}
const docs = [...loadFlores(dataDir), ...loadTico(dataDir)];
const sentences: Pair[] = docs.flatMap((d) => d.pairs);

/** `n` sentence pairs, the corpus cycled in a new order each round. */
function take(n: number): Pair[] {
  const picked: Pair[] = [];
  for (let round = 0; picked.length < n; round++) picked.push(...shuffled(sentences, createRng(1000 + round)).slice(0, n - picked.length));
  return picked;
}

function writePair(dir: string, id: string, pairs: readonly Pair[]): void {
  writeFileSync(join(dir, `${id}.en`), pairs.map((p) => `${p.en}\n`).join(''));
  writeFileSync(join(dir, `${id}.ar`), pairs.filter((_, k) => k % 10 !== 3).map((p) => `${p.ar}\n`).join(''));
}

function run(argv: string[]): Timed {
  const timed = runTimed(process.execPath, [MAIN, ...argv], ROOT, 30 * 60_000);
  if (timed.status !== 0) throw new Error(`${timed.command} failed: ${timed.error ?? timed.stderr.trim()}`);
  return timed;
}

const mb = (kb: number | undefined) => (kb === undefined ? 'n/a' : `${Math.round(kb / 1024)} MB`);
const report: string[] = [];
const say = (line: string) => {
  console.log(line);
  report.push(line);
};

rmSync(out, { recursive: true, force: true });
// Many pairs: the corpus's documents (~30 sentences each), cycled up to `manyPairs`.
const many = join(out, 'many');
mkdirSync(many, { recursive: true });
const manifest: string[] = [];
for (let k = 0; k < manyPairs; k++) {
  const doc = docs[k % docs.length]!;
  const id = `doc${String(k).padStart(4, '0')}`;
  writePair(many, id, doc.pairs);
  manifest.push(`${id}\t${id}.en\t${id}.ar\n`);
}
writeFileSync(join(many, 'manifest.tsv'), manifest.join(''));
const batchArgs = ['batch', join(many, 'manifest.tsv'), '--outdir', join(out, 'many-out'), '--format', 'ladder', '--presplit', '--force'];
const batch = run(batchArgs);
const figures = batch.stderr.trim().split('\n')[0] ?? '';
const sentenceCount = Number(/\((\d+) sentences\)/.exec(figures)?.[1] ?? 0);
say(`## mizan batch, ${manyPairs} pairs`);
say(`${figures.replace(/^mizan: /, '')}; whole process ${(batch.wallMs / 1000).toFixed(2)} s, ${Math.round(manyPairs / (batch.wallMs / 1000))} pairs/s, ${Math.round(sentenceCount / (batch.wallMs / 1000))} sentences/s, peak ${mb(batch.maxRssKb)} (the whole process, worker threads included)`);
say(`    ${batch.command.replaceAll(ROOT + '/', '').replace(process.execPath, 'node')}`);

say('');
say('## single pairs (--presplit, every tenth Arabic sentence left out)');
say('| sentences a side (en / ar) | wall | peak RSS | ms per 1k sentences |');
say('|---|---|---|---|');
const single = join(out, 'single');
mkdirSync(single, { recursive: true });
const commands: string[] = [];
for (const n of sizes) {
  const id = `pair${n}`;
  writePair(single, id, take(n));
  const argv = ['align', join(single, `${id}.en`), join(single, `${id}.ar`), '--presplit', '--format', 'ladder', '--out', join(out, `${id}.ladder`)];
  const timed = run(argv);
  commands.push(commandLine('node', ['dist/src/cli/main.js', ...argv.map((a) => a.replace(ROOT + '/', ''))]));
  say(`| ${n} / ${n - Math.floor((n + 6) / 10)} | ${(timed.wallMs / 1000).toFixed(2)} s | ${mb(timed.maxRssKb)} | ${((timed.wallMs / n) * 1000).toFixed(0)} |`);
}
say('');
for (const c of commands) say(`    ${c}`);
writeFileSync(join(out, 'results.md'), report.join('\n') + '\n');
