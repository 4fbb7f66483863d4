/**
 * Split mode and joins through Ink at the two sizes the issue names (80×24, 160×50): the mark is
 * seen in the frame (inverse and underlined, between brackets for a colourless terminal, Arabic
 * still shaped and in visual order), Enter splits, J joins, u undoes, and the help lists the keys.
 */
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Alignment } from '../src/core/types.js';
import { ReviewApp, type ReviewStorage } from '../src/ui/app.js';
import { KEYMAP } from '../src/ui/input/keymap.js';
import { beadRows } from '../src/ui/layout/bead-rows.js';
import { initialState } from '../src/ui/state/review-state.js';
import { displayWidth, toVisual } from '../src/ui/text/rtl.js';
import { AR, EN, sampleAlignment } from './support/review-fixtures.js';

const KEY = { right: '\u001b[C', left: '\u001b[D', enter: '\r', tab: '\t', escape: '\u001b' };
const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

const storage = (): ReviewStorage & { saved: Alignment[] } => {
  const saved: Alignment[] = [];
  return {
    title: 'test pair',
    saved,
    save: (alignment) => (saved.push(alignment), { ok: true, path: 'out.json' }),
    autosave: () => undefined,
    discardAutosave: () => undefined,
    realign: sampleAlignment,
  };
};

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function open(columns: number, rows: number) {
  const store = storage();
  const app = render(<ReviewApp initial={initialState(sampleAlignment(), { bidi: 'mizan' })} storage={store} autosaveMs={60_000} />);
  unmount = app.unmount;
  Object.defineProperty(app.stdout, 'columns', { get: () => columns });
  Object.defineProperty(app.stdout, 'rows', { get: () => rows });
  app.stdout.emit('resize');
  const raw = () => app.lastFrame() ?? '';
  const frame = () => strip(raw());
  const fits = (f: string) => f.split('\n').length <= rows && f.split('\n').every((line) => displayWidth(line) <= columns);
  const press = async (keys: string, until: (frame: string) => boolean) => {
    app.stdin.write(keys);
    await vi.waitFor(
      () => {
        if (!until(frame())) throw new Error(`after ${JSON.stringify(keys)} the frame is:\n${frame()}`);
      },
      { timeout: 2000, interval: 5 },
    );
    expect(fits(frame())).toBe(true);
    return frame();
  };
  await vi.waitFor(() => expect(frame()).toContain(' 1/5 '));
  // Drawn for the new size: the frame fills the rows but the one kept spare (app.tsx).
  await vi.waitFor(() => expect(fits(frame()) && frame().split('\n').length === rows - 1).toBe(true));
  return { raw, frame, press, store };
}

describe.each([
  [80, 24],
  [160, 50],
])('split mode at %i×%i', (columns, rows) => {
  it('splits an English and an Arabic sentence at a mark that moves by word, then undoes both', async () => {
    const { frame, press } = await open(columns, rows);
    const before = frame();
    let f = await press('s', (f) => f.includes('[met]'));
    expect(f).toContain('split English · ←→ mark · Enter split · J join · Tab language · Esc cancel');
    // The test terminal has no colour, so the brackets are what shows here (the inverse span: below).
    f = await press(KEY.right, (f) => f.includes('[Hollande]'));
    f = await press(KEY.enter, (f) => f.includes('split English sentence 1 in two'));
    expect(f).toContain('EN ¶1 s1-2 · AR ¶1 s1');
    expect(f).toContain('Putin met');
    expect(f).not.toContain('[');

    // Arabic, in the last bead: the mark opens on the second word; ← moves on in reading order.
    await press('G', (f) => f.includes(' 5/5 '));
    await press('s', (f) => f.includes('split English'));
    f = await press(KEY.tab, (f) => f.includes('split Arabic'));
    expect(f).toContain(`[${toVisual('فابيوس', 'mizan')}]`);
    f = await press(KEY.left, (f) => f.includes(`[${toVisual('إن', 'mizan')}]`));
    f = await press(KEY.left, (f) => f.includes('[130]'));
    // The rest of the sentence is still shaped and ordered as it is without the mark.
    expect(f).toContain(toVisual('شخصا قتلوا.', 'mizan'));
    f = await press(KEY.enter, (f) => f.includes('split Arabic sentence 5 in two'));
    expect(f).toContain('EN ¶3 s5 · AR ¶4 s5-6');
    expect(f).toContain(toVisual('وقال فابيوس إن', 'mizan'));

    await press('u', (f) => /AR ¶4 s5$/m.test(f));
    f = await press('g', (f) => f.includes(' 1/5 '));
    f = await press('u', (f) => f.includes('EN ¶1 s1 · AR ¶1 s1'));
    expect(f).not.toContain('unsaved');
    expect(f.split('\n').slice(0, -1)).toEqual(before.split('\n').slice(0, -1).map((line) => line));
  });

  it('joins with J, undoes with u, and Esc leaves split mode untouched', async () => {
    const { frame, press, store } = await open(columns, rows);
    await press('s', (f) => f.includes('[met]'));
    let f = await press(KEY.escape, (f) => !f.includes('[met]'));
    expect(f).toContain(' 1/5 ');
    f = await press('J', (f) => f.includes('joined English sentences 1 and 2'));
    expect(f).toContain(' 1/5 ');
    expect(f).toContain('EN ¶1 s1 · AR ¶1 s1');
    expect(f).toMatch(/#2 +target-only/);
    expect(f).toContain('● unsaved');
    await press('w', (f) => f.includes('saved to out.json'));
    expect(store.saved[0]!.source.segments[0]!.text).toBe(`${EN[0]} ${EN[1]}`);
    expect(store.saved[0]!.source.segmentation).toBe('edited');
    f = await press('u', (f) => f.includes('undone'));
    expect(f).toContain('EN ¶1 s2 · AR ¶2 s2');
    expect(frame()).toContain(EN[1]!.slice(0, 20));
  });

  it('lists every key in the help, split mode with its Arabic note', async () => {
    const { press } = await open(columns, rows);
    const f = await press('?', (f) => f.includes('Keys (any key closes this help)'));
    expect(f).toContain('Split (in Arabic, ← reads on)');
    for (const binding of KEYMAP.filter((b) => b.group !== 'Prompt' && b.where !== 'queue')) expect(f).toContain(`  ${binding.keys.padEnd(11)}${binding.description}`);
  });
});

describe('the marked word in the laid-out rows', () => {
  it('is its own span, inverse and underlined when drawn, between bold brackets, in either column', () => {
    const alignment = sampleAlignment();
    const english = beadRows(alignment, 0, 78, 'mizan', undefined, { side: 'source', segment: 0, start: 6, end: 9 });
    const spans = english.flatMap((row) => row.spans);
    expect(spans.filter((s) => s.marked)).toEqual([{ text: 'met', marked: true }]);
    expect(spans.filter((s) => s.text === '[' || s.text === ']')).toEqual([{ text: '[', bold: true }, { text: ']', bold: true }]);
    const at = AR[4]!.indexOf('إن');
    const arabic = beadRows(alignment, 4, 78, 'mizan', undefined, { side: 'target', segment: 4, start: at, end: at + 2 });
    expect(arabic.flatMap((row) => row.spans).filter((s) => s.marked)).toEqual([{ text: toVisual('إن', 'mizan'), marked: true }]);
    // Unmarked, the bead is drawn from the cache as before, with no brackets.
    expect(beadRows(alignment, 0, 78, 'mizan').flatMap((row) => row.spans).map((s) => s.text).join('')).not.toContain('[');
  });
});
