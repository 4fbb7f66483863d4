/**
 * Review UI latency: from a key press to the redrawn frame, on a 10,000-bead alignment, through
 * the same Ink renderer and options `mizan review` uses (only the terminal is simulated: a stream
 * that records each frame written). The alignment repeats the beads of the bundled seed alignment,
 * so bead texts have real lengths and real Arabic. Target: under 50 ms per key (issue 3). CPU time
 * is reported beside wall time: nearly all of a key's time is Ink drawing the frame, which grows
 * with the terminal's size, not with the number of beads.
 *
 *   npm run build && npm run bench:review [-- --beads 10000 --presses 40 --columns 120 --rows 40]
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { render } from 'ink';
import { FakeKeyboard, FakeTerminal, largeAlignment } from './review-fixture.js';
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function main() {
  const { values } = parseArgs({
    options: { beads: { type: 'string', default: '10000' }, presses: { type: 'string', default: '40' }, columns: { type: 'string', default: '120' }, rows: { type: 'string', default: '40' } },
  });
  const alignment = largeAlignment(Number(values.beads));
  const terminal = new FakeTerminal(Number(values.columns), Number(values.rows));
  const keyboard = new FakeKeyboard();
  const started = performance.now();
  const first = terminal.nextFrame('starting');
  const app = render(<ReviewApp initial={initialState(alignment, { bidi: 'mizan' })} storage={storage} autosaveMs={3_600_000} />, {
    stdout: terminal as unknown as NodeJS.WriteStream,
    stdin: keyboard as unknown as NodeJS.ReadStream,
    ...RENDER_OPTIONS,
  });
  await first;
  const firstFrame = performance.now() - started;

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
  app.unmount();
  all.sort((a, b) => a - b);
  const worst = all.at(-1)!;
  process.stdout.write(
    [
      `review latency, ${alignment.beads.length} beads (${alignment.source.segments.length} / ${alignment.target.segments.length} sentences), ${values.columns}x${values.rows} terminal, ${values.presses} presses a key`,
      `first frame: ${firstFrame.toFixed(0)} ms; first key presses after it: ${firstKeys.map((t) => t.toFixed(0)).join(', ')} ms`,
      '',
      '| key | median ms | p95 ms | max ms | median CPU ms |',
      '|---|---|---|---|---|',
      ...rows,
      `| all keys | ${percentile(all, 0.5).toFixed(1)} | ${percentile(all, 0.95).toFixed(1)} | ${worst.toFixed(1)} | |`,
      '',
      `target: every key under 50 ms: ${worst < 50 ? 'met' : 'NOT met'}`,
      '',
    ].join('\n'),
  );
  process.exitCode = worst < 50 ? 0 : 1;
}

await main().catch((error: unknown) => {
  process.stderr.write(`review-latency: ${(error as Error).message}\n`);
  process.exit(1);
});
