/**
 * One reviewer at a time per alignment file: `mizan review` holds `FILE.lock` beside the file while
 * it runs, so a second review of the same file can say who has it (pid, host, since when) and open
 * it read-only instead of two people overwriting each other's work (and each other's autosave).
 *
 * The lock is created with O_EXCL (`wx`), so of two reviews starting at once exactly one gets it.
 * A lock whose process is gone (killed with -9, a power cut) is stale and is taken over; a lock
 * from another host cannot be checked and counts as held. The holder removes it on exit, on
 * SIGTERM and SIGHUP (review.ts unmounts, then releases), and, as a last resort, in an 'exit'
 * handler, so no normal end leaves one behind.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { ensureDir, processAlive } from './files.js';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  since: string;
}

export type LockResult = { held: false; release: () => void } | { held: true; holder: LockHolder };

export const lockPath = (path: string): string => `${path}.lock`;

function readHolder(path: string): LockHolder | null {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (typeof data.pid !== 'number' || !Number.isInteger(data.pid) || data.pid <= 0) return null;
    return { pid: data.pid, host: typeof data.host === 'string' ? data.host : '?', since: typeof data.since === 'string' ? data.since : '?' };
  } catch {
    return null;
  }
}

/** Held by a live process (or one on another host); a broken or dead one's lock is stale. */
function isLive(holder: LockHolder | null): holder is LockHolder {
  if (!holder) return false;
  if (holder.host !== hostname()) return true;
  return holder.pid !== process.pid && processAlive(holder.pid);
}

/** Takes the lock of the alignment file at `path`, or says who holds it. */
export function acquireLock(path: string): LockResult {
  const file = lockPath(path);
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      // The folder of a new pair's alignment (alignments/) may not exist yet; saving makes it too.
      ensureDir(dirname(file));
      fd = openSync(file, 'wx', 0o644);
    } catch (error) {
      // Where no lock can be written (a read-only folder) no save can be either: review unlocked, and a save says why.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return { held: false, release: () => {} };
      const holder = readHolder(file);
      if (isLive(holder)) return { held: true, holder };
      // Stale: its process is gone. Remove it and race for it again like anyone else.
      rmSync(file, { force: true });
      continue;
    }
    const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    try {
      writeSync(fd, JSON.stringify(me) + '\n');
    } finally {
      closeSync(fd);
    }
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off('exit', release);
      // Only our own lock: never one another process took over after ours was judged stale.
      if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
    };
    process.on('exit', release);
    return { held: false, release };
  }
  // Three stale locks in a row: someone keeps making them; do not fight over it.
  const holder = readHolder(file);
  return { held: true, holder: holder ?? { pid: 0, host: '?', since: '?' } };
}

/** "pid 123 since 10:02:11" (the date too when not today; the host when not this one), for the prompt and the status line. */
export function describeHolder(holder: LockHolder): string {
  const since = new Date(holder.since);
  const today = !Number.isNaN(since.getTime()) && since.toDateString() === new Date().toDateString();
  const when = Number.isNaN(since.getTime()) ? holder.since : today ? since.toLocaleTimeString() : since.toLocaleString();
  return `pid ${holder.pid}${holder.host !== hostname() ? ` on ${holder.host}` : ''} since ${when}`;
}
