/**
 * Review UI latency: from a key press to the redrawn frame, on a 10,000-bead alignment, through
 * the same Ink renderer and options `mizan review` uses (only the terminal is simulated: a stream
 * that records each frame written). The alignment repeats the beads of the bundled seed alignment,
 * so bead texts have real lengths and real Arabic. Target: under 50 ms per key (issue 3). CPU time
 * is reported beside wall time: nearly all of a key's time is Ink drawing the frame, which grows
 * with the terminal's size, not with the number of beads.
 *
 * With --marks the review has the shipped evidence, as `mizan review` does, and draws the coverage
 * marks inside aligned beads (issue 12); the time to work out the coverage after the first frame is
 * reported on its own. Last, z realigns around the beads the presses confirmed (the rest of the text is one stretch), and u
 * undoes it: the time to its notice, to the realigned frame, and of the undo.
 *
 *   npm run build && npm run bench:review [-- --beads 10000 --presses 40 --columns 120 --rows 40 --marks]
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { render } from 'ink';
import { FakeKeyboard, FakeTerminal, largeAlignment } from './review-fixture.js';
import { loadEvidence } from '../src/cli/evidence-file.js';
import { mizanStrategy } from '../src/core/align/mizan.js';
import { RENDER_OPTIONS, ReviewApp, type ReviewStorage } from '../src/ui/app.js';
import { initialState } from '../src/ui/state/review-state.js';

const storage: ReviewStorage = {
  title: 'latency benchmark',
  save: () => ({ ok: true, path: 'nowhere' }),
  autosave: () => {},
  discardAutosave: () => {},
  realign: () => {
    throw new Error('not in a benchmark');
  },
};

/** What the presses leave for z to realign around: the y presses confirmed beads (the u presses undid the merges). */
const anchorsLeft = (beads: number, presses: number) => `${beads} beads, ${presses} confirmed near the start`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function main() {
  const { values } = parseArgs({
    options: { marks: { type: 'boolean', default: false }, beads: { type: 'string', default: '10000' }, presses: { type: 'string', default: '40' }, columns: { type: 'string', default: '120' }, rows: { type: 'string', default: '40' } },
  });
  const alignment = largeAlignment(Number(values.beads));
  const terminal = new FakeTerminal(Number(values.columns), Number(values.rows));
  const keyboard = new FakeKeyboard();
  const evidence = values.marks ? loadEvidence() : undefined;
  const started = performance.now();
  const first = terminal.nextFrame('starting');
  const aligner = { strategy: mizanStrategy, evidence: evidence ?? loadEvidence() };
  const app = render(<ReviewApp initial={initialState(alignment, { bidi: 'mizan' })} storage={storage} autosaveMs={3_600_000} aligner={aligner} {...(evidence ? { evidence } : {})} />, {
    stdout: terminal as unknown as NodeJS.WriteStream,
    stdin: keyboard as unknown as NodeJS.ReadStream,
    ...RENDER_OPTIONS,
  });
  await first;
  const firstFrame = performance.now() - started;
  let marksFrame = '';
  if (evidence) {
    // The coverage is worked out after the first frame, and redrawn with the marks when it is ready.
    const t0 = performance.now();
    await terminal.nextFrame('working out the coverage', 30_000);
    marksFrame = `; coverage and marks drawn ${(performance.now() - t0).toFixed(0)} ms after it`;
  }

  // The first presses after opening also compile the code paths they run (V8's JIT): reported on
  // their own, then a few unmeasured presses, so the table shows the steady state a reviewer works in.
  const firstKeys: number[] = [];
  for (const press of ['j', 'k', 'j', 'k', 'j', 'k', 'j', 'k']) {
    const frame = terminal.nextFrame('the warm-up presses');
    const t0 = performance.now();
    keyboard.press(press);
    await frame;
    firstKeys.push(performance.now() - t0);
    await sleep(20);
  }

  // Each key is pressed many times; presses are spaced past the renderer's frame throttle, so what
  // is measured is the work a key costs, not the frame rate cap.
  const keys: [string, string][] = [
    ['next bead (j)', 'j'],
    ['previous bead (k)', 'k'],
    ['next page (PgDn)', '\u001b[6~'],
    ['next flagged (f)', 'f'],
    ...(evidence ? ([['next marked (o)', 'o']] as [string, string][]) : []),
    ['confirm (y)', 'y'],
    ['merge (m)', 'm'],
    ['undo (u)', 'u'],
    ['last / first bead (G, g)', 'G|g'],
    // Split mode on the cursor bead, the mark moved on and back, the split, its undo: one cycle.
    ['split mode (s, → ←, Enter, u)', 's|\u001b[C|\u001b[D|\r|u'],
  ];
  const rows: string[] = [];
  const all: number[] = [];
  for (const [name, key] of keys) {
    const times: number[] = [];
    const cpu: number[] = [];
    for (let n = 0; n < Number(values.presses); n++) {
      // Keys separated by | are pressed in turn.
      const cycle = key.split('|');
      const press = cycle[n % cycle.length]!;
      const frame = terminal.nextFrame(`pressing ${name}`);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      keyboard.press(press);
      await frame;
      times.push(performance.now() - t0);
      const used = process.cpuUsage(c0);
      cpu.push((used.user + used.system) / 1000);
      await sleep(20);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    all.push(...times);
    rows.push(`| ${name} | ${percentile(times, 0.5).toFixed(1)} | ${percentile(times, 0.95).toFixed(1)} | ${times.at(-1)!.toFixed(1)} | ${percentile(cpu, 0.5).toFixed(1)} |`);
  }
  // z: the confirms (y) and merges (m) above left anchors; everything between them is searched
  // again. The key draws a notice at once, and the realigned beads when the search is done.
  const notice = terminal.nextFrame('pressing z');
  const z0 = performance.now();
  keyboard.press('z');
  await notice;
  const zNotice = performance.now() - z0;
  await terminal.nextFrame('the realign', 120_000);
  const zDone = performance.now() - z0;
  await sleep(20);
  const undoFrame = terminal.nextFrame('undoing the realign');
  const u0 = performance.now();
  keyboard.press('u');
  await undoFrame;
  const zUndo = performance.now() - u0;
  app.unmount();
  all.sort((a, b) => a - b);
  const worst = all.at(-1)!;
  process.stdout.write(
    [
      `review latency${evidence ? ', coverage marks on' : ''}, ${alignment.beads.length} beads (${alignment.source.segments.length} / ${alignment.target.segments.length} sentences), ${values.columns}x${values.rows} terminal, ${values.presses} presses a key`,
      `first frame: ${firstFrame.toFixed(0)} ms${marksFrame}; first key presses after it: ${firstKeys.map((t) => t.toFixed(0)).join(', ')} ms`,
      '',
      '| key | median ms | p95 ms | max ms | median CPU ms |',
      '|---|---|---|---|---|',
      ...rows,
      `| all keys | ${percentile(all, 0.5).toFixed(1)} | ${percentile(all, 0.95).toFixed(1)} | ${worst.toFixed(1)} | |`,
      '',
      `target: every key under 50 ms: ${worst < 50 ? 'met' : 'NOT met'}`,
      `realign around the confirmed (z, ${anchorsLeft(alignment.beads.length, Number(values.presses))}): notice ${zNotice.toFixed(0)} ms, realigned beads drawn ${zDone.toFixed(0)} ms; its undo (u) ${zUndo.toFixed(0)} ms`,
      '',
    ].join('\n'),
  );
  process.exitCode = worst < 50 ? 0 : 1;
}

await main().catch((error: unknown) => {
  process.stderr.write(`review-latency: ${(error as Error).message}\n`);
  process.exit(1);
});
