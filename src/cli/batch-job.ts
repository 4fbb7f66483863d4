/**
 * One pair of a batch, from its two files to DIR/<id>.<format>: the work that `mizan batch` runs
 * either in the main thread or in a worker thread (batch-worker.ts), so both paths write the same
 * bytes. The messages between the two threads are typed here too.
 *
 * Resuming: a pair whose output exists and is complete is skipped (unless `force`). Outputs are
 * written atomically, so a file that exists was written whole; "complete" also means current: a
 * saved alignment (json) must name the inputs' present sha256 and the same --presplit, a jsonl or
 * ladder file must parse line by line and be newer than both inputs.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Flag } from '../core/types.js';
import { parseAlignmentFile } from '../formats/alignment-file.js';
import { parseJsonlBeads } from '../formats/jsonl.js';
import { parseLadder } from '../formats/ladder.js';
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
}

/** Worker → main thread. `fatal` means the worker cannot align anything (e.g. no lexicon). */
export type WorkerMessage = { kind: 'ready' } | { kind: 'fatal'; error: string } | ({ kind: 'done' } & PairResult);

export function outputPath(pair: Pair, spec: JobSpec): string {
  return join(spec.outdir, `${pair.id}.${spec.format}`);
}

/** Whether `out` already holds this pair's result (see the module comment); any doubt says no. */
export function isDone(pair: Pair, spec: JobSpec, out = outputPath(pair, spec)): boolean {
  try {
    const text = readFileSync(out, 'utf8');
    if (!text.endsWith('\n')) return false;
    if (spec.format === 'json') {
      const { file } = parseAlignmentFile(text);
      return file.presplit === spec.presplit && file.source.sha256 === sha256Of(readFileSync(pair.source)) && file.target.sha256 === sha256Of(readFileSync(pair.target));
    }
    const beads = spec.format === 'ladder' ? parseLadder(text) : parseJsonlBeads(text);
    const written = statSync(out).mtimeMs;
    return beads.length > 0 && written >= statSync(pair.source).mtimeMs && written >= statSync(pair.target).mtimeMs;
  } catch {
    return false;
  }
}

/** Never throws: a failing pair is reported in its result and does not stop the others. */
export function runPair(pair: Pair, spec: JobSpec, options: PipelineOptions): PairResult {
  try {
    const out = outputPath(pair, spec);
    if (!spec.force && isDone(pair, spec, out)) return { id: pair.id, sentences: 0, skipped: true };
    const source = readInput(pair.source, spec.maxInput);
    const target = readInput(pair.target, spec.maxInput);
    const alignment = alignInputs(source, target, options);
    const text = render(alignment, spec.format, () => saveFormat(alignment, source, target, options));
    // Atomic, not flushed: a pair lost to a power cut is redone on the next, resumed, run.
    writeFileAtomic(out, text, { durable: false });
    const flags = noFlags();
    for (const bead of alignment.beads) flags[bead.flag]++;
    return { id: pair.id, sentences: alignment.source.segments.length + alignment.target.segments.length, flags };
  } catch (error) {
    return { id: pair.id, sentences: 0, error: oneLine(error) };
  }
}
