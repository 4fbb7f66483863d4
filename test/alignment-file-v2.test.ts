/**
 * Version 2 of the saved alignment records an edited segmentation; version 1 files still open, and
 * the commands that read a saved alignment (export, coverage, diff) work on edited segments.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinSegments, splitSegment } from '../src/core/segment-edit.js';
import type { Alignment } from '../src/core/types.js';
import { ALIGNMENT_VERSION, formatAlignmentFile, parseAlignmentFile, type AlignmentMeta } from '../src/formats/alignment-file.js';
import { ROOT, runMizan } from './support/cli.js';
import { expectSound } from './support/segment-check.js';

const SEED = join(ROOT, 'alignments/dawn-eremnews.json');
const seedFile = () => parseAlignmentFile(readFileSync(SEED, 'utf8'));
const input = (path: string) => readFileSync(join(ROOT, path), 'utf8');

function meta(file: ReturnType<typeof seedFile>['file']): AlignmentMeta {
  // Absolute input paths: the edited file is written to a temporary folder.
  const side = (s: typeof file.source) => ({ path: join(ROOT, s.path), sha256: s.sha256 });
  return { created: file.created, aligner: file.aligner, presplit: file.presplit, source: side(file.source), target: side(file.target) };
}

/** The seed alignment with the first Arabic sentence of its first linked bead split at its middle space. */
function editedSeed(): { alignment: Alignment; meta: AlignmentMeta; arabic: string; english: string; at: number } {
  const { alignment, file } = seedFile();
  const arabic = input(file.target.path);
  const english = input(file.source.path);
  const at = alignment.beads.find((b) => b.flag === 'aligned')!.target[0]!;
  const text = alignment.target.segments[at]!.text;
  const cut = text.indexOf(' ', text.length >> 1);
  const split = splitSegment(alignment, 'target', at, cut, arabic);
  if (!split.ok) throw new Error(split.reason);
  return { alignment: split.alignment, meta: meta(file), arabic, english, at };
}

describe('alignment file version 2', () => {
  it('the seed is a version 1 file: it opens, as segmented', () => {
    const { alignment, file } = seedFile();
    expect(file.version).toBe(1);
    expect(file.target.segmentation).toBeUndefined();
    expect(alignment.target.segmentation).toBeUndefined();
    expect(ALIGNMENT_VERSION).toBe(2);
  });

  it('records an edited side as edited and reads it back the same, spans exact against the inputs', () => {
    const { alignment, meta: m, arabic, english } = editedSeed();
    const text = formatAlignmentFile(alignment, m);
    const data = JSON.parse(text) as { version: number; source: { segmentation: string }; target: { segmentation: string } };
    expect([data.version, data.source.segmentation, data.target.segmentation]).toEqual([2, 'input', 'edited']);
    const back = parseAlignmentFile(text).alignment;
    expect(back.target).toEqual(alignment.target);
    expect(back.source).toEqual(seedFile().alignment.source);
    expect(back.source.segmentation).toBeUndefined();
    expectSound(back, english, arabic);
  });

  it('a side as segmented reads back without the mark, so it equals a fresh alignment', () => {
    const { alignment, file } = seedFile();
    const back = parseAlignmentFile(formatAlignmentFile(alignment, meta(file))).alignment;
    expect(back).toEqual(alignment);
  });

  it('refuses an unknown segmentation value, naming the field', () => {
    const data = JSON.parse(formatAlignmentFile(seedFile().alignment, meta(seedFile().file))) as { target: { segmentation: string } };
    data.target.segmentation = 'guessed';
    expect(() => parseAlignmentFile(JSON.stringify(data))).toThrow(/^not a valid mizan alignment: target\.segmentation: /);
  });

  it('export, coverage and diff read an edited file; diff against the unedited one says why it cannot compare', async () => {
    const { alignment, meta: m, at } = editedSeed();
    const dir = mkdtempSync(join(tmpdir(), 'mizan-v2-'));
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, formatAlignmentFile(alignment, m));
    const joined = joinSegments(alignment, 'target', at);
    if (!joined.ok) throw new Error(joined.reason);
    const rejoined = join(dir, 'rejoined.json');
    writeFileSync(rejoined, formatAlignmentFile(joined.alignment, m));

    const [tsv, coverage, self, across] = await Promise.all([
      runMizan(['export', edited, '--format', 'tsv', '--include-one-sided']),
      runMizan(['coverage', edited, '--json']),
      runMizan(['diff', edited, edited]),
      runMizan(['diff', SEED, edited]),
    ]);
    expect(tsv.stderr).toBe('');
    expect(tsv.code).toBe(0);
    // Both Arabic parts are in the first pair's row, joined by a space as export joins a bead's sentences.
    const parts = alignment.target.segments.slice(at, at + 2).map((s) => s.text);
    expect(tsv.stdout.split('\n')[1]).toContain(`\t${parts.join(' ')}\t`);
    expect(coverage.code).toBe(0);
    expect(JSON.parse(coverage.stdout)).toBeTypeOf('object');
    expect(self.code).toBe(0);
    expect(across.code).not.toBe(0);
    expect(across.stderr).toMatch(/segment different target texts \(the segmentation was edited in one of them: split or joined sentences\)\n$/);
    // Joined back, the segments are the seed's again: diff compares them (the bead shapes are the seed's too).
    const back = await runMizan(['diff', SEED, rejoined]);
    expect(back.stderr).toBe('');
    expect(back.code).toBe(0);
  });
});
