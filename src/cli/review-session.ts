/**
 * Everything `mizan review` needs from disk, kept out of the UI: opening a saved alignment (and
 * noticing when its inputs changed since), aligning a pair afresh, finding unsaved edits a crash or
 * a closed terminal left in the autosave copy, and a storage that saves atomically and refuses to
 * overwrite a file someone else changed in the meantime.
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Alignment, SegmentedText } from '../core/types.js';
import { checkCoverage, formatAlignmentFile, parseAlignmentFile, type AlignmentMeta } from '../formats/alignment-file.js';
import type { ReviewStorage } from '../ui/app.js';
import type { InputTexts, Mode } from '../ui/state/review-state.js';
import { readAlignment } from './alignment-input.js';
import { CliError, oneLine } from './errors.js';
import { ChangedOnDiskError, fileSha256, sha256Of, writeFileAtomic } from './files.js';
import { inputMeta, readInput, type InputFile } from './input.js';
import { alignInputs, signature, type PipelineOptions } from './pipeline.js';

const sideMeta = ({ path, sha256, encoding }: { path: string; sha256: string; encoding?: string }) => ({ path, sha256, ...(encoding !== undefined ? { encoding } : {}) });

export interface ReviewSession {
  alignment: Alignment;
  meta: AlignmentMeta;
  /** Where saves go. */
  path: string;
  /** Inputs whose content differs from what the saved alignment was made from. */
  changed: string[];
  /** Unsaved edits found in the autosave copy (beads and, after a split or join, segments), when they fit this alignment's texts. */
  recovered: { alignment: Alignment; savedAt: Date } | null;
  /** The input texts the spans point into, when found unchanged: a split inside collapsed spaces needs them. */
  inputs: InputTexts;
  /** Something worth telling when the review opens. */
  note: string | null;
}

/** A path as a person would type it from here: relative when it lies below the working folder. */
function shortPath(path: string): string {
  const near = relative(process.cwd(), path);
  return near && !near.startsWith('..') && !isAbsolute(near) ? near : path;
}

/** The autosave copy sits beside the file it protects. */
export const autosavePath = (path: string): string => `${path}.autosave`;

/**
 * A saved alignment names its inputs as they were given, relative to wherever mizan ran. Look for
 * them from here first, then from the alignment's own folder and the folder above it (a project
 * that keeps alignments/ beside its texts).
 */
function locateInput(recorded: string, alignmentPath: string): string | null {
  if (isAbsolute(recorded)) return existsSync(recorded) ? recorded : null;
  const folder = dirname(resolve(alignmentPath));
  return [resolve(recorded), join(folder, recorded), join(dirname(folder), recorded)].find((p) => existsSync(p)) ?? null;
}

/**
 * The same text, however it is cut into sentences: the autosave copy may hold sentences split or
 * joined since the file was saved, but not another text. Compared without whitespace, which a
 * join may add (one space) and a split drops at the cut.
 */
function sameText(a: SegmentedText, b: SegmentedText): boolean {
  const bare = (t: SegmentedText) => t.segments.map((s) => s.text.replace(/\s+/g, '')).join('');
  return a.lang === b.lang && bare(a) === bare(b);
}

function readRecovery(path: string, alignment: Alignment): ReviewSession['recovered'] {
  const copy = autosavePath(path);
  if (!existsSync(copy)) return null;
  try {
    const { alignment: saved } = parseAlignmentFile(readFileSync(copy, 'utf8'));
    if (!sameText(saved.source, alignment.source) || !sameText(saved.target, alignment.target)) return null;
    if (checkCoverage(saved.beads, saved.source.segments.length, saved.target.segments.length)) return null;
    return { alignment: saved, savedAt: statSync(copy).mtime };
  } catch {
    // A copy that does not parse is not worth offering; it is left on disk for a person to look at.
    return null;
  }
}

/**
 * The text an unchanged input's spans point into (decoded, and extracted from HTML, as when it was
 * aligned). Only a split inside collapsed spaces needs it, so an input that no longer reads is
 * simply not offered: such a split is then refused with its reason.
 */
function unchangedText(path: string): string | undefined {
  try {
    return readInput(path).text;
  } catch {
    return undefined;
  }
}

