/**
 * Peak memory of `mizan batch --stdin` given a 100 MB single-line record: --max-input is enforced
 * while the line is read (src/cli/stream-lines.ts), so the record is refused with one error line
 * and memory stays near where two small records leave it: what is held is bounded by the limit,
 * not by the line (compare --max-input 1M). Not compared: a limit above the record, under which
 * mizan would align a 100 MB text (minutes and gigabytes). Needs GNU time (/usr/bin/time) and a
 * build (`npm run build`). Run: `node dist/bench/stream-memory.js [MB]`.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MB = Number(process.argv[2] ?? 100);
const ROOT = join(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'dist/src/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'mizan-stream-mem-'));

const small = (id: string) => JSON.stringify({ id, source: 'Putin met Hollande in Moscow on Thursday.', target: 'التقى بوتين أولوند في موسكو يوم الخميس.' }) + '\n';

function writeInput(name: string, huge: boolean): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  writeSync(fd, small('before'));
  if (huge) {
    writeSync(fd, '{"id": "huge", "source": "');
    const block = Buffer.from('The talks went on. '.repeat(Math.ceil((1 << 20) / 19)).slice(0, 1 << 20));
    for (let k = 0; k < MB; k++) writeSync(fd, block);
    writeSync(fd, '", "target": "التقى بوتين."}\n');
  }
  writeSync(fd, small('after'));
  closeSync(fd);
  return path;
}

function run(input: string, extra: string[]): { rssMb: number; seconds: number; lines: string[]; status: number | null } {
  const timeFile = join(dir, 'time.txt');
  const fd = openSync(input, 'r');
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', '-o', timeFile, process.execPath, MAIN, 'batch', '--stdin', ...extra], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 30 });
  closeSync(fd);
  const seconds = (performance.now() - started) / 1000;
  const kb = Number(/Maximum resident set size \(kbytes\):\s*(\d+)/.exec(readFileSync(timeFile, 'utf8'))?.[1] ?? NaN);
  const lines = r.stdout.trimEnd().split('\n').map((line) => (line.length > 120 ? `${line.slice(0, 117)}...` : line));
  return { rssMb: kb / 1024, seconds, lines, status: r.status };
}

try {
  const plain = writeInput('small.jsonl', false);
  const huge = writeInput('huge.jsonl', true);
  const rows: Array<[string, ReturnType<typeof run>]> = [
    ['2 small records', run(plain, [])],
    [`2 small records + one ${MB} MB line (default --max-input 16M)`, run(huge, [])],
    [`the same, --max-input 1M`, run(huge, ['--max-input', '1M'])],
  ];
  console.log(`| input | peak RSS | wall | output lines |\n|---|---|---|---|`);
  for (const [name, r] of rows) console.log(`| ${name} | ${r.rssMb.toFixed(0)} MB | ${r.seconds.toFixed(2)} s | ${r.lines.length} (status ${r.status}) |`);
  console.log('\nanswers with the default limit:');
  for (const line of rows[1]![1].lines) console.log(`  ${line}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
