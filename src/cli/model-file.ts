/** Reading the shipped translation model (data/model/ar-en.tsv.gz; see data/model/README.md). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseModel, type ParseModelOptions, type TranslationModel } from '../core/model.js';
import { CliError, oneLine } from './errors.js';
import { packageRoot } from './resources.js';

export function defaultModelPath(): string {
  return join(packageRoot(), 'data/model/ar-en.tsv.gz');
}

/** A `.gz` name or gzip magic bytes mean gzip; anything else is read as plain TSV. */
export function loadModel(path: string = defaultModelPath(), options: ParseModelOptions = {}): TranslationModel {
  let model: TranslationModel;
  try {
    const bytes = readFileSync(path);
    const gzipped = path.endsWith('.gz') || (bytes[0] === 0x1f && bytes[1] === 0x8b);
    model = parseModel((gzipped ? gunzipSync(bytes) : bytes).toString('utf8'), options);
  } catch (error) {
    throw new CliError(`cannot read the translation model at ${path}: ${oneLine(error)}`);
  }
  // A truncated or foreign file that parses to nothing would silently turn the evidence off.
  if (model.size === 0) throw new CliError(`cannot read the translation model at ${path}: it has no entries`);
  return model;
}
