/**
 * Untrusted text stays inert on a real terminal: every view mizan draws for a person (the align
 * listing, the review UI, the coverage and diff tables, error lines) shown in tmux, with input that
 * carries a title-setting OSC, colour sequences, BEL and a bidi override. The pane's title must stay
 * as it was, nothing may be coloured by the input, and the inert symbols must be visible. Files keep
 * the text byte for byte (test/inert-files.test.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatAlignmentFile, parseAlignmentFile } from '../src/formats/alignment-file.js';
import { MAIN } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mizan-inert-'));
const SOCKET = `mizan-inert-${process.pid}`;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });

export const HOSTILE_EN = ['Putin met Hollande in Moscow \u001b]0;PWNED\u0007on Thursday.', 'The two \u001b[31mleaders\u001b[0m discussed the war in \u202eSyria.'];
export const HOSTILE_AR = ['التقى بوتين أولوند في \u001b[41mموسكو يوم الخميس.', 'وناقش الزعيمان \u202eالحرب في سوريا.', 'وقال فابيوس إن قوات \u001b]2;HACKED\u0007خاصة فرنسية ستشارك في العملية.'];

beforeAll(() => {
  writeFileSync(join(dir, 'ev.en.txt'), HOSTILE_EN.join('\n') + '\n');
  writeFileSync(join(dir, 'ev.ar.txt'), HOSTILE_AR.join('\n') + '\n');
  const made = spawnSync(process.execPath, [MAIN, 'align', 'ev.en.txt', 'ev.ar.txt', '--out', 'ev.json'], { cwd: dir, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(made.stderr);
  // A second alignment of the same texts with the first bead unlinked, for diff.
  const { alignment, file } = parseAlignmentFile(readFileSync(join(dir, 'ev.json'), 'utf8'));
  const [first, ...rest] = alignment.beads;
  const split = [{ ...first!, target: [], flag: 'source-only' as const }, { ...first!, source: [], flag: 'target-only' as const }, ...rest];
  writeFileSync(join(dir, 'ev2.json'), formatAlignmentFile({ ...alignment, beads: split }, { ...file, source: file.source, target: file.target }));
});

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  rmSync(dir, { recursive: true, force: true });
});

let sessions = 0;

/**
 * Runs `args` in a fresh 120×40 pane once its title is read, and resolves with the screen when
 * `until` shows. CI is unset rather than false, so Ink draws at once and colour is on
 * (supports-color turns colour off whenever CI is set at all).
 */
async function inTerminal(args: string, until: string): Promise<{ name: string; plain: string; styled: string; before: string; after: string }> {
  const name = `s${++sessions}`;
  const command = `cd '${dir}' && read go && env -u CI '${process.execPath}' '${MAIN}' ${args}; echo __DONE__; sleep 120`;
  tmux('new-session', '-d', '-s', name, '-x', '120', '-y', '40', command);
  const title = () => tmux('display-message', '-p', '-t', name, '#{pane_title}').trim();
  const before = title();
  tmux('send-keys', '-t', name, 'Enter');
  let plain = '';
  await vi.waitFor(
    () => {
      plain = tmux('capture-pane', '-p', '-t', name);
      if (!plain.includes(until)) throw new Error(`screen never showed "${until}":\n${plain}`);
    },
    { timeout: 20_000, interval: 50 },
  );
  return { name, plain, styled: tmux('capture-pane', '-p', '-e', '-t', name), before, after: title() };
}

/** The input's own sequences neither retitled the pane nor coloured anything, and show as symbols. */
function expectInert(view: { plain: string; styled: string; before: string; after: string }, symbols: string[]) {
  expect(view.after).toBe(view.before);
  expect(view.after).not.toMatch(/PWNED|HACKED/);
  // Red (31) and a red background (41) are the input's; nothing on these screens is red of mizan's own.
  expect(view.styled).not.toMatch(/\u001b\[(?:\d+;)*(?:31|41)m/);
  for (const symbol of symbols) expect(view.plain).toContain(symbol);
}

describe.skipIf(!hasTmux)('untrusted text on a real terminal', () => {
  it('align listing: two columns, Arabic reordered, controls shown dimmed', async () => {
    const view = await inTerminal('align ev.en.txt ev.ar.txt', '__DONE__');
    expectInert(view, ['␛]0;PWNED␇on Thursday.', '␛[31mleaders␛[0m', '⟨RLO⟩Syria.', '⟨RLO⟩']);
    expect(view.styled).toContain('\u001b[2m␛');
  }, 30_000);

  it('review UI', async () => {
    const view = await inTerminal('review ev.json', 'press ? for the keys');
    expectInert(view, ['␛]0;PWNED␇on', '␛[31mleaders␛[0m', '⟨RLO⟩']);
    expect(view.plain).toContain('mizan review · ev.en.txt ↔ ev.ar.txt → ev.json');
    expect(view.styled).toMatch(/\u001b\[(?:0;)?2m(?:\u001b\[[0-9;]*m)*␛/);
    // Saved from the review, the text is still the input's, byte for byte.
    tmux('send-keys', '-t', view.name, 'Y', 'w');
    await vi.waitFor(() => expect(tmux('capture-pane', '-p', '-t', view.name)).toContain('saved to ev.json'), { timeout: 10_000 });
    const { alignment } = parseAlignmentFile(readFileSync(join(dir, 'ev.json'), 'utf8'));
    expect(alignment.source.segments.map((s) => s.text)).toEqual(HOSTILE_EN);
    expect(alignment.target.segments.map((s) => s.text)).toEqual(HOSTILE_AR);
    tmux('send-keys', '-t', view.name, 'q');
    await vi.waitFor(() => expect(tmux('capture-pane', '-p', '-t', view.name)).toContain('__DONE__'), { timeout: 10_000 });
    expect(tmux('display-message', '-p', '-t', view.name, '#{pane_title}').trim()).toBe(view.before);
  }, 30_000);

  it('coverage table and diff table', async () => {
    const coverage = await inTerminal('coverage ev.json --min-span-words 1', '__DONE__');
    // The Arabic line is in visual order, so its symbols read right to left with it.
    expectInert(coverage, ['only in one version (1)', '␇HACKED;2[␛', '«two ␛[31mleaders']);
    const diff = await inTerminal('diff ev.json ev2.json', '__DONE__');
    expectInert(diff, ['␛]0;PWNED␇on Thursday.', 'unlinked']);
  }, 40_000);

  it('error lines that quote a file name', async () => {
    const view = await inTerminal(`align ev.en.txt $'gone\\e]0;PWNED\\a\\e[41m.txt'`, '__DONE__');
    expectInert(view, ['mizan: gone␛]0;PWNED␇␛[41m.txt: no such file']);
  }, 30_000);
});
