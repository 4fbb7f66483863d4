/**
 * The Dask recipe (scripts/dask-align.py) on a real distributed engine: a scheduler and two
 * `dask worker` processes on loopback, a JSONL corpus cut into partitions, each piped through
 * `mizan batch --stdin`. The answers equal one `mizan batch --stdin` run record for record; a
 * record that fails comes back as its error line; a worker killed (SIGKILL) while its mizan is
 * running has its partition run again elsewhere, with no record lost or duplicated.
 *
 * Needs Debian's python3-distributed: installed here when missing and possible (root, apt-get),
 * as .ci/run installs it; otherwise the test is skipped with the reason.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { MAIN, ROOT } from './support/cli.js';

const works = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore', timeout: 60_000 }).status === 0;
const pythonWithDask = () => ['python3', '/usr/bin/python3'].find((python) => works(python, ['-c', 'import distributed']));

function ensureDask(): string | null {
  if (pythonWithDask() && works('dask', ['--version'])) return null;
  if (process.getuid?.() !== 0 || !works('apt-get', ['--version'])) return 'python3-distributed is not installed and this user cannot apt-get it';
  const install = () => spawnSync('apt-get', ['install', '-y', '-qq', 'python3-distributed'], { stdio: 'ignore', timeout: 600_000 }).status === 0;
  if (!install() && !(spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', timeout: 300_000 }).status === 0 && install())) return 'apt-get could not install python3-distributed';
  return pythonWithDask() && works('dask', ['--version']) ? null : 'python3-distributed installed, but python3 cannot import distributed';
}

const missing = ensureDask();
if (missing) console.warn(`test/dask.test.ts skipped: ${missing}`);
const python = pythonWithDask() ?? 'python3';

const dir = mkdtempSync(join(tmpdir(), 'mizan-dask-'));
const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) continue;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

const EN = ['Putin met Hollande in Moscow on Thursday.', 'The two leaders discussed the war in Syria.', 'France bombed Raqqa after the attacks in Paris.', 'Oil prices fell by 3 percent in London.'];
const AR = ['التقى بوتين أولوند في موسكو يوم الخميس.', 'وناقش الزعيمان الحرب في سوريا.', 'وقصفت فرنسا الرقة بعد هجمات باريس.', 'وانخفضت أسعار النفط بنسبة 3 في المئة في لندن.'];

/** A process in its own group (so a kill takes its children too), its output kept. */
function start(cmd: string, args: string[]): ChildProcess & { log: () => string } {
  const child = spawn(cmd, args, { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (log += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (log += s));
  started.push(child);
  return Object.assign(child, { log: () => log });
}

/** Pids whose parent is `pid` (by ps: the /proc children lists are not in every kernel). */
const childrenOf = (pid: number) => spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).stdout.split('\n').filter((s) => s.trim() !== '');

describe.skipIf(missing !== null)('mizan under Dask distributed', () => {
  it('equals one batch process record for record, keeps error lines, survives a killed worker', async () => {
    // 24 records, one of them failing (two English texts), in 6 partitions of 4.
    const records = Array.from({ length: 24 }, (_, k) =>
      JSON.stringify(k === 9 ? { id: `r${k}`, source: EN.join(' '), target: EN.join(' ') } : { id: `r${k}`, source: EN.slice(0, 1 + (k % 4)).join(' '), target: AR.slice(0, 1 + (k % 4)).join('\n') }),
    );
    writeFileSync(join(dir, 'corpus.jsonl'), records.join('\n') + '\n');
    const single = spawnSync(process.execPath, [MAIN, 'batch', '--stdin'], { input: readFileSync(join(dir, 'corpus.jsonl')), encoding: 'utf8' });
    expect(single.status).toBe(1);
    const expected = single.stdout.trimEnd().split('\n');
    expect(expected).toHaveLength(24);

    const scheduler = start('dask', ['scheduler', '--scheduler-file', 'scheduler.json', '--host', '127.0.0.1', '--port', '0', '--no-dashboard']);
    await vi.waitFor(() => expect(existsSync(join(dir, 'scheduler.json'))).toBe(true), { timeout: 30_000, interval: 100 });
    const address = (JSON.parse(readFileSync(join(dir, 'scheduler.json'), 'utf8')) as { address: string }).address;
    expect(address).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/);
    const worker = (name: string) => start('dask', ['worker', address, '--name', name, '--nthreads', '1', '--no-nanny', '--host', '127.0.0.1', '--no-dashboard']);
    const [w1, w2] = [worker('w1'), worker('w2')];
    await vi.waitFor(() => expect(scheduler.log().match(/Register worker/g) ?? []).toHaveLength(2), { timeout: 30_000, interval: 100 });

    const driver = start(python, [join(ROOT, 'scripts/dask-align.py'), 'corpus.jsonl', 'out.jsonl', '--scheduler', address, '--partition-size', '4', '--mizan', `${process.execPath} ${MAIN}`]);
    // Kill w1 with everything it runs once it is inside a task (its mizan is running).
    await vi.waitFor(() => expect(childrenOf(w1.pid!).length).toBeGreaterThan(0), { timeout: 30_000, interval: 20 });
    process.kill(-w1.pid!, 'SIGKILL');
    const code = await new Promise<number | null>((resolve) => driver.on('close', resolve));
    expect(driver.log()).toMatch(/dask-align: 24 records in 6 partitions, 1 error line\(s\)/);
    expect(code).toBe(1);
    expect(w1.signalCode).toBe('SIGKILL');
    expect(w2.exitCode).toBeNull();
    expect(scheduler.log()).toMatch(/Remove worker .*w1|lost|Removing worker/i);

    const answers = readFileSync(join(dir, 'out.jsonl'), 'utf8').trimEnd().split('\n');
    expect(answers).toEqual(expected);
    const ids = answers.map((line) => (JSON.parse(line) as { id: string }).id);
    expect(new Set(ids).size).toBe(24);
    expect(JSON.parse(answers[9]!)).toEqual({ id: 'r9', error: expect.stringMatching(/both English/) });
  }, 90_000);
});
