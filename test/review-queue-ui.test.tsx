/**
 * The queue of `mizan review DIR` through Ink (ink-testing-library), at 80×24 and 160×50: the list,
 * opening a pair, the next pair, and back to the list, against a storage that touches no files.
 */
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QueueEntry } from '../src/core/review-queue.js';
import { fileFigures } from '../src/core/review-queue.js';
import type { Alignment } from '../src/core/types.js';
import type { ReviewStorage } from '../src/ui/app.js';
import { QueueApp, type QueueStorage } from '../src/ui/queue-app.js';
import { initialQueueState } from '../src/ui/state/queue-reducer.js';
import { initialState } from '../src/ui/state/review-state.js';
import { displayWidth } from '../src/ui/text/rtl.js';
import { sampleAlignment } from './support/review-fixtures.js';

const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

/** Three files: `b` has the most one-sided beads, `c` is fully reviewed, and `bad\u001b[31m.json` (a hostile name) does not read. */
function files(): Record<string, Alignment> {
  const plain = sampleAlignment();
  const more = sampleAlignment();
  more.beads = more.beads.map((bead, k) => (k === 0 ? { ...bead, target: [], flag: 'source-only' } : bead));
  more.beads.splice(1, 0, { source: [], target: [0], flag: 'target-only', score: 0.8, status: 'auto' });
  const reviewed = sampleAlignment();
  reviewed.beads = reviewed.beads.map((bead) => ({ ...bead, status: 'confirmed' }));
  return { 'a.json': plain, 'b.json': more, 'c.json': reviewed };
}

function fakeQueue() {
  const alignments = files();
  const saved: string[] = [];
  const closed: string[] = [];
  const storage: QueueStorage & { saved: string[]; closed: string[] } = {
    title: 'out',
    saved,
    closed,
    open(name) {
      const alignment = alignments[name];
      if (!alignment) return { ok: false, error: `${name}: no such file` };
      const review: ReviewStorage = {
        title: `pair ${name}`,
        save(next) {
          alignments[name] = next;
          saved.push(name);
          return { ok: true, path: name };
        },
        autosave() {},
        discardAutosave() {},
        realign: () => alignment,
      };
      return { ok: true, pair: { initial: initialState(alignment, { bidi: 'mizan' }), storage: review, close: () => closed.push(name) } };
    },
    uncovered: (name) => ({ state: 'done', words: name === 'a.json' ? 7 : 2, total: 40 }),
  };
  const entries: QueueEntry[] = [
    ...Object.entries(alignments).map(([name, alignment]): QueueEntry => ({ name, figures: fileFigures(alignment.beads), uncovered: { state: 'pending' } })),
    { name: 'bad\u001b[31m.json', figures: null, unreadable: 'not JSON', uncovered: { state: 'failed', reason: 'unreadable' } },
  ];
  return { storage, entries };
}

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

function open(columns: number, rows: number) {
  const { storage, entries } = fakeQueue();
  const app = render(<QueueApp initial={initialQueueState(entries)} storage={storage} autosaveMs={60_000} />);
  unmount = app.unmount;
  Object.defineProperty(app.stdout, 'columns', { get: () => columns });
  Object.defineProperty(app.stdout, 'rows', { get: () => rows });
  app.stdout.emit('resize');
  const frame = () => strip(app.lastFrame() ?? '');
  const press = async (keys: string, until: (frame: string) => boolean) => {
    app.stdin.write(keys);
    await vi.waitFor(() => expect(until(frame()), frame()).toBe(true), { timeout: 2000, interval: 5 });
    // A screen that just mounted (a pair opened, the list back) draws before its key hook is
    // listening (Ink's useInput subscribes in an effect): let it subscribe before the next key.
    await new Promise((resolve) => setTimeout(resolve, 20));
    return frame();
  };
  const fits = (text: string) => {
    const lines = text.split('\n');
    expect(lines.length).toBeLessThanOrEqual(rows);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
  };
  return { app, storage, frame, press, fits };
}

