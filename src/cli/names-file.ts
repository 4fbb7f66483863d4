/** Reading the shipped name transliteration model (data/names/translit.tsv.gz; see data/names/README.md). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type NameModel, parseNameModel } from '../core/score/name-model.js';
import { CliError, oneLine } from './errors.js';
import { packageRoot } from './resources.js';

export function defaultNameModelPath(): string {
  return join(packageRoot(), 'data/names/translit.tsv.gz');
}

/** A `.gz` name or gzip magic bytes mean gzip; anything else is read as plain TSV. */
export function loadNameModel(path: string = defaultNameModelPath()): NameModel {
  try {
    const bytes = readFileSync(path);
    const gzipped = path.endsWith('.gz') || (bytes[0] === 0x1f && bytes[1] === 0x8b);
    return parseNameModel((gzipped ? gunzipSync(bytes) : bytes).toString('utf8'));
  } catch (error) {
    throw new CliError(`cannot read the name model at ${path}: ${oneLine(error)}`);
  }
}
