/** The output formats of align and batch, by name. */
import type { Alignment } from '../core/types.js';
import { formatJsonl } from '../formats/jsonl.js';
import { formatLadder } from '../formats/ladder.js';
import { formatListing } from '../formats/listing.js';
import { formatTsv } from '../formats/tsv.js';
import { UsageError } from './errors.js';

export type OutputFormat = 'json' | 'jsonl' | 'ladder' | 'tsv';

export function checkFormat(name: string | undefined, allowed: readonly OutputFormat[]): OutputFormat | undefined {
  if (name === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(name)) throw new UsageError(`unknown format "${name}"; choose one of: ${allowed.join(', ')}`);
  return name as OutputFormat;
}

/** `json` needs the saved-file context, so the caller passes it in already rendered. */
export function render(alignment: Alignment, format: OutputFormat | 'listing', savedJson: () => string, color = false): string {
  switch (format) {
    case 'json':
      return savedJson();
    case 'jsonl':
      return formatJsonl(alignment);
    case 'ladder':
      return formatLadder(alignment.beads.map(({ source, target, score }) => ({ source, target, score })));
    case 'tsv':
      return formatTsv(alignment);
    case 'listing':
      return formatListing(alignment, { color });
  }
}