export function openSaved(path: string): ReviewSession {
  const { alignment, file } = readAlignment(path);
  const changed: string[] = [];
  const missing: string[] = [];
  const inputs: InputTexts = {};
  for (const which of ['source', 'target'] as const) {
    const side = file[which];
    const found = locateInput(side.path, path);
    if (!found) missing.push(side.path);
    else if (fileSha256(found) !== side.sha256) changed.push(side.path);
    else inputs[which] = unchangedText(found);
  }
  const meta: AlignmentMeta = {
    created: file.created,
    aligner: file.aligner,
    presplit: file.presplit,
    source: sideMeta(file.source),
    target: sideMeta(file.target),
  };
  const note = missing.length > 0 ? `not found: ${missing.join(', ')}; reviewing the text saved in the alignment` : null;
  return { alignment, meta, path, changed, recovered: readRecovery(path, alignment), note, inputs };
}

export function alignFresh(source: InputFile, target: InputFile, options: PipelineOptions, path: string): ReviewSession {
  const alignment = alignInputs(source, target, options);
  const meta: AlignmentMeta = {
    created: new Date().toISOString(),
    aligner: signature(options),
    presplit: options.presplit,
    source: inputMeta(source),
    target: inputMeta(target),
  };
  return { alignment, meta, path, changed: [], recovered: readRecovery(path, alignment), note: null, inputs: { source: source.text, target: target.text } };
}

/** alignments/<source>.<target>.json, from the inputs' names without their extensions. */
export function defaultAlignmentPath(source: string, target: string): string {
  const stem = (p: string) => basename(p, extname(p)).replace(/\.(en|ar|eng|ara)$/i, '');
  return join('alignments', `${stem(source)}.${stem(target)}.json`);
}

/**
 * `mizan review SOURCE TARGET`: resume the saved review of this pair when there is one (it may
 * say the inputs changed since), else align afresh.
 */
export function openPair(sourcePath: string, targetPath: string, options: PipelineOptions, path: string, onAlign?: () => void): ReviewSession {
  if (existsSync(path)) return openSaved(path);
  const source = readInput(sourcePath);
  const target = readInput(targetPath);
  onAlign?.();
  return alignFresh(source, target, options, path);
}

/**
 * Saves, autosaves and realigns for the review of `session`. With `readOnly` (why: another review
 * holds the file, review-lock.ts) nothing is written: a save is refused with that reason, and the
 * autosave copy, which is the holder's, is neither written nor removed.
 */
export function fileStorage(session: ReviewSession, options: PipelineOptions, readOnly?: string): ReviewStorage {
  const { path } = session;
  let meta = session.meta;
  let inputs = session.inputs;
  // What the file held when the review opened it or last wrote it: anything else is someone else's.
  let expected = fileSha256(path);
  return {
    title: `${meta.source.path} ↔ ${meta.target.path} → ${shortPath(path)}${readOnly ? ' [read-only]' : ''}`,
    save(alignment, force) {
      if (readOnly) return { ok: false, error: `read-only, not saved: ${readOnly}` };
      const data = formatAlignmentFile(alignment, meta);
      try {
        writeFileAtomic(path, data, force ? {} : { expectSha256: expected });
      } catch (error) {
        if (error instanceof ChangedOnDiskError) return { ok: false, changedOnDisk: true };
        return { ok: false, error: oneLine(error) };
      }
      expected = sha256Of(data);
      rmSync(autosavePath(path), { force: true });
      return { ok: true, path };
    },
    autosave(alignment) {
      if (readOnly) return;
      writeFileAtomic(autosavePath(path), formatAlignmentFile(alignment, meta));
    },
    discardAutosave() {
      if (readOnly) return;
      rmSync(autosavePath(path), { force: true });
    },
    realign() {
      const source = locateInput(meta.source.path, path);
      const target = locateInput(meta.target.path, path);
      if (!source || !target) throw new CliError('cannot realign: an input file is missing');
      const fresh = alignFresh(readInput(source), readInput(target), { ...options, presplit: meta.presplit }, path);
      meta = { ...fresh.meta, source: { ...fresh.meta.source, path: meta.source.path }, target: { ...fresh.meta.target, path: meta.target.path } };
      inputs = fresh.inputs;
      return fresh.alignment;
    },
    inputTexts: () => inputs,
  };
}

/** What the review asks first: about inputs changed since the save, or unsaved edits found in the autosave copy. */
export function firstMode(session: ReviewSession): Mode {
  if (session.changed.length > 0) return { name: 'stale', changed: session.changed };
  if (session.recovered) return { name: 'recover', alignment: session.recovered.alignment, savedAt: session.recovered.savedAt.toLocaleString() };
  return { name: 'browse' };
}
