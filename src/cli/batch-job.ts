/**
 * One pair of a batch, from its two files to DIR/<id>.<format>: the work that `mizan batch` runs
 * either in the main thread or in a worker thread (batch-worker.ts), so both paths write the same
 * bytes. The messages between the two threads are typed here too.
 */
import { join } from 'node:path';
import { oneLine } from './errors.js';
import { writeFileAtomic } from './files.js';
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
}

/** The outcome of one pair: its sentence count, or why it failed (one line). */
export interface PairResult {
  id: string;
  sentences: number;
  error?: string;
}

/** Worker → main thread. `fatal` means the worker cannot align anything (e.g. no lexicon). */
export type WorkerMessage = { kind: 'ready' } | { kind: 'fatal'; error: string } | ({ kind: 'done' } & PairResult);

/** Never throws: a failing pair is reported in its result and does not stop the others. */
export function runPair(pair: Pair, spec: JobSpec, options: PipelineOptions): PairResult {
  try {
    const source = readInput(pair.source);
    const target = readInput(pair.target);
    const alignment = alignInputs(source, target, options);
    const text = render(alignment, spec.format, () => saveFormat(alignment, source, target, options));
    writeFileAtomic(join(spec.outdir, `${pair.id}.${spec.format}`), text);
    return { id: pair.id, sentences: alignment.source.segments.length + alignment.target.segments.length };
  } catch (error) {
    return { id: pair.id, sentences: 0, error: oneLine(error) };
  }
}
