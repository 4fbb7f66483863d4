/** Reading the shipped name transliteration model (data/names/translit.tsv.gz; see data/names/README.md). */
import { join } from 'node:path';
import { type NameModel, parseNameModel } from '../core/score/name-model.js';
import { CliError, oneLine } from './errors.js';
import { packageRoot } from './resources.js';
import { readTableText } from './table-file.js';

export function defaultNameModelPath(): string {
  return join(packageRoot(), 'data/names/translit.tsv.gz');
}

/** Gzip or plain TSV (see readTableText). */
export function loadNameModel(path: string = defaultNameModelPath()): NameModel {
  try {
    return parseNameModel(readTableText(path));
  } catch (error) {
    throw new CliError(`cannot read the name model at ${path}: ${oneLine(error)}`);
  }
}
