/**
 * Two reviews of one file, in real terminals (tmux): the second is told who holds the file and may
 * open it read-only, where saving is refused; the lock goes when its holder quits, is closed
 * (SIGHUP) or killed with SIGTERM; a lock left by a dead process (kill -9) is taken over.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { MAIN } from './support/cli.js';
import { AR, EN } from './support/review-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'mizan-lock-'));
const SOCKET = `mizan-lock-${process.pid}`;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const screen = (name: string) => tmux('capture-pane', '-p', '-t', name);

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  rmSync(dir, { recursive: true, force: true });
});

async function waitFor(name: string, text: string): Promise<void> {
  await vi.waitFor(
    () => {
      const shown = screen(name);
      if (!shown.includes(text)) throw new Error(`${name} never showed "${text}":\n${shown}`);
    },
    { timeout: 20_000, interval: 50 },
  );
}

function open(name: string, file: string): void {
  tmux('new-session', '-d', '-s', name, '-x', '110', '-y', '24', `cd '${dir}' && env -u CI '${process.execPath}' '${MAIN}' review ${file}; echo "RC=$?"; sleep 120`);
}

const lockOf = (file: string) => JSON.parse(readFileSync(join(dir, `${file}.lock`), 'utf8')) as { pid: number; since: string };

function alignment(name: string): string {
  writeFileSync(join(dir, `${name}.en.txt`), EN.join('\n') + '\n');
  writeFileSync(join(dir, `${name}.ar.txt`), AR.join('\n') + '\n');
  const r = spawnSync(process.execPath, [MAIN, 'align', `${name}.en.txt`, `${name}.ar.txt`, '--out', `${name}.json`], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return `${name}.json`;
}

describe.skipIf(!hasTmux)('mizan review holds a lock on its file', () => {
  it('a second review says who holds the file and opens it read-only; the lock goes with its holder', async () => {
    const file = alignment('two');
    const saved = readFileSync(join(dir, file), 'utf8');
    open('first', file);
    await waitFor('first', 'press ? for the keys');
    const holder = lockOf(file);

    open('second', file);
    await waitFor('second', `two.json is open in another mizan review (pid ${holder.pid} since `);
    tmux('send-keys', '-t', 'second', 'y', 'Enter');
    await waitFor('second', '→ two.json [read-only]');
    expect(screen('second')).toContain(`read-only: pid ${holder.pid} since`);
    tmux('send-keys', '-t', 'second', 'Y', 'w');
    await waitFor('second', `read-only, not saved: pid ${holder.pid}`);
    await new Promise((resolve) => setTimeout(resolve, 1200)); // past the quiet-time autosave
    expect(existsSync(join(dir, `${file}.autosave`))).toBe(false);
    tmux('send-keys', '-t', 'second', 'q', 'd');
    await waitFor('second', 'RC=0');
    expect(readFileSync(join(dir, file), 'utf8')).toBe(saved);
    expect(lockOf(file).pid).toBe(holder.pid);

    // Declining opens nothing.
    open('third', file);
    await waitFor('third', 'Open it read-only? [y/N]');
    tmux('send-keys', '-t', 'third', 'n', 'Enter');
    await waitFor('third', 'RC=1');
    expect(screen('third')).toContain('mizan: not opened');

    tmux('send-keys', '-t', 'first', 'q');
    await waitFor('first', 'RC=0');
    expect(existsSync(join(dir, `${file}.lock`))).toBe(false);
  }, 60_000);

  it('releases the lock on SIGTERM and SIGHUP, and takes over one whose process is gone', async () => {
    const file = alignment('signals');
    open('term', file);
    await waitFor('term', 'press ? for the keys');
    process.kill(lockOf(file).pid, 'SIGTERM');
    await waitFor('term', 'RC=143');
    expect(existsSync(join(dir, `${file}.lock`))).toBe(false);

    open('hup', file);
    await waitFor('hup', 'press ? for the keys');
    tmux('kill-session', '-t', 'hup'); // the terminal closes: SIGHUP
    await vi.waitFor(() => expect(existsSync(join(dir, `${file}.lock`))).toBe(false), { timeout: 10_000, interval: 50 });

    // kill -9 leaves the lock behind; its pid is dead, so the next review takes it over unasked.
    open('killed', file);
    await waitFor('killed', 'press ? for the keys');
    const dead = lockOf(file).pid;
    process.kill(dead, 'SIGKILL');
    await waitFor('killed', 'RC=137');
    expect(lockOf(file).pid).toBe(dead);
    open('after', file);
    await waitFor('after', 'press ? for the keys');
    expect(lockOf(file).pid).not.toBe(dead);
    tmux('send-keys', '-t', 'after', 'q');
    await waitFor('after', 'RC=0');
    expect(existsSync(join(dir, `${file}.lock`))).toBe(false);
  }, 60_000);
});
