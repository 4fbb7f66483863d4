/**
 * `mizan review DIR`: the alignments `mizan batch --format json --outdir DIR` wrote (DIR/<id>.json),
 * reviewed as a queue (issue 12, part 4). Everything the queue needs from disk is here: listing
 * and reading the folder (a file that does not read as an alignment is listed as unreadable, with
 * its reason), opening one pair as `mizan review FILE.json` would (its lock, autosave copy and
 * atomic saves: review-session.ts, review-lock.ts), and working out a file's uncovered words.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import type { Evidence } from '../core/evidence.js';
import { fileFigures, uncoveredWords, type FileFigures, type QueueEntry, type Uncovered } from '../core/review-queue.js';
import { inert } from '../core/text/inert.js';
import { ALIGNMENT_FORMAT, ALIGNMENT_VERSION, parseAlignmentFile } from '../formats/alignment-file.js';
import type { Bead } from '../core/types.js';
import { QueueApp, type QueueStorage } from '../ui/queue-app.js';
import { initialQueueState } from '../ui/state/queue-reducer.js';
import { initialState } from '../ui/state/review-state.js';
import type { BidiMode } from '../ui/text/rtl.js';
import { CliError, oneLine } from './errors.js';
import { loadEvidence, type EvidenceSpec } from './evidence-file.js';
import { runFullScreen } from './full-screen.js';
import { strategyNamed, strategyOfSignature, type PipelineOptions } from './pipeline.js';
import { colorOn } from './terminal.js';
import { acquireLock, describeHolder } from './review-lock.js';
import { fileStorage, firstMode, openSaved } from './review-session.js';
import { RECORD_NAME } from './batch-record.js';

export interface QueueOptions extends EvidenceSpec {
  bidi: BidiMode;
  presplit?: boolean | undefined;
  aligner?: string | undefined;
}

export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Alignment files are `<id>.json`; dot files (the batch record, `.mizan-batch.json`) are not alignments. */
const isAlignmentName = (name: string) => name.endsWith('.json') && !name.startsWith('.');

const FLAGS = new Set(['aligned', 'source-only', 'target-only', 'boilerplate']);
const STATUSES = new Set(['auto', 'confirmed', 'edited']);
const beadLike = (bead: unknown): boolean => {
  const b = bead as Partial<Record<keyof Bead, unknown>> | null;
  return b !== null && typeof b === 'object' && FLAGS.has(b.flag as string) && STATUSES.has(b.status as string) && typeof b.score === 'number';
};

/**
 * The figures the list needs, from the beads alone. The full check of a file (every segment, every
 * bead covering them in order: parseAlignmentFile) costs a third again on top of JSON.parse, so
 * the first frame of a large folder does without it; the coverage pass reads each file fully
 * later and marks one that fails it unreadable. Anything unusual here gets the full check at once,
 * for its exact reason.
 */
function listFigures(text: string): FileFigures {
  const data = jsonOrNull(text) as { format?: unknown; version?: unknown; beads?: unknown } | null;
  const beads = data?.format === ALIGNMENT_FORMAT && typeof data.version === 'number' && data.version <= ALIGNMENT_VERSION && Array.isArray(data.beads) ? data.beads : null;
  return fileFigures(beads?.every(beadLike) ? (beads as Bead[]) : parseAlignmentFile(text).alignment.beads);
}

function jsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // parseAlignmentFile says what is wrong with it.
    return null;
  }
}

/**
 * The folder's alignments with the figures the list is sorted by (coverage still pending). Throws a
 * one-line CliError when there is nothing to review: an unreadable or empty folder, no `.json`
 * file in it, or not one that reads as an alignment.
 */
