/**
 * The worker-thread pool of `mizan batch` (manifest mode): one thread per core, each loading the
 * lexicon once and taking the next pair as it finishes one (batch-worker.ts).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { JobSpec, Pair, PairResult, WorkerMessage } from './batch-job.js';
import { CliError, oneLine } from './errors.js';

const MAX_DEFAULT_WORKERS = 8;
// Resolved beside this module: dist/src/cli/batch-worker.js when built. Run from the TS sources
// (vitest) the file does not exist, the workers fail to start and the main thread does the work.
const WORKER_URL = new URL('./batch-worker.js', import.meta.url);

export function debug(message: string): void {
  if (process.env.MIZAN_DEBUG) process.stderr.write(`mizan: ${message}\n`);
}

/** How many threads align a manifest of `pairs` pairs; 1 means the main thread alone. */
export function workerCount(pairs: number, env = process.env.MIZAN_WORKERS): number {
  if (env !== undefined && env.trim() !== '') {
    const n = Number(env.trim());
    if (!/^\d+$/.test(env.trim()) || n < 1) throw new CliError(`MIZAN_WORKERS must be a whole number of at least 1, not "${env}"`);
    return Math.max(1, Math.min(n, pairs));
  }
  return Math.max(1, Math.min(pairs, availableParallelism(), MAX_DEFAULT_WORKERS));
}

export interface PoolHooks {
  /** A pair is handed to a thread. */
  starting(index: number): void;
  finished(index: number, result: PairResult): void;
}

/**
 * Runs the pairs on `count` worker threads, each taking the next pair as it finishes one, so a
 * long pair does not hold up the rest. Resolves with the indices of the pairs no worker took
 * (all of them if no worker could start), which the caller runs in the main thread. A worker that
 * dies mid-pair fails that pair and is replaced; a worker that cannot load the lexicon stops the
 * run with its one-line error, as the main thread would.
 */
export function runInWorkers(pairs: readonly Pair[], spec: JobSpec, count: number, hooks: PoolHooks): Promise<number[]> {
  return new Promise((resolvePool, rejectPool) => {
    const live = new Set<Worker>();
    let next = 0;
    let fatal: string | undefined;
    let startFailure: string | undefined;

    const settle = () => {
      if (live.size > 0) return;
      if (fatal !== undefined) return rejectPool(new CliError(fatal));
      const left = pairs.map((_, k) => k).slice(next);
      if (left.length > 0) debug(`worker threads unavailable (${startFailure ?? 'no worker started'}); aligning ${left.length} pair(s) in the main thread`);
      resolvePool(left);
    };

    const spawnOne = () => {
      let worker: Worker;
      try {
        worker = new Worker(WORKER_URL, { workerData: spec });
      } catch (error) {
        startFailure = oneLine(error);
        return;
      }
      live.add(worker);
      let ready = false;
      let current: number | undefined;
      let crash: string | undefined;
      const feed = () => {
        current = undefined;
        if (fatal !== undefined || next >= pairs.length) {
          void worker.terminate();
          return;
        }
        current = next++;
        hooks.starting(current);
        worker.postMessage(pairs[current]);
      };
      worker.on('message', (message: WorkerMessage) => {
        if (message.kind === 'ready') {
          ready = true;
          feed();
        } else if (message.kind === 'fatal') {
          fatal ??= message.error;
          for (const other of live) void other.terminate();
        } else if (current !== undefined) {
          const { kind: _, ...result } = message;
          hooks.finished(current, result);
          feed();
        }
      });
      worker.on('error', (error) => {
        crash = oneLine(error);
      });
      worker.on('exit', (code) => {
        live.delete(worker);
        if (current !== undefined) {
          const pair = pairs[current]!;
          hooks.finished(current, { id: pair.id, sentences: 0, error: `worker thread stopped: ${crash ?? `exit code ${code}`}` });
          current = undefined;
          // It had started once, so starting another should work; each crash uses up one pair.
          if (ready && fatal === undefined && next < pairs.length) spawnOne();
        } else if (!ready && fatal === undefined) {
          startFailure = crash ?? `exit code ${code}`;
        }
        settle();
      });
    };

    for (let k = 0; k < count; k++) spawnOne();
    settle();
  });
}

