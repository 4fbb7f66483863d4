/**
 * z in the review through Ink (ink-testing-library), at 80×24 and 160×50: the unconfirmed beads
 * realigned around a confirmed one with the mizan aligner, the change said as mizan diff says it,
 * and one u taking it all back.
 */
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadEvidence } from '../src/cli/evidence-file.js';
import { mizanStrategy } from '../src/core/align/mizan.js';
import { ReviewApp, type ReviewStorage } from '../src/ui/app.js';
import { KEYMAP } from '../src/ui/input/keymap.js';
import { initialState } from '../src/ui/state/review-state.js';
import { displayWidth } from '../src/ui/text/rtl.js';
import { pinnedBeads, realignText } from './support/realign-fixtures.js';

const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
const aligner = { strategy: mizanStrategy, evidence: loadEvidence() };
const storage: ReviewStorage = {
  title: 'realign',
  save: () => ({ ok: true, path: 'out.json' }),
  autosave: () => {},
  discardAutosave: () => {},
  realign: () => realignText(pinnedBeads()),
};

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

function open(columns: number, rows: number, withAligner = true) {
  const app = render(<ReviewApp initial={initialState(realignText(pinnedBeads()), { bidi: 'mizan' })} storage={storage} autosaveMs={60_000} {...(withAligner ? { aligner } : {})} />);
  unmount = app.unmount;
  Object.defineProperty(app.stdout, 'columns', { get: () => columns });
  Object.defineProperty(app.stdout, 'rows', { get: () => rows });
  app.stdout.emit('resize');
  const frame = () => strip(app.lastFrame() ?? '');
  const press = async (keys: string, until: (frame: string) => boolean) => {
    app.stdin.write(keys);
    await vi.waitFor(() => expect(until(frame()), frame()).toBe(true), { timeout: 3000, interval: 5 });
    return frame();
  };
  return { frame, press };
}

/** The header line of each bead: its number, flag and status. */
const headers = (frame: string) => frame.split('\n').filter((line) => /#\d+ +(aligned|target-only|source-only)/.test(line)).map((line) => line.replace(/^[▌ ]+/, '').replace(/ +/g, ' ').split(' ').slice(0, 4).join(' '));

describe.each([
  [80, 24],
  [160, 50],
])('z at %i×%i', (columns, rows) => {
  it('realigns the shifted beads around the confirmed pair, says what changed, and u takes it all back', async () => {
    const { frame, press } = open(columns, rows);
    await vi.waitFor(() => expect(frame()).toContain('1/5'));
    const before = frame();
    expect(headers(before)).toEqual(['#1 aligned 0.60 auto', '#2 aligned 0.60 auto', '#3 aligned 0.60 auto', '#4 target-only 0.60 auto', '#5 aligned 0.60 confirmed'].slice(0, headers(before).length));
    const after = await press('z', (f) => f.includes('realigned 1 stretch'));
    expect(after).toContain('realigned 1 stretch around 1 fixed: 1 realigned; 2 beads unchanged (u undoes)');
    expect(after.split('\n').every((line) => displayWidth(line) <= columns)).toBe(true);
    // The Arabic extra now stands alone as the second bead; the first pair was right all along.
    const realigned = headers(after);
    expect(realigned[0]).toBe('#1 aligned 0.60 auto');
    expect(realigned[1]).toMatch(/^#2 target-only [\d.]+ auto$/);
    expect(after).toContain('● unsaved');
    const undone = await press('u', (f) => f.includes('undone'));
    expect(headers(undone)).toEqual(headers(before));
    expect(undone).not.toContain('● unsaved');
  });
});

describe('z in the review', () => {
  it('is in the help, and says why when the review has no aligner', async () => {
    const { press } = open(80, 24, false);
    const help = await press('?', (f) => f.includes('Keys (any key closes this help)'));
    expect(KEYMAP.find((b) => b.keys === 'z')?.group).toBe('Review');
    expect(help).toMatch(/z +realign around confirmed\n/);
    await press('q', (f) => !f.includes('Keys (any key'));
    await press('z', (f) => f.includes('this review has no aligner to realign with'));
  });
});
