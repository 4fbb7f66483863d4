/**
 * Coverage marks in the review through Ink (ink-testing-library), at 80×24 and 160×50: the marks in
 * colour and, without colour, as brackets; c, o and O; the word figures of the status bar.
 */
import { render } from 'ink-testing-library';
import chalk from 'chalk';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadEvidence } from '../src/cli/evidence-file.js';
import { coverageReport } from '../src/core/coverage.js';
import { percent } from '../src/core/review-stats.js';
import { ReviewApp, type ReviewStorage } from '../src/ui/app.js';
import { KEYMAP } from '../src/ui/input/keymap.js';
import { initialState } from '../src/ui/state/review-state.js';
import { displayWidth, toVisual } from '../src/ui/text/rtl.js';
import { marksAlignment } from './support/marks-fixtures.js';

const evidence = loadEvidence();
const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
const YELLOW_BACKGROUND = '\u001b[43m';
const RED_BACKGROUND = '\u001b[41m';

const storage: ReviewStorage = {
  title: 'marks',
  save: () => ({ ok: true, path: 'out.json' }),
  autosave: () => {},
  discardAutosave: () => {},
  realign: () => marksAlignment(),
};

// Ink colours through chalk, which sees no terminal here: colour is turned on for these frames.
const level = chalk.level;
beforeAll(() => {
  chalk.level = 1;
});
afterAll(() => {
  chalk.level = level;
});

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function open(columns: number, rows: number, options: { color?: boolean; evidence?: boolean } = {}) {
  const app = render(
    <ReviewApp initial={initialState(marksAlignment(), { bidi: 'mizan' })} storage={storage} autosaveMs={60_000} color={options.color ?? true} {...(options.evidence === false ? {} : { evidence })} />,
  );
  unmount = app.unmount;
  Object.defineProperty(app.stdout, 'columns', { get: () => columns });
  Object.defineProperty(app.stdout, 'rows', { get: () => rows });
  app.stdout.emit('resize');
  const raw = () => app.lastFrame() ?? '';
  const frame = () => strip(raw());
  const wait = async (until: (frame: string) => boolean) => {
    await vi.waitFor(() => expect(until(frame()), frame().split('\n').slice(-3).join('\n')).toBe(true), { timeout: 3000, interval: 5 });
    return frame();
  };
  const press = async (keys: string, until: (frame: string) => boolean) => {
    app.stdin.write(keys);
    return wait(until);
  };
  return { app, raw, frame, wait, press };
}

const report = coverageReport(marksAlignment(), evidence);
const words = (side: 'source' | 'target') => percent(report[side].contentWords);

