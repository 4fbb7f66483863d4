/**
 * What a batch run remembers of each pair it wrote: `DIR/.mizan-batch.json`, one entry per id with
 * the settings that shaped the output (aligner and its parameters, presplit, lexicon and model
 * versions as `signature(options)` names them, the format and mizan's own version) and the sha256
 * of both inputs and of the output itself. A pair is skipped on resume only when all of these
 * still hold, so a run with another --aligner, lexicon or mizan version redoes the pair, and an
 * output that is not the one recorded (written by a run that stopped before recording it) is
 * redone too. jsonl and ladder files cannot carry such a key themselves; the record serves every
 * format alike. It is written atomically (files.ts), by the main thread only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './files.js';
import type { OutputFormat } from './output.js';
import { signature, type PipelineOptions } from './pipeline.js';
import { mizanVersion } from './resources.js';

export const RECORD_NAME = '.mizan-batch.json';
const RECORD_FORMAT = 'mizan-batch';

export interface PairRecord {
  /** `signature(options)|format|mizan VERSION`: readable, so a summary can say what changed. */
  settings: string;
  source: string;
  target: string;
  output: string;
}

/** Why a pair whose output exists is aligned again. */
export type RedoReason = 'settings' | 'input' | 'output' | 'unrecorded';

export function settingsKey(options: PipelineOptions, format: OutputFormat): string {
  return `${signature(options)}|${format}|mizan ${mizanVersion()}`;
}

export function readRecords(outdir: string): Record<string, PairRecord> {
  try {
    const data = JSON.parse(readFileSync(join(outdir, RECORD_NAME), 'utf8')) as { format?: unknown; pairs?: unknown };
    if (data.format !== RECORD_FORMAT || data.pairs === null || typeof data.pairs !== 'object') return {};
    return data.pairs as Record<string, PairRecord>;
  } catch {
    // None yet, or unreadable: every existing output is then redone, which is always safe.
    return {};
  }
}

export function writeRecords(outdir: string, pairs: Record<string, PairRecord>): void {
  writeFileAtomic(join(outdir, RECORD_NAME), JSON.stringify({ format: RECORD_FORMAT, version: 1, pairs }, null, 1) + '\n', { durable: false });
}

/** Whether `now` (the pair as it would be made now) matches `before`; else why not. */
export function compareRecords(before: PairRecord | undefined, now: Omit<PairRecord, 'output'>, outputSha256: string): RedoReason | null {
  if (!before) return 'unrecorded';
  if (before.settings !== now.settings) return 'settings';
  if (before.source !== now.source || before.target !== now.target) return 'input';
  if (before.output !== outputSha256) return 'output';
  return null;
}
