/** Reading a saved alignment given on the command line: any problem is one clear line. */
import { readFileSync } from 'node:fs';
import type { Alignment } from '../core/types.js';
import { parseAlignmentFile, type AlignmentFile } from '../formats/alignment-file.js';
import { CliError, oneLine } from './errors.js';

export function readAlignment(path: string): { alignment: Alignment; file: AlignmentFile } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${path}: no such file` : code === 'EISDIR' ? `${path} is a directory` : `cannot read ${path}: ${oneLine(error)}`);
  }
  try {
    return parseAlignmentFile(text);
  } catch (error) {
    throw new CliError(`${path}: ${oneLine(error)}`);
  }
}
