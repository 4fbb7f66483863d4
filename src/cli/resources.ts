/** Files that ship with mizan, found from the package root whether running from src (tests) or dist. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the mizan package root');
    dir = parent;
  }
  cachedRoot = dir;
  return dir;
}

let cachedVersion: string | undefined;

/** mizan's own version (package.json), e.g. for TMX headers and batch resume keys. */
export function mizanVersion(): string {
  if (cachedVersion) return cachedVersion;
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: string };
  return (cachedVersion = manifest.version ?? 'unknown');
}
