/**
 * The review UI through Ink, with ink-testing-library's fake terminal (100 columns): whole frames
 * are read after each key, and the tests wait for the frame to change instead of sleeping.
 */
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Alignment } from '../src/core/types.js';
import { ReviewApp, type ReviewStorage, type SaveOutcome } from '../src/ui/app.js';
import { KEYMAP } from '../src/ui/input/keymap.js';
import { initialState, type Mode } from '../src/ui/state/review-state.js';
import { arabicColumn, displayWidth } from '../src/ui/text/rtl.js';
import { AR, EN, sampleAlignment } from './support/review-fixtures.js';

const KEY = { down: '\u001b[B', up: '\u001b[A', enter: '\r', escape: '\u001b', backspace: '\u007f' };
const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

function fakeStorage(outcomes: SaveOutcome[] = []) {
  const saves: { beads: Alignment['beads']; force: boolean }[] = [];
  const storage: ReviewStorage & { saves: typeof saves; autosaved: Alignment[]; discarded: number } = {
    title: 'test pair',
    saves,
    autosaved: [],
    discarded: 0,
    save(alignment, force) {
      saves.push({ beads: alignment.beads, force });
      return outcomes.shift() ?? { ok: true, path: 'out.json' };
    },
    autosave(alignment) {
      storage.autosaved.push(alignment);
    },
    discardAutosave() {
      storage.discarded++;
    },
    realign() {
      return sampleAlignment();
    },
  };
  return storage;
}

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

function open(options: { mode?: Mode; storage?: ReturnType<typeof fakeStorage>; autosaveMs?: number } = {}) {
  const storage = options.storage ?? fakeStorage();
  const initial = initialState(sampleAlignment(), { bidi: 'mizan', ...(options.mode ? { mode: options.mode } : {}) });
  const app = render(<ReviewApp initial={initial} storage={storage} autosaveMs={options.autosaveMs ?? 60_000} />);
  unmount = app.unmount;
  const frame = () => strip(app.lastFrame() ?? '');
  /** Sends keys, then waits until the frame shows what `until` looks for. */
  const press = async (keys: string, until: (frame: string) => boolean) => {
    app.stdin.write(keys);
    await vi.waitFor(() => expect(until(frame())).toBe(true), { timeout: 2000, interval: 5 });
    return frame();
  };
  return { app, storage, frame, press };
}

