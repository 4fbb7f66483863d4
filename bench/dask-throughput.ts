/**
 * Throughput of the Dask recipe (scripts/dask-align.py) against one `mizan batch --stdin` process
 * on the same corpus: the scale benchmark's many-pairs set (FLORES-200 + TICO-19 documents of ~30
 * sentences from ../shared/data/dev, every tenth Arabic sentence left out, --presplit) as JSONL
 * stream records, written under bench/out/dask (git-ignored). Needs python3-distributed and a
 * build. Run: `npm run build && node dist/bench/dask-throughput.js [--pairs 300] [--workers 2]`.
 * Both runs' answers must be equal, line for line, or the figures are not reported.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataAvailable, loadFlores, loadTico } from './sources.js';

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'dist/src/cli/main.js');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback);
const dataDir = option('--data', join(ROOT, '../shared/data/dev'));
const pairs = Number(option('--pairs', '300'));
const workers = option('--workers', '2');
const partition = option('--partition-size', '150');
const out = join(ROOT, 'bench/out/dask');
const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import distributed'], { stdio: 'ignore' }).status === 0);

if (!dataAvailable(dataDir) || !python) {
  console.log(!python ? 'python3-distributed is not installed; nothing to measure' : `no dev data in ${dataDir}; nothing to measure`);
  process.exit(0);
}
const docs = [...loadFlores(dataDir), ...loadTico(dataDir)];
mkdirSync(out, { recursive: true });
const corpus = join(out, 'corpus.jsonl');
let sentences = 0;
const lines: string[] = [];
for (let k = 0; k < pairs; k++) {
  const doc = docs[k % docs.length]!;
  const ar = doc.pairs.filter((_, i) => i % 10 !== 3);
  sentences += doc.pairs.length + ar.length;
  lines.push(JSON.stringify({ id: `doc${String(k).padStart(4, '0')}`, source: doc.pairs.map((p) => p.en).join('\n'), target: ar.map((p) => p.ar).join('\n') }));
}
writeFileSync(corpus, lines.join('\n') + '\n');

function timed(label: string, command: string): { seconds: number; stderr: string } {
  const started = performance.now();
  const r = spawnSync('sh', ['-c', command], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${label} failed (${r.status}): ${r.stderr.trim().split('\n').at(-1)}`);
  return { seconds, stderr: r.stderr };
}

const rel = (p: string) => p.replace(ROOT + '/', '');
const singleCommand = `node ${rel(MAIN)} batch --stdin --presplit < ${rel(corpus)} > ${rel(join(out, 'single.jsonl'))}`;
const daskCommand = `${python} scripts/dask-align.py ${rel(corpus)} ${rel(join(out, 'dask.jsonl'))} --local ${workers} --partition-size ${partition} --mizan "node ${rel(MAIN)}" -- --presplit`;
const single = timed('mizan batch --stdin', singleCommand).seconds;
const daskRun = timed('dask-align', daskCommand);
const dask = daskRun.seconds;
// The script's own figure: from a running cluster to the output written.
const daskJob = Number(/, ([\d.]+) s\n?$/.exec(daskRun.stderr.trim())?.[1] ?? NaN);
if (readFileSync(join(out, 'single.jsonl'), 'utf8') !== readFileSync(join(out, 'dask.jsonl'), 'utf8')) throw new Error('the Dask answers differ from the single process');
const row = (name: string, s: number) => `| ${name} | ${s.toFixed(2)} s | ${(pairs / s).toFixed(0)} pairs/s | ${(sentences / s).toFixed(0)} sentences/s |`;
console.log(`${pairs} pairs, ${sentences} sentences; answers identical\n\n| run | wall (whole job) | pairs/s | sentences/s |\n|---|---|---|---|`);
console.log(row('one `mizan batch --stdin` process', single));
console.log(row(`Dask LocalCluster, ${workers} workers, partitions of ${partition}, cluster start-up included`, dask));
console.log(row(`the same, once the cluster is up (dask-align's own figure)`, daskJob));
console.log(`\n    ${singleCommand}\n    ${daskCommand}`);
