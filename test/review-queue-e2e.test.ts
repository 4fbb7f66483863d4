/**
 * `mizan review DIR` as a user runs it: what is wrong with a folder is one line on stderr, before
 * any terminal is asked for; then, in a real terminal (tmux), a folder of three alignments made by
 * `mizan batch --format json` is opened as a queue, one pair confirmed, saved, the next opened,
 * and the saved file checked.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseAlignmentFile } from '../src/formats/alignment-file.js';
import { queueStorage, readQueueFolder } from '../src/cli/review-queue.js';
import { expectOneLineError, MAIN, runMizan } from './support/cli.js';
import { AR, EN } from './support/review-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'mizan-queue-'));
const SOCKET = `mizan-queue-test-${process.pid}`;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', 'queue');

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
    { timeout: 20_000, interval: 50 },
  );
  return last;
}

function folder(name: string, files: Record<string, string>): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(path, file), text);
  return path;
}

describe('mizan review DIR: a folder that cannot be reviewed is one line and a non-zero status', () => {
  it('an empty folder', async () => {
    const empty = folder('empty', {});
    expectOneLineError(expect, await runMizan(['review', empty]), /is empty: nothing to review \(mizan batch MANIFEST --outdir .* --format json/, 1);
  });

  it('a folder of jsonl outputs, which keep no review', async () => {
    const jsonl = folder('jsonl', { 'a.jsonl': '{}\n', '.mizan-batch.json': '{}' });
    expectOneLineError(expect, await runMizan(['review', jsonl]), /has no alignment files \(\*\.json\) to review, only 1 jsonl or ladder outputs/, 1);
  });

  it('a folder whose .json files are all corrupt, naming the first and why', async () => {
    const corrupt = folder('corrupt', { 'a.json': '{"format": "mizan-alignment"', 'b.json': '[]' });
    expectOneLineError(expect, await runMizan(['review', corrupt]), /none of its 2 \.json files reads as an alignment \(a\.json: /, 1);
  });

  it('a folder with some readable alignments lists them (here: no terminal, so it says so)', async () => {
    const saved = readFileSync('alignments/dawn-eremnews.json', 'utf8');
    const mixed = folder('mixed', { 'good.json': saved, 'bad.json': 'nope' });
    expectOneLineError(expect, await runMizan(['review', mixed]), /review needs a terminal; without one, mizan coverage and mizan export work on each file of/, 1);
  });
});

describe('reading a queue folder', () => {
  it('lists every .json but the batch record, marks broken ones with a reason, and finds a subtler fault with the coverage', () => {
    const saved = readFileSync('alignments/dawn-eremnews.json', 'utf8');
    const data = JSON.parse(saved) as { beads: unknown[] };
    const short = JSON.stringify({ ...data, beads: data.beads.slice(0, -1) });
    const path = folder('reading', { 'good.json': saved, 'short.json': short, 'bad.json': '{', 'notes.txt': 'x', '.mizan-batch.json': '{}', 'good.json.autosave': saved });
    mkdirSync(join(path, 'sub.json'));
    const entries = readQueueFolder(path);
    expect(entries.map((e) => [e.name, e.figures === null])).toEqual([
      ['bad.json', true],
      ['good.json', false],
      ['short.json', false],
      ['sub.json', true],
    ]);
    expect(entries[0]!.unreadable).toMatch(/^not a valid mizan alignment: bad JSON/);
    expect(entries[3]!.unreadable).toBe('a folder, not a file');
    const storage = queueStorage(path, { bidi: 'mizan' });
    expect(storage.uncovered('short.json')).toMatchObject({ state: 'failed', unreadable: true, reason: expect.stringMatching(/beads cover \d+ of \d+/) });
    expect(storage.uncovered('good.json')).toMatchObject({ state: 'done', words: expect.any(Number), total: expect.any(Number) });
  });

  it('opens a pair read-only when another review holds its lock', () => {
    const path = folder('locked', { 'a.json': readFileSync('alignments/dawn-eremnews.json', 'utf8') });
    // A live holder on this host: the test's own parent process.
    writeFileSync(join(path, 'a.json.lock'), JSON.stringify({ pid: process.ppid, host: hostname(), since: new Date().toISOString() }));
    const opened = queueStorage(path, { bidi: 'mizan' }).open('a.json');
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.pair.initial.message?.text).toMatch(/^read-only: pid \d+ since .* has .*a\.json open; w will not save$/);
    expect(opened.pair.storage.save(opened.pair.initial.alignment, false)).toMatchObject({ ok: false });
    opened.pair.close();
    expect(existsSync(join(path, 'a.json.lock'))).toBe(true);
  });
});

describe('mizan review DIR in a terminal', () => {
  it.skipIf(!hasTmux)('opens a batch as a queue, confirms and saves one pair, goes on to the next, and quits', async () => {
    const texts = folder('texts', {});
    const manifest: string[] = [];
    for (const id of ['one', 'two', 'three']) {
      writeFileSync(join(texts, `${id}.en.txt`), EN.join('\n') + '\n');
      writeFileSync(join(texts, `${id}.ar.txt`), AR.join('\n') + '\n');
      manifest.push(`${id}\t${id}.en.txt\t${id}.ar.txt`);
    }
    writeFileSync(join(texts, 'manifest.tsv'), manifest.join('\n') + '\n');
    const batch = await runMizan(['batch', join(texts, 'manifest.tsv'), '--outdir', join(dir, 'out'), '--format', 'json'], { env: { MIZAN_WORKERS: '1' } });
    expect(batch.code, batch.stderr).toBe(0);

    tmux('new-session', '-d', '-s', 'queue', '-x', '100', '-y', '30', `cd '${dir}' && CI=false '${process.execPath}' '${MAIN}' review out; echo $? > rc`);
    let shown = await waitForScreen('uncovered words: all worked out');
    expect(shown).toContain('mizan review · queue of 3 alignments in out');
    expect(shown).toMatch(/files done 0\/3/);
    // The three pairs are alike, so the order falls back to their names.
    const first = /▌ (\w+)\.json/.exec(shown)?.[1];
    expect(first).toBe('one');

    tmux('send-keys', '-t', 'queue', 'Enter');
    await waitForScreen('queue 1/3 · one.json · ');
    expect(existsSync(join(dir, 'out', 'one.json.lock'))).toBe(true);
    tmux('send-keys', '-t', 'queue', 'y');
    await waitForScreen('1 confirmed');
    tmux('send-keys', '-t', 'queue', 'w');
    await waitForScreen('saved to out/one.json');
    tmux('send-keys', '-t', 'queue', ']');
    await waitForScreen('queue 2/3 · three.json · ');
    expect(existsSync(join(dir, 'out', 'one.json.lock'))).toBe(false);
    tmux('send-keys', '-t', 'queue', 'q');
    shown = await waitForScreen('queue of 3 alignments');
    expect(shown).toMatch(/reviewed 1\/\d+ beads/);
    tmux('send-keys', '-t', 'queue', 'q');
    await vi.waitFor(() => expect(existsSync(join(dir, 'rc'))).toBe(true), { timeout: 10_000, interval: 50 });
    expect(readFileSync(join(dir, 'rc'), 'utf8').trim()).toBe('0');

    const { alignment } = parseAlignmentFile(readFileSync(join(dir, 'out', 'one.json'), 'utf8'));
    expect(alignment.beads[0]!.status).toBe('confirmed');
    expect(alignment.beads.filter((b) => b.status !== 'auto')).toHaveLength(1);
    for (const other of ['two', 'three']) {
      expect(parseAlignmentFile(readFileSync(join(dir, 'out', `${other}.json`), 'utf8')).alignment.beads.every((b) => b.status === 'auto')).toBe(true);
    }
    // Nothing left behind: no lock, no autosave copy.
    expect(readdirSync(join(dir, 'out')).filter((name) => name.endsWith('.lock') || name.endsWith('.autosave'))).toEqual([]);
  }, 90_000);
});
