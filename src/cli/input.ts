/**
 * Reading a user's file: every way it can be unusable becomes one clear line, never a trace.
 * UTF-8 (with or without BOM) and UTF-16 with a BOM are read; anything else is refused with a hint,
 * because aligning mis-decoded text would silently produce nonsense.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CliError } from './errors.js';

export interface InputFile {
  path: string;
  text: string;
  sha256: string;
}

const SNIFF_BYTES = 8192;

function describe(error: NodeJS.ErrnoException, path: string): string {
  switch (error.code) {
    case 'ENOENT':
      return `${path}: no such file`;
    case 'EISDIR':
      return `${path} is a directory, not a text file`;
    case 'EACCES':
    case 'EPERM':
      return `${path}: permission denied`;
    default:
      return `cannot read ${path}: ${error.message}`;
  }
}

export function decodeText(bytes: Uint8Array, path: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) throw new CliError(`${path} looks like a binary file, not text`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CliError(`${path} is not valid UTF-8 (convert it first, e.g. iconv -f WINDOWS-1256 -t UTF-8)`);
  }
}

export function readInput(path: string): InputFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CliError(describe(error as NodeJS.ErrnoException, path));
  }
  const text = decodeText(bytes, path);
  if (text.trim() === '') throw new CliError(`${path} is empty`);
  return { path, text, sha256: createHash('sha256').update(bytes).digest('hex') };
}