describe('review UI', () => {
  it('draws the whole frame: beads in two columns, English left, Arabic right-aligned, a status bar', async () => {
    const { frame } = open();
    await vi.waitFor(() => expect(frame()).toContain('1/5'));
    // The Arabic cells are the display pipeline's own output (shaped, reordered, padded on the
    // left; tested on its own in rtl.test.ts); everything else is spelled out here.
    const ar = (k: number) => arabicColumn(AR[k]!, 48, 'mizan')[0]!;
    const en = (k: number) => EN[k]!.padEnd(47);
    const blank = ' '.repeat(47);
    expect(frame().split('\n')).toEqual([
      'mizan review · test pair',
      '▌ ── EN ¶1 · AR ¶1 ──',
      '▌ #1    aligned     0.90  auto      EN ¶1 s1 · AR ¶1 s1',
      `▌ ${en(0)} │ ${ar(0)}`,
      '  ── AR ¶2 ──',
      '  #2    aligned     0.90  auto      EN ¶1 s2 · AR ¶2 s2',
      `  ${en(1)} │ ${ar(1)}`,
      '  #3    target-only 0.70  auto      EN – · AR ¶2 s3',
      `  ${blank} │ ${ar(2)}`,
      '  ── EN ¶2 · AR ¶3 ──',
      '  #4    aligned     0.40  auto      EN ¶2 s3 · AR ¶3 s4',
      `  ${en(2)} │ ${ar(3)}`,
      '  ── EN ¶3 · AR ¶4 ──',
      '  #5    aligned     0.90  auto      EN ¶3 s4 · AR ¶4 s5',
      `  ${en(3)} │ ${ar(4)}`,
      ...Array<string>(6).fill(''),
      ' 1/5  4 aligned 0 EN-only 1 AR-only │ 0 confirmed 0 edited │ EN 100% AR 80%',
      '',
    ]);
    // Digits stay left to right inside the reordered Arabic line ("130" is not "031").
    expect(ar(4)).toContain('130');
    expect(displayWidth(`▌ ${en(0)} │ ${ar(0)}`)).toBe(100);
  });

  it('moves the cursor, confirms, and shows each bead status', async () => {
    const { press } = open();
    await press('', (f) => f.includes('1/5'));
    let f = await press(KEY.down, (f) => f.includes('2/5'));
    expect(f).toContain('▌ #2');
    f = await press(KEY.enter, (f) => f.includes('1 confirmed'));
    expect(f).toContain(' 3/5');
    expect(f).toMatch(/#2 +aligned +0\.90 +confirmed/);
    // Keys that arrive in one chunk (typed fast, pasted) are each a key press.
    f = await press('kjj', (f) => f.includes(' 4/5 '));
    f = await press('G', (f) => f.includes('5/5'));
    f = await press('Y', (f) => f.includes('5 confirmed'));
    expect(f).toContain('● unsaved');
  });

  it('edits, undoes and redoes from the keyboard', async () => {
    const { press } = open();
    await press('', (f) => f.includes('1/5'));
    let f = await press('x', (f) => f.includes('6 '));
    expect(f).toMatch(/#1 +source-only +1\.00 +edited/);
    expect(f).toMatch(/#2 +target-only +1\.00 +edited/);
    f = await press('u', (f) => f.includes('undone'));
    expect(f).toMatch(/#1 +aligned +0\.90 +auto/);
    expect(f).not.toContain('unsaved');
    f = await press('U', (f) => f.includes('redone'));
    expect(f).toContain('/6 ');
  });

  it('searches both languages, and an Arabic search ignores hamza forms', async () => {
    const { press } = open();
    await press('', (f) => f.includes('1/5'));
    let f = await press('/', (f) => f.includes('(Enter search · Esc cancel)'));
    f = await press('فابيوس', (f) => !f.includes('/▏'));
    f = await press(KEY.enter, (f) => f.includes('match 1 of 1'));
    expect(f).toContain(' 5/5 ');
    await press('/', (f) => f.includes('Enter search'));
    await press('اولوند', (f) => !f.includes('/▏'));
    f = await press(KEY.enter, (f) => f.includes('match 1 of 1'));
    expect(f).toContain(' 1/5 ');
    expect(f).toContain('⌕');
  });

  it('draws the help screen from the keymap table', async () => {
    const { press } = open();
    await press('', (f) => f.includes('1/5'));
    const f = await press('?', (f) => f.includes('Keys (any key closes this help)'));
    for (const binding of KEYMAP.filter((b) => b.group !== 'Prompt' && b.where !== 'queue')) expect(f).toContain(`${binding.keys.padEnd(11)}${binding.description}`);
    // The queue's keys are for a pair opened from `mizan review DIR` only (review-queue-ui.test.tsx).
    expect(f).not.toContain('next pair in the queue');
    const back = await press('z', (f) => !f.includes('Keys (any key'));
    expect(back).toContain('#1');
  });

  it('saves with w, and clears the unsaved mark', async () => {
    const { press, storage } = open();
    await press('', (f) => f.includes('1/5'));
    await press('m', (f) => f.includes('● unsaved'));
    const f = await press('w', (f) => f.includes('saved to out.json'));
    expect(f).not.toContain('unsaved');
    expect(storage.saves).toHaveLength(1);
    expect(storage.saves[0]!.beads.map((b) => b.source)).toEqual([[0, 1], [], [2], [3]]);
  });

  it('asks before overwriting a file changed on disk', async () => {
    const storage = fakeStorage([{ ok: false, changedOnDisk: true }]);
    const { press } = open({ storage });
    await press('', (f) => f.includes('1/5'));
    await press('y', (f) => f.includes('1 confirmed'));
    await press('w', (f) => f.includes('changed on disk since it was opened'));
    await press('y', (f) => f.includes('saved to out.json'));
    expect(storage.saves.map((s) => s.force)).toEqual([false, true]);
  });

  it('asks before quitting with unsaved changes, and quits without saving on d', async () => {
    const { press, storage, app } = open();
    await press('', (f) => f.includes('1/5'));
    await press('y', (f) => f.includes('● unsaved'));
    await press('q', (f) => f.includes('Unsaved changes. w save and quit'));
    await press(KEY.escape, (f) => !f.includes('Unsaved changes.'));
    await press('q', (f) => f.includes('Unsaved changes.'));
    app.stdin.write('d');
    await vi.waitFor(() => expect(storage.discarded).toBe(1));
    expect(storage.saves).toHaveLength(0);
  });

  it('autosaves a moment after an edit', async () => {
    const { press, storage } = open({ autosaveMs: 20 });
    await press('', (f) => f.includes('1/5'));
    await press('m', (f) => f.includes('● unsaved'));
    await vi.waitFor(() => expect(storage.autosaved).toHaveLength(1));
    expect(storage.autosaved[0]!.beads).toHaveLength(4);
  });

  it('autosaves at once when unmounted with unsaved edits (terminal closed), not after a decision', async () => {
    const first = open();
    await first.press('', (f) => f.includes('1/5'));
    await first.press('m', (f) => f.includes('● unsaved'));
    first.app.unmount();
    expect(first.storage.autosaved).toHaveLength(1);
    const second = open();
    await second.press('', (f) => f.includes('1/5'));
    await second.press('m', (f) => f.includes('● unsaved'));
    await second.press('q', (f) => f.includes('Unsaved changes.'));
    second.app.stdin.write('d');
    await vi.waitFor(() => expect(second.storage.discarded).toBe(1));
    second.app.unmount();
    expect(second.storage.autosaved).toHaveLength(0);
  });

  it('does not autosave after a save made before the quiet time ran out', async () => {
    const { press, storage } = open({ autosaveMs: 150 });
    await press('', (f) => f.includes('1/5'));
    await press('m', (f) => f.includes('● unsaved'));
    await press('w', (f) => f.includes('saved to out.json'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(storage.autosaved).toHaveLength(0);
  });

  it('offers to realign when the inputs changed, and to restore autosaved edits', async () => {
    const { press } = open({ mode: { name: 'stale', changed: ['a.txt'] } });
    await press('', (f) => f.includes('Changed since this alignment was saved: a.txt'));
    await press('r', (f) => f.includes('realigned from the changed inputs'));
    const recovered = sampleAlignment().beads.slice(0, 1).concat([{ source: [1, 2, 3], target: [1, 2, 3, 4], flag: 'aligned', score: 1, status: 'edited' }]);
    unmount?.();
    const second = open({ mode: { name: 'recover', alignment: { ...sampleAlignment(), beads: recovered }, savedAt: 'today' } });
    await second.press('', (f) => f.includes('Unsaved edits from today were found'));
    const f = await second.press('y', (f) => f.includes('recovered the unsaved edits'));
    expect(f).toContain('1/2');
    expect(f).toContain('● unsaved');
  });

  it('redraws for a narrower terminal on resize', async () => {
    const { app, frame } = open();
    await vi.waitFor(() => expect(frame()).toContain('1/5'));
    Object.defineProperty(app.stdout, 'columns', { get: () => 60 });
    app.stdout.emit('resize');
    await vi.waitFor(() => expect(frame().split('\n').every((l) => displayWidth(l) <= 60)).toBe(true));
    expect(frame()).toContain('#1');
  });
});
