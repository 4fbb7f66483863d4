/** The lock of review-lock.ts, in process: exclusive, stale when its pid is dead, made where the file will be. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, describeHolder, lockPath } from '../src/cli/review-lock.js';

const dir = mkdtempSync(join(tmpdir(), 'mizan-lockfile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('acquireLock', () => {
  it('is exclusive while a live process holds it, and released once', () => {
    const file = join(dir, 'new', 'folder', 'a.json');
    const mine = acquireLock(file);
    expect(mine.held).toBe(false);
    expect(JSON.parse(readFileSync(lockPath(file), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    // Another live process (pid 1 stands for one) holds b.json.
    const other = join(dir, 'b.json');
    writeFileSync(lockPath(other), JSON.stringify({ pid: 1, host: hostname(), since: new Date().toISOString() }));
    const refused = acquireLock(other);
    expect(refused).toMatchObject({ held: true, holder: { pid: 1 } });
    if (refused.held) expect(describeHolder(refused.holder)).toMatch(/^pid 1 since \d/);
    if (!mine.held) {
      mine.release();
      mine.release();
    }
    expect(existsSync(lockPath(file))).toBe(false);
  });

  it('takes over a lock whose process is gone, or that does not parse', () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    for (const content of [JSON.stringify({ pid: dead, host: hostname(), since: '2020-01-01T00:00:00Z' }), 'not json']) {
      const file = join(dir, 'c.json');
      writeFileSync(lockPath(file), content);
      const taken = acquireLock(file);
      expect(taken.held).toBe(false);
      expect(JSON.parse(readFileSync(lockPath(file), 'utf8')).pid).toBe(process.pid);
      if (!taken.held) taken.release();
    }
  });
});
