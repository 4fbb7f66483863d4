/**
 * Coverage marks in a real terminal (tmux): `mizan review` finds them with the shipped evidence
 * after the first frame, brackets them when NO_COLOR asks for no colour, paints them otherwise,
 * and c takes them away.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { MAIN } from './support/cli.js';
import { MARKS_AR, MARKS_EN } from './support/marks-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'mizan-marks-e2e-'));
const SOCKET = `mizan-marks-test-${process.pid}`;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  rmSync(dir, { recursive: true, force: true });
});

async function waitFor(session: string, test: (screen: string) => boolean, what: string, escapes = false): Promise<string> {
  let last = '';
  await vi.waitFor(
    () => {
      last = tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', session);
      if (!test(last)) throw new Error(`screen never showed ${what}:\n${last}`);
    },
    { timeout: 20_000, interval: 50 },
  );
  return last;
}

function open(session: string, env: string) {
  writeFileSync(join(dir, 'marks.en.txt'), MARKS_EN.join('\n') + '\n');
  writeFileSync(join(dir, 'marks.ar.txt'), MARKS_AR.join('\n') + '\n');
  tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', `cd '${dir}' && CI=false ${env} '${process.execPath}' '${MAIN}' review marks.en.txt marks.ar.txt --out ${session}.json`);
}

describe('coverage marks in mizan review', () => {
  it.skipIf(!hasTmux)('brackets the marks without colour, shows the word figures, and c toggles them', async () => {
    open('plain', 'NO_COLOR=1');
    const marked = await waitFor('plain', (s) => s.includes('⟪130⟫') && s.includes('%w'), 'the bracketed marks');
    expect(marked).toContain('⟪129⟫');
    tmux('send-keys', '-t', 'plain', 'c');
    const off = await waitFor('plain', (s) => s.includes('coverage marks off'), 'marks off');
    expect(off).not.toMatch(/[⟦⟧⟪⟫]/);
    tmux('send-keys', '-t', 'plain', 'q');
  }, 60_000);

  it.skipIf(!hasTmux)('paints them in colour, taking no cells', async () => {
    open('colour', 'FORCE_COLOR=1 TERM=xterm-256color');
    const painted = await waitFor('colour', (s) => /\u001b\[41m(?:\u001b\[[0-9;]*m)*130/.test(s), 'the number on red', true);
    expect(painted).not.toMatch(/[⟦⟧⟪⟫]/);
    tmux('send-keys', '-t', 'colour', 'q');
  }, 60_000);
});