export function readQueueFolder(dir: string): QueueEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name !== RECORD_NAME);
  } catch (error) {
    throw new CliError(`cannot read the folder ${dir}: ${oneLine(error)}`);
  }
  if (names.length === 0) throw new CliError(`${dir} is empty: nothing to review (mizan batch MANIFEST --outdir ${dir} --format json writes alignments there)`);
  const files = names.filter(isAlignmentName).sort();
  if (files.length === 0) {
    const outputs = names.filter((name) => /\.(jsonl|ladder)$/.test(name)).length;
    const why = outputs > 0 ? `, only ${outputs} jsonl or ladder outputs, which do not keep a review; run mizan batch with --format json` : '';
    throw new CliError(`${dir} has no alignment files (*.json) to review${why}`);
  }
  const entries = files.map((name): QueueEntry => {
    try {
      return { name, figures: listFigures(readFileSync(join(dir, name), 'utf8')), uncovered: { state: 'pending' } };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'EISDIR' ? 'a folder, not a file' : oneLine(error);
      return { name, figures: null, unreadable: reason, uncovered: { state: 'failed', reason: 'unreadable' } };
    }
  });
  const readable = entries.filter((entry) => entry.figures !== null).length;
  if (readable === 0) {
    const first = entries[0]!;
    throw new CliError(`${dir}: none of its ${entries.length} .json file${entries.length === 1 ? '' : 's'} reads as an alignment (${first.name}: ${first.unreadable ?? '?'})`);
  }
  return entries;
}

/** Opens pairs and works out coverage for the queue over `dir`. The evidence is read on first need, after the list is drawn. */
export function queueStorage(dir: string, options: QueueOptions): QueueStorage {
  let evidence: Evidence | null = null;
  const evidenceNow = () => (evidence ??= loadEvidence(options));
  const pipeline = (): PipelineOptions => ({ presplit: options.presplit ?? false, strategy: strategyNamed(options.aligner), evidence: evidenceNow() });
  return {
    title: dir,
    open(name) {
      const path = join(dir, name);
      let session;
      try {
        session = openSaved(path);
      } catch (error) {
        return { ok: false, error: oneLine(error) };
      }
      const lock = acquireLock(path);
      // Held by another review: open it read-only, as `mizan review FILE` does once asked; its autosave copy is the holder's.
      const readOnly = lock.held ? `${describeHolder(lock.holder)} has ${path} open` : undefined;
      if (readOnly) session.recovered = null;
      const initial = initialState(session.alignment, {
        bidi: options.bidi,
        mode: firstMode(session),
        message: readOnly
          ? { text: `read-only: ${readOnly}; w will not save`, tone: 'info' }
          : { text: session.note ?? 'press ? for the keys · ] next pair · q back to the list', tone: 'info' },
      });
      // z realigns with the aligner that made the file, unless --aligner names another (as review.ts).
      const strategy = (options.aligner === undefined ? strategyOfSignature(session.meta.aligner) : undefined) ?? strategyNamed(options.aligner);
      const pair = { initial, storage: fileStorage(session, pipeline(), readOnly), close: () => (lock.held ? undefined : lock.release()) };
      return { ok: true, pair: { ...pair, evidence: evidenceNow(), aligner: { strategy, evidence: evidenceNow() } } };
    },
    uncovered(name): Uncovered {
      let alignment;
      try {
        alignment = parseAlignmentFile(readFileSync(join(dir, name), 'utf8')).alignment;
      } catch (error) {
        return { state: 'failed', reason: oneLine(error), unreadable: true };
      }
      try {
        return { state: 'done', ...uncoveredWords(alignment, evidenceNow()) };
      } catch (error) {
        return { state: 'failed', reason: oneLine(error) };
      }
    },
  };
}

export async function reviewQueue(dir: string, options: QueueOptions, out: NodeJS.WriteStream): Promise<number> {
  const entries = readQueueFolder(dir);
  if (!process.stdin.isTTY || !out.isTTY) {
    throw new CliError(`review needs a terminal; without one, mizan coverage and mizan export work on each file of ${dir}`);
  }
  const unreadable = entries.filter((entry) => !entry.figures).length;
  const initial = initialQueueState(
    entries,
    unreadable > 0 ? { text: `${unreadable} file${unreadable === 1 ? '' : 's'} of ${inert(dir)} cannot be read as alignments: listed last`, tone: 'error' } : null,
  );
  return runFullScreen(createElement(QueueApp, { initial, storage: queueStorage(dir, options), color: colorOn(out) }), out);
}
