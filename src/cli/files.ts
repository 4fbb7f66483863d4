/** Writing results: never a half-written file, even if the process dies mid-write. */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  fchmodSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError } from './errors.js';

/**
 * Creates a folder and its missing parents one level at a time. Node's own recursive mkdir
 * never returns for some paths (under /proc it loops on the error), which would hang the CLI.
 */
export function ensureDir(path: string): void {
  const missing: string[] = [];
  for (let dir = path; !existsSync(dir); dir = dirname(dir)) {
    missing.push(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir);
    } catch (error) {
      // Another thread or process may have made it in the meantime: that is success.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && existsSync(dir)) continue;
      throw new CliError(`cannot create folder ${path}: ${(error as Error).message}`);
    }
  }
}

/**
 * The file changed on disk since it was read (someone else saved it): the caller should ask the
 * user before overwriting. `actual` is the sha256 found, null when the file is gone.
 */
export class ChangedOnDiskError extends CliError {
  constructor(
    readonly path: string,
    readonly expected: string | null,
    readonly actual: string | null,
  ) {
    super(
      expected === null
        ? `${path} was created by someone else since mizan looked; not overwritten`
        : actual === null
          ? `${path} was deleted since it was read; not written`
          : `${path} changed on disk since it was read; not overwritten`,
    );
    this.name = 'ChangedOnDiskError';
  }
}

export interface WriteOptions {
  /**
   * The sha256 (hex) of the file as it was read, or null for "it did not exist": the write is
   * refused with ChangedOnDiskError when the file on disk no longer matches. Undefined: no check.
   */
  expectSha256?: string | null;
  /**
   * Flush the data and the rename to disk before returning (default). Off, the write is still
   * atomic (no reader or killed process ever sees part of it) but a power cut may lose it: for
   * outputs that are cheap to make again, such as a batch's, where two fsyncs a file were an
   * eighth of the run.
   */
  durable?: boolean;
}

/** The sha256 (hex) of a file's bytes, null when there is no such file. */
export function fileSha256(path: string): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return createHash('sha256').update(bytes).digest('hex');
}

export const sha256Of = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** `<name>.<pid>.<random>.tmp` beside the target; the pid lets a later write clear what a killed one left. */
const TEMPORARY = /^(.*)\.(\d+)\.[0-9a-z]+\.tmp$/;

/** Whether a process with this pid runs (EPERM: it does, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files of `path` left by processes that died mid-write (SIGKILL, power cut). */
export function removeStaleTemporaries(path: string): void {
  const name = basename(path);
  let entries: string[];
  try {
    entries = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const entry of entries) {
    const m = TEMPORARY.exec(entry);
    if (!m || m[1] !== name || Number(m[2]) === process.pid || processAlive(Number(m[2]))) continue;
    rmSync(join(dirname(path), entry), { force: true });
  }
}

function fsyncDir(dir: string): void {
  // Makes the rename itself durable; some file systems cannot open a folder for this, which is no error.
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort
  }
}

/**
 * Writes to a temporary file beside the target, flushes it to disk (fsync), then renames it over
 * the target: atomic on POSIX, so a reader (or a process killed at any moment) sees the old file
 * or the new one, never a part. The target's permissions are kept. With `expectSha256` the file
 * must still be as it was read (checked just before the rename), else ChangedOnDiskError.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  ensureDir(dirname(path));
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
  try {
    removeStaleTemporaries(path);
    let mode: number | undefined;
    try {
      mode = statSync(path).mode & 0o7777;
    } catch {
      // a new file: the default mode
    }
    const fd = openSync(temporary, 'wx', 0o666);
    try {
      if (mode !== undefined) fchmodSync(fd, mode);
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
      if (options.durable !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.expectSha256 !== undefined) {
      const actual = fileSha256(path);
      if (actual !== options.expectSha256) throw new ChangedOnDiskError(path, options.expectSha256, actual);
    }
    renameSync(temporary, path);
    if (options.durable !== false) fsyncDir(dirname(path));
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written (the folder is unusable); report the write error itself.
    }
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot write ${path}: ${(error as Error).message}`);
  }
}
