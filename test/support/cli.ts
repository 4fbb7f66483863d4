/**
 * The built command line, spawned as a user runs it (`npm test` runs tsc first, so dist/ is
 * current; a bare `vitest run` needs `npx tsc -p .`). One runner for every test that spawns it.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { ExpectStatic } from 'vitest';

export const ROOT = join(import.meta.dirname, '..', '..');
export const MAIN = join(ROOT, 'dist/src/cli/main.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time of the whole process. */
  ms: number;
}

export interface RunOptions {
  cwd?: string;
  /** Written to the CLI's standard input, which is then closed. */
  stdin?: string;
  /** Added to the environment; MIZAN_DEBUG and MIZAN_MAX_INPUT are cleared unless given here. */
  env?: Record<string, string>;
}

/** Runs `mizan ARGS`; tests run concurrently, so spawns overlap. */
export function runMizan(args: string[], options: RunOptions = {}): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, MIZAN_DEBUG: '', MIZAN_MAX_INPUT: '', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.on('error', () => {}); // a command that exits before reading stdin
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** Exactly one line on stderr, "mizan: " first, no trace; nothing on stdout; a non-zero status (or the one given). */
export function expectOneLineError(expect: ExpectStatic, r: Run, message: RegExp, code?: number): void {
  expect(r.stderr).toMatch(/^mizan: [^\n]*\n$/);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toContain('    at ');
  expect(r.stdout).toBe('');
  expect(r.code).not.toBe(0);
  if (code !== undefined) expect(r.code).toBe(code);
}
