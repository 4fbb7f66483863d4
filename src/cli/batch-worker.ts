/**
 * A worker thread of `mizan batch`: loads the evidence once, then aligns each pair the main thread
 * sends and answers with its result, one message per pair (see batch.ts for the pool).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runPair, type JobSpec, type Pair, type WorkerMessage } from './batch-job.js';
import { oneLine } from './errors.js';
import { loadEvidence } from './evidence-file.js';
import { strategyNamed, type PipelineOptions } from './pipeline.js';

const port = parentPort;
if (port) {
  const spec = workerData as JobSpec;
  const send = (message: WorkerMessage) => port.postMessage(message);
  let options: PipelineOptions | undefined;
  try {
    options = { presplit: spec.presplit, strategy: strategyNamed(spec.aligner), evidence: loadEvidence(spec) };
  } catch (error) {
    send({ kind: 'fatal', error: oneLine(error) });
  }
  if (options) {
    const ready = options;
    port.on('message', (pair: Pair) => send({ kind: 'done', ...runPair(pair, spec, ready) }));
    send({ kind: 'ready' });
  }
}
