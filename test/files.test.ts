/**
 * writeFileAtomic: the old file or the new one, never a part, even when the writer is SIGKILLed
 * mid-write (spawned children, killed at random moments); and a file someone else changed since
 * it was read is not overwritten (ChangedOnDiskError, for the review UI to ask the user).
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ChangedOnDiskError, fileSha256, sha256Of, writeFileAtomic } from '../src/cli/files.js';
import { parseAlignmentFile } from '../src/formats/alignment-file.js';

const ROOT = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'mizan-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes, replaces and keeps the permissions of the file it replaces', () => {
    const path = join(dir, 'a', 'b', 'out.txt');
    writeFileAtomic(path, 'one\n');
    chmodSync(path, 0o640);
    writeFileAtomic(path, new TextEncoder().encode('two\n'));
    expect(readFileSync(path, 'utf8')).toBe('two\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['out.txt']);
  });

  it('writes when the file is still as it was read, refuses with ChangedOnDiskError when not', () => {
    const path = join(dir, 'review.json');
    writeFileAtomic(path, 'v1\n', { expectSha256: null }); // new file, nobody made it meanwhile
    const read = fileSha256(path);
    expect(read).toBe(sha256Of('v1\n'));
    writeFileAtomic(path, 'v2\n', { expectSha256: read });
    // Someone else saves; our next save, still expecting v2's hash... (v2 is ours: take its hash)
    const ours = sha256Of('v2\n');
    writeFileSync(path, 'theirs\n');
    expect(() => writeFileAtomic(path, 'v3\n', { expectSha256: ours })).toThrow(ChangedOnDiskError);
    expect(() => writeFileAtomic(path, 'v3\n', { expectSha256: ours })).toThrow(/review\.json changed on disk since it was read; not overwritten/);
    expect(() => writeFileAtomic(path, 'v3\n', { expectSha256: null })).toThrow(/was created by someone else/);
    expect(readFileSync(path, 'utf8')).toBe('theirs\n');
    rmSync(path);
    try {
      writeFileAtomic(path, 'v3\n', { expectSha256: ours });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ChangedOnDiskError);
      expect((error as ChangedOnDiskError).actual).toBeNull();
    }
    expect(readdirSync(dir).filter((name) => name.startsWith('review.json'))).toEqual([]);
    writeFileAtomic(path, 'v4\n'); // no expectation: the plain overwrite of existing callers
    expect(readFileSync(path, 'utf8')).toBe('v4\n');
  });

  it('clears temporary files that a killed writer left, and only those', () => {
    const path = join(dir, 'stale.json');
    const dead = join(dir, 'stale.json.999999999.abc123.tmp'); // no such pid
    const live = join(dir, `stale.json.${process.ppid}.abc123.tmp`); // a live process (our parent)
    const other = join(dir, 'other.json.999999999.abc123.tmp');
    for (const f of [dead, live, other]) writeFileSync(f, 'partial');
    writeFileAtomic(path, 'done\n');
    expect(readdirSync(dir).filter((n) => /^(stale|other)/.test(n)).sort()).toEqual(['other.json.999999999.abc123.tmp', 'stale.json', `stale.json.${process.ppid}.abc123.tmp`]);
  });
});

// The child saves a large alignment (~6 MB, ~40 ms a write) over and over, two versions in turn.
const CHILD = `
import { writeFileAtomic } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/src/cli/files.js')).href)};
import { formatAlignmentFile } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/src/formats/alignment-file.js')).href)};
const n = 20000;
const side = (lang, word) => ({ lang, segments: Array.from({ length: n }, (_, index) => ({ index, text: word + ' ' + index + ' '.repeat(index % 7) + 'x'.repeat(index % 97), paragraph: index >> 4, start: 0, end: 1 })) });
const alignment = { source: side('en', 'sentence'), target: side('ar', 'جملة'), beads: Array.from({ length: n }, (_, k) => ({ source: [k], target: [k], flag: 'aligned', score: 0.5, status: 'auto' })) };
const texts = [1, 2].map((v) => formatAlignmentFile(alignment, { created: 'v' + v, aligner: 'test', presplit: true, source: { path: 'a', sha256: 'x' }, target: { path: 'b', sha256: 'y' } }));
process.stdout.write('ready\\n');
for (let k = 0; ; k++) writeFileAtomic(process.argv[2], texts[k % 2]);
`;

describe('writeFileAtomic under SIGKILL', () => {
  it('leaves a whole file after every kill, and only temporary files beside it', async () => {
    const script = join(dir, 'saver.mjs');
    writeFileSync(script, CHILD);
    const target = join(dir, 'killed', 'alignment.json');
    const seen = new Set<string>();
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, [script, target], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      // Some kills land before the first rename, most in the middle of a write.
      await new Promise((resolve) => setTimeout(resolve, 30 + Math.random() * 300));
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      const names = readdirSync(join(dir, 'killed'));
      for (const name of names) expect(name === 'alignment.json' || /^alignment\.json\.\d+\.[0-9a-z]+\.tmp$/.test(name), name).toBe(true);
      if (names.includes('alignment.json')) {
        const { file } = parseAlignmentFile(readFileSync(target, 'utf8'));
        expect(file.beads).toHaveLength(20000);
        seen.add(file.created);
      }
    }
    expect(seen.size).toBeGreaterThan(0);
    // The next write clears what the killed writers left.
    writeFileAtomic(target, readFileSync(target, 'utf8'));
    expect(readdirSync(join(dir, 'killed'))).toEqual(['alignment.json']);
  }, 60_000);
});
