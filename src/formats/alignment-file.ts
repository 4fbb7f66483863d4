/**
 * The saved alignment: one self-contained JSON document with a format name and version, both
 * inputs' paths and sha256 (so a reviewer can tell when an input changed under a saved alignment),
 * the segmented text of both sides, and every bead with its flag, score and review status.
 */
import { alignParagraphs, type ParagraphBead } from '../core/paragraphs.js';
import type { Alignment, Bead, Flag, Lang, Segment, SegmentedText, Status } from '../core/types.js';

export const ALIGNMENT_FORMAT = 'mizan-alignment';
export const ALIGNMENT_VERSION = 1;

export interface SideFile {
  path: string;
  sha256: string;
  lang: Lang;
  segments: Segment[];
}

export interface AlignmentFile {
  format: typeof ALIGNMENT_FORMAT;
  version: number;
  created: string;
  /** Signature of the strategy and lexicon that produced the automatic beads. */
  aligner: string;
  presplit: boolean;
  source: SideFile;
  target: SideFile;
  beads: Bead[];
  /** Derived from the beads on writing (core/paragraphs.ts), for readers of the file; ignored on reading. */
  paragraphs?: ParagraphBead[];
}

export interface AlignmentMeta {
  created: string;
  aligner: string;
  presplit: boolean;
  source: { path: string; sha256: string };
  target: { path: string; sha256: string };
}

const side = (text: SegmentedText, file: { path: string; sha256: string }): SideFile => ({
  path: file.path,
  sha256: file.sha256,
  lang: text.lang,
  segments: text.segments,
});

/** One bead and one segment a line: saved alignments stay readable and diff well under git. */
export function formatAlignmentFile(alignment: Alignment, meta: AlignmentMeta): string {
  const file: AlignmentFile = {
    format: ALIGNMENT_FORMAT,
    version: ALIGNMENT_VERSION,
    created: meta.created,
    aligner: meta.aligner,
    presplit: meta.presplit,
    source: side(alignment.source, meta.source),
    target: side(alignment.target, meta.target),
    beads: alignment.beads.map((b) => ({ ...b, score: Math.round(b.score * 10_000) / 10_000 })),
    paragraphs: alignParagraphs(alignment),
  };
  return JSON.stringify(file, null, 1)
    .replace(/\{\n\s+"(index|source)": ([^]*?)\n\s+\}/g, (block) => block.replace(/\n\s*/g, ' '))
    .replace(/\[\n\s+(\d+(?:,\n\s+\d+)*)\n\s+\]/g, (_, list: string) => `[${list.replace(/\n\s+/g, ' ')}]`)
    .replace(/\[\s*\]/g, '[]')
    .concat('\n');
}

const FLAGS: readonly Flag[] = ['aligned', 'source-only', 'target-only', 'boilerplate'];
const STATUSES: readonly Status[] = ['auto', 'confirmed', 'edited'];

function fail(what: string): never {
  throw new Error(`not a valid mizan alignment: ${what}`);
}

const isIndexList = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => Number.isInteger(x) && x >= 0);

function readSide(value: unknown, name: string): SideFile {
  const s = value as Partial<SideFile> | null;
  if (!s || typeof s !== 'object') fail(`${name} is missing`);
  if (typeof s.path !== 'string' || typeof s.sha256 !== 'string') fail(`${name} lacks its path or sha256`);
  if (s.lang !== 'ar' && s.lang !== 'en') fail(`${name}.lang must be "ar" or "en"`);
  if (!Array.isArray(s.segments)) fail(`${name}.segments is missing`);
  s.segments.forEach((seg, k) => {
    if (typeof seg?.text !== 'string' || seg.index !== k || !Number.isInteger(seg.paragraph)) fail(`${name}.segments[${k}] is malformed`);
  });
  return s as SideFile;
}

/** Every segment of each side in exactly one bead, in order: the invariant all of mizan keeps. */
export function checkCoverage(beads: readonly Bead[], sourceCount: number, targetCount: number): string | null {
  let nextSource = 0;
  let nextTarget = 0;
  for (const [k, bead] of beads.entries()) {
    for (const i of bead.source) if (i !== nextSource++) return `bead ${k} takes source segment ${i} out of order`;
    for (const j of bead.target) if (j !== nextTarget++) return `bead ${k} takes target segment ${j} out of order`;
  }
  if (nextSource !== sourceCount) return `beads cover ${nextSource} of ${sourceCount} source segments`;
  if (nextTarget !== targetCount) return `beads cover ${nextTarget} of ${targetCount} target segments`;
  return null;
}

export function parseAlignmentFile(text: string): { alignment: Alignment; file: AlignmentFile } {
  let data: Partial<AlignmentFile>;
  try {
    data = JSON.parse(text) as Partial<AlignmentFile>;
  } catch (error) {
    fail(`bad JSON (${(error as Error).message})`);
  }
  if (data?.format !== ALIGNMENT_FORMAT) fail(`format is not "${ALIGNMENT_FORMAT}"`);
  if (typeof data.version !== 'number' || data.version > ALIGNMENT_VERSION) {
    fail(`version ${String(data.version)} is newer than this mizan reads (${ALIGNMENT_VERSION})`);
  }
  const source = readSide(data.source, 'source');
  const target = readSide(data.target, 'target');
  if (!Array.isArray(data.beads)) fail('beads are missing');
  data.beads.forEach((b, k) => {
    if (!isIndexList(b?.source) || !isIndexList(b.target)) fail(`bead ${k} has bad indices`);
    if (!FLAGS.includes(b.flag) || !STATUSES.includes(b.status) || typeof b.score !== 'number') fail(`bead ${k} has a bad flag, status or score`);
  });
  const problem = checkCoverage(data.beads, source.segments.length, target.segments.length);
  if (problem) fail(problem);
  const file = data as AlignmentFile;
  return {
    alignment: { source: { lang: source.lang, segments: source.segments }, target: { lang: target.lang, segments: target.segments }, beads: file.beads },
    file,
  };
}
