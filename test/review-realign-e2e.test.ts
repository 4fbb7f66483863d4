/**
 * z in a real terminal (tmux): a saved alignment whose beads are shifted, with its last pair
 * confirmed, opened with `mizan review FILE`; z realigns the rest around that pair, u takes it back,
 * and a save after z writes the realigned beads.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { formatAlignmentFile, parseAlignmentFile } from '../src/formats/alignment-file.js';
import { MAIN } from './support/cli.js';
import { pinnedBeads, REALIGN_AR, REALIGN_EN, RIGHT_PAIRS } from './support/realign-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'mizan-realign-e2e-'));
const SOCKET = `mizan-realign-test-${process.pid}`;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', 'realign');

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  rmSync(dir, { recursive: true, force: true });
});

async function waitForScreen(text: string): Promise<string> {
  let last = '';
  await vi.waitFor(
    () => {
      last = screen();
      if (!last.includes(text)) throw new Error(`screen never showed "${text}":\n${last}`);
    },
    { timeout: 15_000, interval: 50 },
  );
  return last;
}

describe('z in mizan review', () => {
  it.skipIf(!hasTmux)('realigns around the confirmed pair, undoes it with u, and saves it', async () => {
    writeFileSync(join(dir, 'story.en.txt'), REALIGN_EN.join('\n') + '\n');
    writeFileSync(join(dir, 'story.ar.txt'), REALIGN_AR.join('\n') + '\n');
    const file = join(dir, 'story.json');
    execFileSync(process.execPath, [MAIN, 'align', 'story.en.txt', 'story.ar.txt', '--out', 'story.json'], { cwd: dir });
    const aligned = parseAlignmentFile(readFileSync(file, 'utf8'));
    const { file: saved } = aligned;
    const meta = { created: saved.created, aligner: saved.aligner, presplit: saved.presplit, source: saved.source, target: saved.target };
    writeFileSync(file, formatAlignmentFile({ ...aligned.alignment, beads: pinnedBeads() }, meta));

    tmux('new-session', '-d', '-s', 'realign', '-x', '100', '-y', '30', `cd '${dir}' && CI=false '${process.execPath}' '${MAIN}' review story.json; echo $? > rc`);
    await waitForScreen('press ? for the keys');
    expect(screen()).toContain('1 confirmed');
    tmux('send-keys', '-t', 'realign', 'z');
    await waitForScreen('realigned 1 stretch around 1 fixed: 1 realigned; 2 beads unchanged (u undoes)');
    tmux('send-keys', '-t', 'realign', 'u');
    await waitForScreen('undone');
    tmux('send-keys', '-t', 'realign', 'z');
    await waitForScreen('(u undoes)');
    tmux('send-keys', '-t', 'realign', 'w');
    await waitForScreen('saved to story.json');
    tmux('send-keys', '-t', 'realign', 'q');
    await vi.waitFor(() => expect(existsSync(join(dir, 'rc'))).toBe(true), { timeout: 10_000, interval: 50 });
    expect(readFileSync(join(dir, 'rc'), 'utf8').trim()).toBe('0');
    const { alignment } = parseAlignmentFile(readFileSync(file, 'utf8'));
    expect(alignment.beads.map((b) => [b.source, b.target])).toEqual(RIGHT_PAIRS);
    expect(alignment.beads.map((b) => b.status)).toEqual(['auto', 'auto', 'auto', 'auto', 'confirmed']);
  }, 60_000);
});
