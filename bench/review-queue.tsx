/**
 * Queue latency (issue 12: "the queue opens a folder of 300 alignments in < 1 s"): writes N
 * alignments of 20 to 400 beads (the review benchmark's seed-made alignments, some already part
 * reviewed) into a temporary folder, then times `mizan review DIR` from reading the folder to the
 * first frame of the list, through the same code (review-queue.ts, QueueApp) and the same Ink
 * options, on a simulated terminal. Also reported: a key press on the list while coverage is still
 * being worked out, and how long until every file's uncovered words are in.
 *
 *   npm run build && npm run bench:queue [-- --files 300 --columns 120 --rows 40]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { render } from 'ink';
import { createElement } from 'react';
import { queueStorage, readQueueFolder } from '../src/cli/review-queue.js';
import { corpusProgress } from '../src/core/review-queue.js';
import { formatAlignmentFile } from '../src/formats/alignment-file.js';
import { RENDER_OPTIONS } from '../src/ui/app.js';
import { QueueApp } from '../src/ui/queue-app.js';
import { initialQueueState, queueReducer, type QueueState } from '../src/ui/state/queue-reducer.js';
import { FakeKeyboard, FakeTerminal, largeAlignment } from './review-fixture.js';
import { createRng } from './rng.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function writeFolder(files: number): { dir: string; beads: number } {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-queue-bench-'));
  const rng = createRng(12);
  const meta = { created: new Date(0).toISOString(), aligner: 'bench', presplit: false, source: { path: 'en.txt', sha256: '0'.repeat(64) }, target: { path: 'ar.txt', sha256: '0'.repeat(64) } };
  let beads = 0;
  for (let k = 0; k < files; k++) {
    const alignment = largeAlignment(20 + rng.int(381));
    // A third of the files part reviewed, so the order has something to weigh.
    const reviewed = rng.chance(1 / 3) ? rng.int(alignment.beads.length) : 0;
    alignment.beads = alignment.beads.map((bead, b) => (b < reviewed ? { ...bead, status: 'confirmed' } : bead));
    beads += alignment.beads.length;
    writeFileSync(join(dir, `pair-${String(k).padStart(4, '0')}.json`), formatAlignmentFile(alignment, meta));
  }
  return { dir, beads };
}

const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)]!;

/** Ten presses down and up the list, spaced past the frame throttle; their times, sorted. */
async function pressKeys(terminal: FakeTerminal, keyboard: FakeKeyboard): Promise<number[]> {
  const times: number[] = [];
  for (const press of ['j', 'k', 'j', 'k', 'j', 'k', 'j', 'k', 'j', 'k']) {
    const frame = terminal.nextFrame(`pressing ${press}`);
    const t0 = performance.now();
    keyboard.press(press);
    await frame;
    times.push(performance.now() - t0);
    await sleep(20);
  }
  return times.sort((a, b) => a - b);
}

async function main() {
  const { values } = parseArgs({ options: { files: { type: 'string', default: '300' }, columns: { type: 'string', default: '120' }, rows: { type: 'string', default: '40' } } });
  const files = Number(values.files);
  const { dir, beads } = writeFolder(files);
  try {
    const terminal = new FakeTerminal(Number(values.columns), Number(values.rows));
    const keyboard = new FakeKeyboard();
    let state: QueueState;
    const started = performance.now();
    const first = terminal.nextFrame('opening the queue');
    const entries = readQueueFolder(dir);
    const read = performance.now() - started;
    const initial = initialQueueState(entries);
    const app = render(createElement(QueueApp, { initial, storage: queueStorage(dir, { bidi: 'mizan' }) }), {
      stdout: terminal as unknown as NodeJS.WriteStream,
      stdin: keyboard as unknown as NodeJS.ReadStream,
      ...RENDER_OPTIONS,
    });
    await first;
    const firstFrame = performance.now() - started;

    // A key on the list while coverage is being worked out waits at most for the file in hand.
    await sleep(50);
    const keyTimes = await pressKeys(terminal, keyboard);

    // Coverage of every file, as the queue works it out (the same storage, file by file).
    const storage = queueStorage(dir, { bidi: 'mizan' });
    const c0 = performance.now();
    state = initial;
    for (const entry of entries) state = queueReducer(state, { type: 'uncovered', name: entry.name, uncovered: storage.uncovered(entry.name) });
    const coverage = performance.now() - c0;
    app.unmount();
    const progress = corpusProgress(state.entries);

    // The same keys once every figure is in: what moving through the list costs on its own.
    const quietTerminal = new FakeTerminal(Number(values.columns), Number(values.rows));
    const quietKeyboard = new FakeKeyboard();
    const drawn = quietTerminal.nextFrame('opening the finished queue');
    const quiet = render(createElement(QueueApp, { initial: state, storage }), {
      stdout: quietTerminal as unknown as NodeJS.WriteStream,
      stdin: quietKeyboard as unknown as NodeJS.ReadStream,
      ...RENDER_OPTIONS,
    });
    await drawn;
    const quietTimes = await pressKeys(quietTerminal, quietKeyboard);
    quiet.unmount();

    process.stdout.write(
      [
        `review queue: ${files} alignments, ${beads} beads (${progress.reviewed} already confirmed), ${values.columns}x${values.rows} terminal`,
        `folder read and figured: ${read.toFixed(0)} ms; first frame of the list: ${firstFrame.toFixed(0)} ms (target < 1000 ms: ${firstFrame < 1000 ? 'met' : 'NOT met'})`,
        `key on the list while coverage is worked out: median ${median(keyTimes).toFixed(1)} ms, max ${keyTimes.at(-1)!.toFixed(1)} ms; once it is all in: median ${median(quietTimes).toFixed(1)} ms, max ${quietTimes.at(-1)!.toFixed(1)} ms`,
        `uncovered words of all ${files} files: ${(coverage / 1000).toFixed(1)} s (${(coverage / files).toFixed(0)} ms a file, after the first frame)`,
        '',
      ].join('\n'),
    );
    process.exitCode = firstFrame < 1000 ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main().catch((error: unknown) => {
  process.stderr.write(`review-queue: ${(error as Error).message}\n`);
  process.exit(1);
});
