/**
 * The real CLI in a real terminal: tmux gives `mizan review` a pseudo-terminal, keys are sent as a
 * person types them, the screen is read back with capture-pane, and the saved file is checked.
 * `.ci/run` installs tmux; without a terminal at all, review must refuse in one line.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseAlignmentFile } from '../src/formats/alignment-file.js';
import { MAIN } from './support/cli.js';
import { expectExactSpans } from './support/segment-check.js';
import { AR, EN } from './support/review-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'mizan-e2e-'));
const SOCKET = `mizan-test-${process.pid}`;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
let session = 'review';
const screen = () => tmux('capture-pane', '-p', '-t', session);

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

describe('mizan review', () => {
  it('refuses without a terminal, in one line, pointing to align and export', () => {
    const run = spawnSync(process.execPath, [MAIN, 'review'], { encoding: 'utf8', input: '' });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('mizan: review needs a terminal; without one, align with mizan align SOURCE TARGET --out FILE and export with mizan export FILE\n');
  });

  it.skipIf(!hasTmux)('moves, edits, saves and quits in a real terminal', async () => {
    writeFileSync(join(dir, 'story.en.txt'), EN.join('\n') + '\n');
    writeFileSync(join(dir, 'story.ar.txt'), AR.join('\n') + '\n');
    const out = join(dir, 'reviewed.json');
    const command = `cd '${dir}' && CI=false '${process.execPath}' '${MAIN}' review story.en.txt story.ar.txt --out reviewed.json; echo $? > rc`;
    tmux('new-session', '-d', '-s', 'review', '-x', '100', '-y', '30', command);
    await waitForScreen('press ? for the keys');
    const first = screen();
    expect(first).toContain('mizan review · story.en.txt ↔ story.ar.txt → reviewed.json');
    expect(first).toContain('Putin met Hollande in Moscow on Thursday.');

    tmux('send-keys', '-t', 'review', 'Y');
    await waitForScreen('1 confirmed');
    tmux('send-keys', '-t', 'review', 'j', 'y');
    await waitForScreen('2 confirmed');
    tmux('send-keys', '-t', 'review', 'G', 'k', 'm');
    await waitForScreen(' 4/4 ');
    tmux('send-keys', '-t', 'review', 'u');
    await waitForScreen('undone');
    expect(screen()).toContain(' 4/5 ');
    tmux('send-keys', '-t', 'review', 'w');
    await waitForScreen('saved to reviewed.json');
    tmux('send-keys', '-t', 'review', 'q');
    await vi.waitFor(() => expect(existsSync(join(dir, 'rc'))).toBe(true), { timeout: 10_000, interval: 50 });
    expect(readFileSync(join(dir, 'rc'), 'utf8').trim()).toBe('0');

    const { alignment } = parseAlignmentFile(readFileSync(out, 'utf8'));
    expect(alignment.beads.filter((b) => b.status === 'confirmed')).toHaveLength(2);
    expect(alignment.beads.filter((b) => b.status === 'edited')).toHaveLength(0);
    expect(alignment.source.segments.map((s) => s.text)).toEqual(EN);
    expect(existsSync(`${out}.autosave`)).toBe(false);
  }, 60_000);

  it.skipIf(!hasTmux)('keeps the edits of a closed terminal and offers them back on the next open', async () => {
    session = 'closed';
    writeFileSync(join(dir, 'closed.en.txt'), EN.join('\n') + '\n');
    writeFileSync(join(dir, 'closed.ar.txt'), AR.join('\n') + '\n');
    const out = join(dir, 'closed.json');
    const open = () =>
      tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', `cd '${dir}' && CI=false '${process.execPath}' '${MAIN}' review closed.en.txt closed.ar.txt --out closed.json`);
    open();
    await waitForScreen('press ? for the keys');
    tmux('send-keys', '-t', session, 'w');
    await waitForScreen('saved to closed.json');
    // An edit, then the terminal goes away at once, before the quiet-time autosave: SIGHUP.
    tmux('send-keys', '-t', session, 'm');
    await waitForScreen('● unsaved');
    tmux('kill-session', '-t', session);
    await vi.waitFor(() => expect(existsSync(`${out}.autosave`)).toBe(true), { timeout: 10_000, interval: 50 });
    expect(parseAlignmentFile(readFileSync(`${out}.autosave`, 'utf8')).alignment.beads).toHaveLength(4);
    expect(parseAlignmentFile(readFileSync(out, 'utf8')).alignment.beads).toHaveLength(5);

    open();
    await waitForScreen('were found. y restore them');
    tmux('send-keys', '-t', session, 'y');
    await waitForScreen('recovered the unsaved edits');
    tmux('send-keys', '-t', session, 'w');
    await waitForScreen('saved to closed.json');
    tmux('send-keys', '-t', session, 'q');
    await vi.waitFor(() => expect(existsSync(`${out}.autosave`)).toBe(false), { timeout: 10_000, interval: 50 });
    expect(parseAlignmentFile(readFileSync(out, 'utf8')).alignment.beads).toHaveLength(4);
  }, 60_000);

  it.skipIf(!hasTmux)('splits a sentence at the mark and joins two, then saves version 2 with exact spans', async () => {
    session = 'split';
    // Two English sentences on one line (one paragraph), so they can be joined.
    const english = [`${EN[0]} ${EN[1]}`, EN[2], EN[3]].join('\n') + '\n';
    writeFileSync(join(dir, 'split.en.txt'), english);
    writeFileSync(join(dir, 'split.ar.txt'), AR.join('\n') + '\n');
    const out = join(dir, 'split.json');
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', `cd '${dir}' && CI=false '${process.execPath}' '${MAIN}' review split.en.txt split.ar.txt --out split.json`);
    await waitForScreen('press ? for the keys');
    tmux('send-keys', '-t', session, 's');
    await waitForScreen('Putin [met] Hollande');
    tmux('send-keys', '-t', session, 'Right');
    await waitForScreen('Putin met [Hollande]');
    tmux('send-keys', '-t', session, 'Enter');
    await waitForScreen('split English sentence 1 in two');
    tmux('send-keys', '-t', session, 'J');
    await waitForScreen('joined English sentences 2 and 3');
    tmux('send-keys', '-t', session, 'w');
    await waitForScreen('saved to split.json');
    tmux('send-keys', '-t', session, 'q');
    await vi.waitFor(() => expect(spawnSync('tmux', ['-L', SOCKET, 'has-session', '-t', session]).status).not.toBe(0), { timeout: 10_000, interval: 50 });

    const text = readFileSync(out, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ version: 2, source: { segmentation: 'edited' }, target: { segmentation: 'input' } });
    const { alignment } = parseAlignmentFile(text);
    expect(alignment.source.segments.map((s) => s.text)).toEqual(['Putin met', `Hollande in Moscow on Thursday. ${EN[1]}`, EN[2], EN[3]]);
    expectExactSpans(alignment.source.segments, english);
    expect(alignment.source.segments.slice(0, 2).map(({ start, end }) => [start, end])).toEqual([
      [0, 9],
      [10, EN[0]!.length + 1 + EN[1]!.length],
    ]);
    expect(alignment.beads[0]!.source).toEqual([0, 1]);
    expect(existsSync(`${out}.autosave`)).toBe(false);

    // The saved file opens again in the review, with the edited sentences.
    session = 'reopen';
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', `cd '${dir}' && CI=false '${process.execPath}' '${MAIN}' review split.json`);
    const reopened = await waitForScreen('press ? for the keys');
    expect(reopened).toContain('EN ¶1 s1-2');
    expect(reopened).toContain('Putin met');
    tmux('send-keys', '-t', session, 'q');
  }, 60_000);
});
