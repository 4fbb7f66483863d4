/** The shipped tables (lexicon, translation model, name model) are gzip or plain UTF-8 text. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** A `.gz` name or gzip magic bytes mean gzip; anything else is read as plain text. Throws as fs and zlib do. */
export function readTableText(path: string): string {
  const bytes = readFileSync(path);
  const gzipped = path.endsWith('.gz') || (bytes[0] === 0x1f && bytes[1] === 0x8b);
  return (gzipped ? gunzipSync(bytes) : bytes).toString('utf8');
}
