/** Writing results: never a half-written file, even if the process dies mid-write. */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
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

/** Writes to a temporary file beside the target, then renames it over the target (atomic on POSIX). */
export function writeFileAtomic(path: string, data: string): void {
  ensureDir(dirname(path));
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written (the folder is unusable); report the write error itself.
    }
    throw new CliError(`cannot write ${path}: ${(error as Error).message}`);
  }
}
