/** Reading the shipped translation model (data/model/ar-en.tsv.gz; see data/model/README.md). */
import { join } from 'node:path';
import { parseModel, type ParseModelOptions, type TranslationModel } from '../core/model.js';
import { CliError, oneLine } from './errors.js';
import { packageRoot } from './resources.js';
import { readTableText } from './table-file.js';

export function defaultModelPath(): string {
  return join(packageRoot(), 'data/model/ar-en.tsv.gz');
}

/** Gzip or plain TSV (see readTableText). */
export function loadModel(path: string = defaultModelPath(), options: ParseModelOptions = {}): TranslationModel {
  let model: TranslationModel;
  try {
    model = parseModel(readTableText(path), options);
  } catch (error) {
    throw new CliError(`cannot read the translation model at ${path}: ${oneLine(error)}`);
  }
  // A truncated or foreign file that parses to nothing would silently turn the evidence off.
  if (model.size === 0) throw new CliError(`cannot read the translation model at ${path}: it has no entries`);
  return model;
}
