/**
 * Reading a user's file: every way it can be unusable becomes one clear line, never a trace.
 * The encodings mizan reads, and how it tells them apart, are in encoding.ts; HTML pages are
 * reduced to their text in html.ts. Files over a size limit are refused before they are read, so
 * a stray 5 GB log costs nothing: aligning a pair takes memory in proportion to its size.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { CliError, UsageError } from './errors.js';
import { declaredCharset, decodeBytes, EncodingError, type Encoding } from './encoding.js';
import { extractHtmlText, isHtml } from './html.js';

export interface InputFile {
  path: string;
  text: string;
  sha256: string;
  /** How the bytes were read; absent for text that never was a file (stream mode). */
  encoding?: Encoding;
  /** Set when `text` is the text extracted from an HTML page: spans point into it, not the page. */
  html?: boolean;
}

/** What the saved alignment records of an input: where, which bytes, read how. */
export const inputMeta = ({ path, sha256, encoding }: InputFile) => ({ path, sha256, ...(encoding !== undefined ? { encoding } : {}) });

/**
 * The default input limit. A pair of 50,000 sentences a side (about 7 MB of English) aligns in
 * 18 s and 600 MB, some 9 MB more per 1,000 sentences (bench/scale.ts); 16 MB of English is about
 * 120,000 sentences, 1.5 GB. Beyond that a user should know what they are asking for.
 */
export const DEFAULT_MAX_INPUT = 16 * 1024 * 1024;

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** "16M", "512k", "1G", "1000000" (bytes); null when it is none of these. */
export function parseSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$/i.exec(text);
  if (!m) return null;
  const bytes = Number(m[1]) * UNITS[m[2]!.toLowerCase()]!;
  return bytes >= 1 ? Math.floor(bytes) : null;
}

/** --max-input SIZE, else $MIZAN_MAX_INPUT, else the default. */
export function maxInputBytes(flag: string | undefined, env = process.env.MIZAN_MAX_INPUT): number {
  if (flag !== undefined) {
    const size = parseSize(flag);
    if (size === null) throw new UsageError(`--max-input wants a size such as 64M or 1G, not "${flag}"`);
    return size;
  }
  if (env !== undefined && env.trim() !== '') {
    const size = parseSize(env);
    if (size === null) throw new CliError(`MIZAN_MAX_INPUT wants a size such as 64M or 1G, not "${env}"`);
    return size;
  }
  return DEFAULT_MAX_INPUT;
}

export function formatSize(bytes: number): string {
  return bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

/** `size` is null when only "more than the limit" is known (a pipe, read up to the limit). */
export function tooLarge(what: string, size: number | null, limit: number): CliError {
  const is = size === null ? 'is larger than' : `is ${formatSize(size)}, over`;
  return new CliError(`${what} ${is} the ${formatSize(limit)} input limit; raise it with --max-input SIZE or MIZAN_MAX_INPUT=SIZE (aligning takes memory in proportion to size)`);
}

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

/** The file's bytes, reading at most `limit + 1` of them (a pipe or device has no size to check first). */
function readBounded(path: string, limit: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (stat.isFile() && stat.size > limit) throw tooLarge(path, stat.size, limit);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) throw tooLarge(path, null, limit);
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** The text of a file's bytes; `path` names it in the message when it cannot be read as text. */
export function decodeText(bytes: Uint8Array, path: string): string {
  try {
    return decodeBytes(bytes).text;
  } catch (error) {
    if (error instanceof EncodingError) throw new CliError(`${path} ${error.message}`);
    throw error;
  }
}

export function readInput(path: string, limit = maxInputBytes(undefined)): InputFile {
  let bytes: Buffer;
  try {
    bytes = readBounded(path, limit);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(describe(error as NodeJS.ErrnoException, path));
  }
  let decoded;
  try {
    // A page says what it is in; the guess is only for pages that do not (and for plain text).
    const page = isHtml(path, Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1'));
    decoded = decodeBytes(bytes, page ? declaredCharset(bytes) : null);
  } catch (error) {
    if (error instanceof EncodingError) throw new CliError(`${path} ${error.message}`);
    throw error;
  }
  if (decoded.text.trim() === '') throw new CliError(`${path} is empty`);
  const html = isHtml(path, decoded.text);
  const text = html ? extractHtmlText(decoded.text) : decoded.text;
  if (text.trim() === '') throw new CliError(`${path} is an HTML page with no text`);
  return { path, text, sha256: createHash('sha256').update(bytes).digest('hex'), encoding: decoded.encoding, ...(html ? { html } : {}) };
}
