/** What `mizan review` reads and writes on disk: saves, autosaves, changed inputs, changed files. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyEdit } from '../src/core/edit.js';
import { splitSegment } from '../src/core/segment-edit.js';
import { parseAlignmentFile } from '../src/formats/alignment-file.js';
import { readInput } from '../src/cli/input.js';
import { loadEvidence } from '../src/cli/evidence-file.js';
import { strategyNamed, type PipelineOptions } from '../src/cli/pipeline.js';
import { alignFresh, autosavePath, defaultAlignmentPath, fileStorage, openPair, openSaved } from '../src/cli/review-session.js';
import { scrollTop, visibleRange } from '../src/ui/layout/viewport.js';
import { AR, EN } from './support/review-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'mizan-review-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const options: PipelineOptions = { presplit: false, strategy: strategyNamed(undefined), evidence: loadEvidence() };

function pair(name: string) {
  const source = join(dir, `${name}.en.txt`);
  const target = join(dir, `${name}.ar.txt`);
  writeFileSync(source, EN.join('\n') + '\n');
  writeFileSync(target, AR.join('\n') + '\n');
  return { source, target, out: join(dir, `${name}.json`) };
}

describe('review session on disk', () => {
  it('saves atomically, keeps autosaves beside the file and removes them on save', () => {
    const p = pair('save');
    const session = openPair(p.source, p.target, options, p.out);
    expect(session.changed).toEqual([]);
    const storage = fileStorage(session, options);
    const edited = applyEdit(session.alignment.beads, { kind: 'confirm-through', at: session.alignment.beads.length - 1 });
    if (!edited.ok) throw new Error(edited.reason);
    storage.autosave({ ...session.alignment, beads: edited.beads });
    expect(existsSync(autosavePath(p.out))).toBe(true);
    expect(existsSync(p.out)).toBe(false);
    expect(storage.save({ ...session.alignment, beads: edited.beads }, false)).toEqual({ ok: true, path: p.out });
    expect(existsSync(autosavePath(p.out))).toBe(false);
    const saved = parseAlignmentFile(readFileSync(p.out, 'utf8'));
    expect(saved.alignment.beads.every((b) => b.status === 'confirmed')).toBe(true);
    expect(saved.file.source.sha256).toBe(readInput(p.source).sha256);
    // Opening the pair again resumes the saved review instead of aligning afresh.
    expect(openPair(p.source, p.target, options, p.out).alignment.beads).toEqual(saved.alignment.beads);
  });

  it('offers back autosaved split sentences, and hands the unchanged input texts to the review', () => {
    const p = pair('recover-split');
    const session = alignFresh(readInput(p.source), readInput(p.target), options, p.out);
    const storage = fileStorage(session, options);
    storage.save(session.alignment, false);
    const split = splitSegment(session.alignment, 'source', 0, EN[0]!.indexOf(' Hollande'));
    if (!split.ok) throw new Error(split.reason);
    storage.autosave(split.alignment);
    const reopened = openSaved(p.out);
    expect(reopened.recovered!.alignment.source.segments.map((s) => s.text).slice(0, 2)).toEqual(['Putin met', 'Hollande in Moscow on Thursday.']);
    expect(reopened.recovered!.alignment.source.segmentation).toBe('edited');
    expect(reopened.inputs).toEqual({ source: readFileSync(p.source, 'utf8'), target: readFileSync(p.target, 'utf8') });
    // Another text altogether is not offered.
    storage.autosave({ ...split.alignment, source: { ...split.alignment.source, segments: split.alignment.source.segments.map((s) => ({ ...s, text: `${s.text}x` })) } });
    expect(openSaved(p.out).recovered).toBeNull();
  });

  it('offers autosaved edits back when the review ended without saving', () => {
    const p = pair('recover');
    const session = alignFresh(readInput(p.source), readInput(p.target), options, p.out);
    const storage = fileStorage(session, options);
    storage.save(session.alignment, false);
    const merged = applyEdit(session.alignment.beads, { kind: 'merge-next', at: 0 });
    if (!merged.ok) throw new Error(merged.reason);
    storage.autosave({ ...session.alignment, beads: merged.beads });
    const reopened = openSaved(p.out);
    // Scores are stored to four decimals; the beads' shape, flags and statuses come back exactly.
    const shape = (beads: typeof merged.beads) => beads.map(({ source, target, flag, status }) => ({ source, target, flag, status }));
    expect(shape(reopened.recovered!.alignment.beads)).toEqual(shape(merged.beads));
    // A copy that does not parse, or does not fit the texts, is not offered.
    writeFileSync(autosavePath(p.out), '{"format": "mizan-alignment"');
    expect(openSaved(p.out).recovered).toBeNull();
  });

  it('notices inputs that changed since the alignment was saved, and can realign them', () => {
    const p = pair('stale');
    const session = openPair(p.source, p.target, options, p.out);
    fileStorage(session, options).save(session.alignment, false);
    writeFileSync(p.source, [...EN, 'A sentence added later.'].join('\n'));
    const reopened = openSaved(p.out);
    expect(reopened.changed).toEqual([p.source]);
    const realigned = fileStorage(reopened, options).realign();
    expect(realigned.source.segments).toHaveLength(EN.length + 1);
  });

  it('says so when the inputs are gone, and reviews the text the file holds', () => {
    const p = pair('gone');
    const session = openPair(p.source, p.target, options, p.out);
    fileStorage(session, options).save(session.alignment, false);
    rmSync(p.target);
    const reopened = openSaved(p.out);
    expect(reopened.note).toContain(`not found: ${p.target}`);
    expect(reopened.alignment.target.segments.map((s) => s.text)).toEqual(AR);
  });

  it('refuses to overwrite a file someone else changed, unless told to', () => {
    const p = pair('clash');
    const session = openPair(p.source, p.target, options, p.out);
    const storage = fileStorage(session, options);
    expect(storage.save(session.alignment, false).ok).toBe(true);
    const other = readFileSync(p.out, 'utf8').replace('"auto"', '"confirmed"');
    writeFileSync(p.out, other);
    expect(storage.save(session.alignment, false)).toEqual({ ok: false, changedOnDisk: true });
    expect(readFileSync(p.out, 'utf8')).toBe(other);
    expect(storage.save(session.alignment, true).ok).toBe(true);
    expect(storage.save(session.alignment, false).ok).toBe(true);
  });

  it('names a pair\'s alignment after both inputs', () => {
    expect(defaultAlignmentPath('texts/dawn-reuters.en.txt', 'eremnews.ar.txt')).toBe(join('alignments', 'dawn-reuters.eremnews.json'));
  });
});

describe('viewport', () => {
  const rows = (heights: number[]) => (p: number) => heights[p]!;
  it('keeps the top while the cursor bead is on screen, scrolls just enough when it is not', () => {
    const heights = [3, 3, 3, 3, 3, 3];
    expect(scrollTop({ count: 6, cursor: 2, top: 0, height: 10, rowsAt: rows(heights) })).toBe(0);
    expect(scrollTop({ count: 6, cursor: 3, top: 0, height: 10, rowsAt: rows(heights) })).toBe(1);
    expect(scrollTop({ count: 6, cursor: 1, top: 3, height: 10, rowsAt: rows(heights) })).toBe(1);
    // A bead taller than the screen is drawn from its top.
    expect(scrollTop({ count: 3, cursor: 1, top: 0, height: 4, rowsAt: rows([2, 9, 2]) })).toBe(1);
    expect(visibleRange(1, 6, 7, rows(heights))).toEqual([1, 2, 3]);
  });

  it('lays out about one screen of beads for a jump across a long document', () => {
    const asked = new Set<number>();
    const rowsAt = (p: number) => (asked.add(p), 2);
    expect(scrollTop({ count: 10_000, cursor: 9_999, top: 0, height: 20, rowsAt })).toBe(9_990);
    expect(asked.size).toBeLessThanOrEqual(20);
  });
});
