/** Reading the shipped lexicon (data/lexicon/ar-en.tsv.gz; see data/lexicon/README.md). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseLexicon, type Lexicon } from '../core/lexicon.js';
import { CliError, oneLine } from './errors.js';
import { packageRoot } from './resources.js';

export function defaultLexiconPath(): string {
  return join(packageRoot(), 'data/lexicon/ar-en.tsv.gz');
}

/** A `.gz` name or gzip magic bytes mean gzip; anything else is read as plain TSV. */
export function loadLexicon(path: string = defaultLexiconPath()): Lexicon {
  let lexicon: Lexicon;
  try {
    const bytes = readFileSync(path);
    const gzipped = path.endsWith('.gz') || (bytes[0] === 0x1f && bytes[1] === 0x8b);
    lexicon = parseLexicon((gzipped ? gunzipSync(bytes) : bytes).toString('utf8'));
  } catch (error) {
    throw new CliError(`cannot read the lexicon at ${path}: ${oneLine(error)}`);
  }
  // A truncated or foreign file that parses to nothing would silently turn off all lexical evidence.
  if (lexicon.size === 0) throw new CliError(`cannot read the lexicon at ${path}: it has no entries`);
  return lexicon;
}
