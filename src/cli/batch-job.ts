/**
 * One pair of a batch, from its two files to DIR/<id>.<format>: the work that `mizan batch` runs
 * either in the main thread or in a worker thread (batch-worker.ts), so both paths write the same
 * bytes. The messages between the two threads are typed here too.
 *
 * Resuming: a pair whose output exists is skipped (unless `force`) only when the run's record
 * (batch-record.ts) says it was made from these very inputs with these very settings (aligner and
 * its parameters, presplit, lexicon and model versions, format, mizan's version) and the output is
 * still the one recorded. Anything else redoes the pair, and the result says why.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Flag } from '../core/types.js';
import { compareRecords, settingsKey, type PairRecord, type RedoReason } from './batch-record.js';
import { oneLine } from './errors.js';
import { sha256Of, writeFileAtomic } from './files.js';
import { readInput } from './input.js';
import type { OutputFormat } from './output.js';
import { render } from './output.js';
import { alignInputs, saveFormat, type PipelineOptions } from './pipeline.js';

export interface Pair {
  id: string;
  source: string;
  target: string;
  /** What the last run recorded of this pair, if anything. */
  previous?: PairRecord;
}

/** What every pair of a run shares; plain data, so it can be a worker's `workerData`. */
export interface JobSpec {
  outdir: string;
  format: OutputFormat;
  presplit: boolean;
  /** A name `strategyNamed` accepts (already checked by the main thread). */
  aligner: string | undefined;
  /** --lexicon and --evidence, read by each worker (see evidence-file.ts). */
  lexicon?: string | undefined;
  model?: string | undefined;
  evidence?: string | undefined;
  /** Redo pairs whose output is already there. */
  force?: boolean;
  /** Input size limit in bytes (--max-input). */
  maxInput?: number;
}

export type FlagCounts = Record<Flag, number>;

export const noFlags = (): FlagCounts => ({ aligned: 0, 'source-only': 0, 'target-only': 0, boilerplate: 0 });

/** The outcome of one pair: its sentence and bead counts, that it was already done, or why it failed (one line). */
export interface PairResult {
  id: string;
  sentences: number;
  flags?: FlagCounts;
  skipped?: boolean;
  error?: string;
  /** Set when an existing output was not current and the pair was aligned again. */
  redone?: RedoReason;
  /** What to record of the output written. */
  record?: PairRecord;
}

/** Worker → main thread. `fatal` means the worker cannot align anything (e.g. no lexicon). */
export type WorkerMessage = { kind: 'ready' } | { kind: 'fatal'; error: string } | ({ kind: 'done' } & PairResult);

export function outputPath(pair: Pair, spec: JobSpec): string {
  return join(spec.outdir, `${pair.id}.${spec.format}`);
}

function existingOutput(out: string): string | null {
  try {
    return sha256Of(readFileSync(out));
  } catch {
    return null;
  }
}

/** Never throws: a failing pair is reported in its result and does not stop the others. */
export function runPair(pair: Pair, spec: JobSpec, options: PipelineOptions): PairResult {
  try {
    const out = outputPath(pair, spec);
    const source = readInput(pair.source, spec.maxInput);
    const target = readInput(pair.target, spec.maxInput);
    const made = { settings: settingsKey(options, spec.format), source: source.sha256, target: target.sha256 };
    const existing = spec.force ? null : existingOutput(out);
    const redone = existing === null ? null : compareRecords(pair.previous, made, existing);
    if (existing !== null && redone === null) return { id: pair.id, sentences: 0, skipped: true };
    const alignment = alignInputs(source, target, options);
    const text = render(alignment, spec.format, () => saveFormat(alignment, source, target, options));
    // Atomic, not flushed: a pair lost to a power cut is redone on the next, resumed, run.
    writeFileAtomic(out, text, { durable: false });
    const flags = noFlags();
    for (const bead of alignment.beads) flags[bead.flag]++;
    return {
      id: pair.id,
      sentences: alignment.source.segments.length + alignment.target.segments.length,
      flags,
      record: { ...made, output: sha256Of(text) },
      ...(redone ? { redone } : {}),
    };
  } catch (error) {
    return { id: pair.id, sentences: 0, error: oneLine(error) };
  }
}
