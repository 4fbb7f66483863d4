import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffCommand } from '../src/cli/diff.js';
import { diffAlignments } from '../src/core/alignment-diff.js';
import type { Alignment, Bead, Segment } from '../src/core/types.js';
import { formatAlignmentFile } from '../src/formats/alignment-file.js';

const segments = (n: number, prefix: string): Segment[] =>
  Array.from({ length: n }, (_, index) => ({ index, text: `${prefix}${index}`, paragraph: 0, start: 0, end: 0 }));
const bead = (source: number[], target: number[], status: Bead['status'] = 'auto', flag?: Bead['flag']): Bead => ({
  source,
  target,
  flag: flag ?? (source.length && target.length ? 'aligned' : source.length ? 'source-only' : 'target-only'),
  score: 0.9,
  status,
});
const version = (beads: Bead[]): Alignment => ({ source: { lang: 'en', segments: segments(3, 'e') }, target: { lang: 'ar', segments: segments(3, 'a') }, beads });

/** English 0-2 and Arabic 0-2, aligned 1-1 throughout. */
const BASE = version([bead([0], [0]), bead([1], [1]), bead([2], [2])]);
const kinds = (old: Alignment, now: Alignment) => diffAlignments(old, now).changes.map((c) => [c.kind, c.old.map((b) => b.index), c.new.map((b) => b.index)]);

describe('diffAlignments', () => {
  it('finds nothing between identical versions', () => {
    expect(diffAlignments(BASE, BASE)).toMatchObject({ changes: [], unchanged: 3 });
  });

  it('names an unlinked pair and its reverse, a linked one', () => {
    const unlinked = version([bead([0], [0]), bead([1], [], 'edited'), bead([], [1], 'edited'), bead([2], [2])]);
    expect(kinds(BASE, unlinked)).toEqual([['unlinked', [1], [1, 2]]]);
    expect(kinds(unlinked, BASE)).toEqual([['linked', [1, 2], [1]]]);
  });

  it('names merged and split beads', () => {
    const merged = version([bead([0], [0]), bead([1, 2], [1, 2], 'edited')]);
    expect(kinds(BASE, merged)).toEqual([['merged', [1, 2], [1]]]);
    expect(kinds(merged, BASE)).toEqual([['split', [1], [1, 2]]]);
  });

  it('calls a shifted boundary realigned', () => {
    const shifted = version([bead([0, 1], [0]), bead([2], [1, 2])]);
    expect(kinds(BASE, shifted)).toEqual([['realigned', [0, 1, 2], [0, 1]]]);
  });

  it('reports confirmations and flag changes on the same sentences', () => {
    const reviewed = version([bead([0], [0], 'confirmed'), bead([1], [1]), bead([2], [2])]);
    const flagged = version([bead([0], [0]), bead([1], [1]), bead([2], [2], 'edited', 'boilerplate')]);
    expect(diffAlignments(BASE, reviewed)).toMatchObject({ unchanged: 2, summary: { status: 1 } });
    expect(kinds(BASE, flagged)).toEqual([['flag', [2], [2]]]);
  });

  it('refuses alignments of different texts', () => {
    const other: Alignment = { ...BASE, target: { lang: 'ar', segments: segments(3, 'b') } };
    expect(() => diffAlignments(BASE, other)).toThrow(/different target texts/);
  });
});

describe('mizan diff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-diff-'));
  const meta = { created: '2026-11-22T00:00:00Z', aligner: 'test', presplit: false, source: { path: 'e', sha256: 'x' }, target: { path: 'a', sha256: 'y' } };
  const save = (name: string, alignment: Alignment) => {
    const path = join(dir, name);
    writeFileSync(path, formatAlignmentFile(alignment, meta));
    return path;
  };
  const old = save('old.json', BASE);
  const now = save('new.json', version([bead([0], [0], 'confirmed'), bead([1, 2], [1, 2], 'edited')]));
  const run = async (args: string[]) => {
    let text = '';
    const code = await diffCommand(args, { write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WritableStream);
    return { code, text };
  };

  it('prints the changes and a summary; --exit-code turns a difference into status 1', async () => {
    const plain = await run([old, now]);
    expect(plain.code).toBe(0);
    expect(plain.text).toMatch(/^merged:/m);
    expect(plain.text.trim().split('\n').at(-1)).toBe('1 merged, 1 status; 0 beads unchanged');
    expect((await run([old, now, '--exit-code'])).code).toBe(1);
    expect((await run([old, old, '--exit-code'])).code).toBe(0);
  });

  it('gives JSON with --json', async () => {
    const { text } = await run([old, now, '--json']);
    expect(JSON.parse(text)).toMatchObject({ unchanged: 0, summary: { merged: 1, status: 1 } });
  });

  it('refuses a missing or corrupt file in one line', async () => {
    await expect(run([old, join(dir, 'missing.json')])).rejects.toThrow(/no such file/);
    const corrupt = join(dir, 'corrupt.json');
    writeFileSync(corrupt, 'not json');
    await expect(run([old, corrupt])).rejects.toThrow(/not a valid mizan alignment/);
  });
});
