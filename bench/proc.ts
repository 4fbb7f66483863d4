/**
 * Runs a child process timed by wall clock and, when GNU time is installed, with its peak resident
 * memory: `/usr/bin/time -v -o FILE` writes "Maximum resident set size (kbytes)" to a file of its
 * own, so the child's stdout and stderr stay untouched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface Timed {
  /** The command as a shell line, for reports. */
  command: string;
  status: number | null;
  wallMs: number;
  /** Peak RSS in kilobytes, or undefined when GNU time is missing. */
  maxRssKb: number | undefined;
  stdout: string;
  stderr: string;
  error: string | undefined;
}

/** Quotes an argument for a POSIX shell only when needed, so printed commands stay readable. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(cmd: string, args: readonly string[]): string {
  return [cmd, ...args].map(shellQuote).join(' ');
}

export function hasGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

export function runTimed(cmd: string, args: readonly string[], cwd: string, timeoutMs: number): Timed {
  const tmp = mkdtempSync(join(tmpdir(), 'mizan-bench-'));
  const timeFile = join(tmp, 'time.txt');
  const useTime = hasGnuTime();
  const [file, argv] = useTime ? [GNU_TIME, ['-v', '-o', timeFile, cmd, ...args]] : [cmd, [...args]];
  const start = process.hrtime.bigint();
  const result = spawnSync(file, argv, { cwd, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 28 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  let maxRssKb: number | undefined;
  if (useTime && existsSync(timeFile)) {
    const match = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(readFileSync(timeFile, 'utf8'));
    if (match) maxRssKb = Number(match[1]);
  }
  rmSync(tmp, { recursive: true, force: true });
  const timedOut = result.error && 'code' in result.error && result.error.code === 'ETIMEDOUT';
  return {
    command: commandLine(cmd, args),
    status: result.status,
    wallMs,
    maxRssKb,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    error: timedOut ? `timed out after ${timeoutMs} ms` : result.error?.message,
  };
}

/** One line saying why a run failed: the spawn error, else the last non-empty stderr line, else the exit status. */
export function failure(run: Timed): string | undefined {
  if (run.error) return run.error;
  if (run.status === 0) return undefined;
  const last = run.stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('Command exited with non-zero status'))
    .at(-1);
  return `exit ${run.status}${last ? `: ${last.slice(0, 160)}` : ''}`;
}