describe.each([
  [80, 24],
  [160, 50],
])('review queue at %ix%i', (columns, rows) => {
  it('lists the files by what needs a look, says what is still being worked out, then fills in coverage', async () => {
    const { app, frame, fits } = open(columns, rows);
    // The first frame comes before any coverage figure.
    expect(strip(app.frames[0] ?? '')).toContain('uncovered words: working out 3 of 3 files');
    await vi.waitFor(() => expect(frame()).toContain('uncovered words: all worked out'));
    const lines = frame().split('\n');
    expect(lines[0]).toBe('mizan review · queue of 4 alignments in out');
    expect(lines[1]).toMatch(/^ reviewed 5\/16 beads \(31%\)\s+files done 1\/3 · 1 unreadable/);
    expect(lines[2]).toBe('uncovered words: all worked out');
    expect(lines[3]).toMatch(/^ {2}file\s+1-sided\s+low\s+uncovered\s+unconf\s+reviewed$/);
    expect(lines[4]).toMatch(/^▌ b\.json\s+3\s+1\s+2 \(5%\)\s+100%\s+0\/6$/);
    expect(lines[5]).toMatch(/^ {2}a\.json\s+1\s+1\s+7 \(18%\)\s+100%\s+0\/5$/);
    expect(lines[6]).toMatch(/^ {2}c\.json\s+0\s+0\s+2 \(5%\)\s+0%\s+✓ 5\/5$/);
    // The hostile name is drawn inert: no escape reaches the terminal.
    expect(app.lastFrame()).not.toContain('\u001b[31m.json');
    expect(lines[7]).toMatch(/^ {2}bad.*unreadable: not JSON/);
    fits(frame());
  });

  it('opens a pair with Enter, asks before leaving unsaved changes, saves and comes back to updated figures', async () => {
    const { storage, press, fits } = open(columns, rows);
    let screen = await press('\r', (f) => f.includes('mizan review · queue 1/4 · b.json · pair b.json'));
    fits(screen);
    screen = await press('y', (f) => f.includes('1 confirmed'));
    screen = await press('q', (f) => f.includes('Unsaved changes. w save and go back to the list'));
    screen = await press('w', (f) => f.includes('queue of 4 alignments'));
    expect(storage.saved).toEqual(['b.json']);
    expect(storage.closed).toEqual(['b.json']);
    expect(screen).toContain('reviewed 6/16 beads');
    expect(screen.split('\n').find((l) => l.includes('b.json'))).toMatch(/1\/6$/);
    fits(screen);
  });

  it('goes on to the next pair with ], back to the list with q, and shows the queue keys in both helps', async () => {
    const { storage, press, fits } = open(columns, rows);
    let screen = await press('?', (f) => f.includes('Keys (any key closes this help)'));
    expect(screen).toContain('review the selected pair');
    fits(screen);
    await press('x', (f) => f.includes('queue of 4 alignments'));
    await press('\r', (f) => f.includes('queue 1/4 · b.json · pair b.json'));
    screen = await press('?', (f) => f.includes('Keys (any key closes this help)'));
    expect(screen).toContain('next pair in the queue');
    expect(screen).toContain('back to the list');
    expect(screen).not.toContain('quit (asks if unsaved)');
    fits(screen);
    await press('x', (f) => f.includes('press ? for the keys') || !f.includes('Keys ('));
    screen = await press(']', (f) => f.includes('queue 2/4 · a.json · pair a.json'));
    fits(screen);
    screen = await press('q', (f) => f.includes('queue of 4 alignments'));
    expect(storage.closed).toEqual(['b.json', 'a.json']);
    expect(storage.saved).toEqual([]);
    expect(screen.split('\n').find((l) => l.startsWith('▌'))).toContain('a.json');
  });

  it('says why an unreadable file cannot be opened', async () => {
    const { press } = open(columns, rows);
    const screen = await press('G\r', (f) => f.includes('is unreadable: not JSON'));
    expect(screen).toContain('queue of 4 alignments');
  });
});