describe('coverage marks in the review', () => {
  it('at 80×24: marks in colour without moving a letter, word figures beside sentence figures, c toggles them', async () => {
    const { raw, frame, wait, press } = await open(80, 24);
    const marked = await wait((f) => f.includes('%w'));
    expect(marked.split('\n').every((line) => displayWidth(line) <= 80)).toBe(true);
    expect(marked).toContain(`│ EN 100% ${words('source')}%w AR 80% ${words('target')}%w │`);
    await vi.waitFor(() => expect(raw()).toContain(YELLOW_BACKGROUND));
    expect(raw()).toContain(RED_BACKGROUND);
    // The differing number on red, both sides; the uncovered words on yellow.
    // (other attributes, such as the black letters over yellow, may come between the background and the text)
    expect(raw()).toMatch(/\u001b\[41m(?:\u001b\[[0-9;]*m)*130/);
    expect(raw()).toMatch(/\u001b\[41m(?:\u001b\[[0-9;]*m)*129/);
    expect(raw()).toMatch(/\u001b\[43m(?:\u001b\[[0-9;]*m)*television channel/);
    // A mark that wraps opens again on its next line, in the column it belongs to.
    expect(raw()).toMatch(/\n\S*\s*\u001b\[43m(?:\u001b\[[0-9;]*m)*on Friday/);
    // The Arabic number's mark sits in its shaped, right-to-left line, between the shaped words.
    expect(raw()).toMatch(new RegExp(`${toVisual('شخصا', 'mizan')} (?:\u001b\\[[0-9;]*m)*\u001b\\[41m(?:\u001b\\[[0-9;]*m)*129`));
    const off = await press('c', (f) => f.includes('coverage marks off'));
    expect(raw()).not.toContain(YELLOW_BACKGROUND);
    expect(raw()).not.toContain(RED_BACKGROUND);
    // Colour marks take no cells: the text is the same with them and without.
    const body = (f: string) => f.split('\n').slice(0, -2).join('\n');
    expect(body(off)).toBe(body(marked));
    await press('c', (f) => f.includes('coverage marks on'));
    expect(raw()).toContain(YELLOW_BACKGROUND);
  });

  it('at 80×24 without colour: brackets for uncovered words and differing numbers, Arabic shaped around them', async () => {
    const { frame, wait, press } = await open(80, 24, { color: false });
    await wait((f) => f.includes('⟦'));
    await press('j', (f) => f.includes(' 2/5 '));
    const f = frame();
    expect(f).toContain('Fabius said ⟪130⟫ people were killed');
    // The uncovered run wraps over two lines and closes where it ends, before the full stop.
    expect(f).toContain('he told a ⟦television');
    expect(f).toContain('channel on Friday⟧.');
    expect(f).toContain('attacks, ⟦killing dozens of fighters');
    // Visual order of "129 شخصا" right to left: the word, then the number in its brackets.
    expect(f).toContain(`${toVisual('شخصا', 'mizan')} ⟪129⟫`);
    const off = await press('c', (f) => f.includes('coverage marks off'));
    expect(off).not.toMatch(/[⟦⟧⟪⟫]/);
  });

  it('at 160×50: the wide status bar names the figures; o and O jump between beads with marks, wrapping', async () => {
    const { raw, wait, press } = await open(160, 50);
    const f = await wait((f) => f.includes('words EN'));
    expect(f).toContain(`covered EN 100% AR 80% · words EN ${words('source')}% AR ${words('target')}%`);
    // Marks in both columns of the wide frame too, on one line each.
    await vi.waitFor(() => expect(raw()).toMatch(/\u001b\[41m(?:\u001b\[[0-9;]*m)*130.*│.*\u001b\[41m(?:\u001b\[[0-9;]*m)*129/));
    expect(f.split('\n').every((line) => displayWidth(line) <= 160)).toBe(true);
    await press('o', (f) => f.includes(' 2/5 '));
    await press('o', (f) => f.includes(' 5/5 '));
    await press('o', (f) => f.includes(' 2/5 ') && f.includes('(wrapped)'));
    await press('O', (f) => f.includes(' 5/5 ') && f.includes('(wrapped)'));
    await press('O', (f) => f.includes(' 2/5 ') && !f.includes('(wrapped)'));
  });

  it('moves the word figures with an edit, and back with undo', async () => {
    const { wait, press } = await open(160, 50);
    await wait((f) => f.includes('words EN'));
    await press('j', (f) => f.includes(' 2/5 '));
    const unlinked = await press('x', (f) => f.includes('/6 '));
    // Bead 2 unlinked: its words no longer count, as mizan coverage counts aligned beads only.
    expect(unlinked).not.toContain(`words EN ${words('source')}% AR ${words('target')}%`);
    const undone = await press('u', (f) => f.includes('undone'));
    expect(undone).toContain(`words EN ${words('source')}% AR ${words('target')}%`);
  });

  it('without evidence: no marks, no word figures, and o says why', async () => {
    const { wait, press } = await open(80, 24, { evidence: false });
    const f = await wait((f) => f.includes('1/5'));
    expect(f).not.toContain('%w');
    await press('o', (f) => f.includes('no coverage marks'));
  });

  it('lists c and o O in the help, with what the marks look like', async () => {
    const { wait, press } = await open(80, 24);
    await wait((f) => f.includes('1/5'));
    const help = await press('?', (f) => f.includes('Keys (any key closes this help)'));
    for (const keys of ['c', 'o O']) expect(KEYMAP.find((b) => b.keys === keys)?.group).toBe(keys === 'c' ? 'View' : 'Find');
    expect(help).toContain('coverage marks on/off');
    expect(help).toContain('next/prev marked bead');
    expect(help).toContain('marks: uncovered ⟦…⟧ differs ⟪…⟫');
  });
});
