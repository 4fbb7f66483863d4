/** Reading the shipped lexicon (data/lexicon/ar-en.tsv.gz; see data/lexicon/README.md). */
import { join } from 'node:path';
import { parseLexicon, type Lexicon } from '../core/lexicon.js';
import { CliError, oneLine } from './errors.js';
import { packageRoot } from './resources.js';
import { readTableText } from './table-file.js';

export function defaultLexiconPath(): string {
  return join(packageRoot(), 'data/lexicon/ar-en.tsv.gz');
}

/** Gzip or plain TSV (see readTableText). */
export function loadLexicon(path: string = defaultLexiconPath()): Lexicon {
  let lexicon: Lexicon;
  try {
    lexicon = parseLexicon(readTableText(path));
  } catch (error) {
    throw new CliError(`cannot read the lexicon at ${path}: ${oneLine(error)}`);
  }
  // A truncated or foreign file that parses to nothing would silently turn off all lexical evidence.
  if (lexicon.size === 0) throw new CliError(`cannot read the lexicon at ${path}: it has no entries`);
  return lexicon;
}
