/**
 * The saved alignment: one self-contained JSON document with a format name and version, both
 * inputs' paths and sha256 (so a reviewer can tell when an input changed under a saved alignment),
 * the segmented text of both sides, and every bead with its flag, score and review status.
 *
 * Version 2 records, per side, whether the segments are what the segmenter made of the input
 * (`"segmentation": "input"`) or were split or joined since, in the review or by a later pipeline
 * step (`"segmentation": "edited"`). Either way each segment's `start`/`end` are exact offsets into
 * the input and its `text` is that span with whitespace collapsed, so a reader can always find a
 * segment in the input; an edited side cannot be got back by segmenting the input again. Version 1
 * files (no `segmentation`: as segmented) still open; a version newer than this reader is refused.
 */
import { createRequire } from 'node:module';
import type * as Zod from 'zod';
import { alignParagraphs, type ParagraphBead } from '../core/paragraphs.js';
import { jsonInert } from '../core/text/inert.js';
import type { Alignment, Bead, Flag, Lang, Segment, SegmentedText, Segmentation, Status } from '../core/types.js';

export const ALIGNMENT_FORMAT = 'mizan-alignment';
export const ALIGNMENT_VERSION = 2;

export interface SideFile {
  path: string;
  sha256: string;
  /** How the input's bytes were read (utf-8, windows-1252, …); absent in files from before it was kept, and for stream input. */
  encoding?: string;
  lang: Lang;
  /** Version 2 on: 'input' as the segmenter made them, 'edited' when split or joined since; absent in version 1 (as segmented). */
  segmentation?: Segmentation;
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
  source: InputMeta;
  target: InputMeta;
}

export interface InputMeta {
  path: string;
  sha256: string;
  encoding?: string;
}

const side = (text: SegmentedText, file: InputMeta): SideFile => ({
  path: file.path,
  sha256: file.sha256,
  ...(file.encoding !== undefined ? { encoding: file.encoding } : {}),
  lang: text.lang,
  segmentation: text.segmentation ?? 'input',
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
  // jsonInert: `cat FILE` must not let a control character of the text act; the text parses back the same.
  return jsonInert(JSON.stringify(file, null, 1))
    .replace(/\{\n\s+"(index|source)": ([^]*?)\n\s+\}/g, (block) => block.replace(/\n\s*/g, ' '))
    .replace(/\[\n\s+(\d+(?:,\n\s+\d+)*)\n\s+\]/g, (_, list: string) => `[${list.replace(/\n\s+/g, ' ')}]`)
    .replace(/\[\s*\]/g, '[]')
    .concat('\n');
}

const FLAGS = ['aligned', 'source-only', 'target-only', 'boilerplate'] as const satisfies readonly Flag[];
const STATUSES = ['auto', 'confirmed', 'edited'] as const satisfies readonly Status[];
const SEGMENTATIONS = ['input', 'edited'] as const satisfies readonly Segmentation[];

function fail(what: string): never {
  throw new Error(`not a valid mizan alignment: ${what}`);
}

/**
 * The file's shape (zod 4). Loose objects: fields a newer minor writer adds are kept, not refused;
 * `paragraphs` is derived and not checked. Whether the beads cover the segments is checked after.
 *
 * Built on the first read, with zod loaded then: loading zod and building the schema take some
 * 80 ms, which every command that only writes alignments (align, each batch worker) would pay.
 */
function buildSchema() {
  const { z } = createRequire(import.meta.url)('zod') as typeof Zod;
  const index = z.int().nonnegative();
  const segmentSchema = z.looseObject({ index, text: z.string(), paragraph: index, start: index.optional(), end: index.optional() });
  const sideSchema = z.looseObject({
    path: z.string(),
    sha256: z.string(),
    encoding: z.string().optional(),
    lang: z.enum(['ar', 'en']),
    segmentation: z.enum(SEGMENTATIONS).optional(),
    segments: z.array(segmentSchema).superRefine((segments, ctx) => {
      const k = segments.findIndex((seg, position) => seg.index !== position);
      if (k >= 0) ctx.addIssue({ code: 'custom', path: [k, 'index'], message: `expected ${k}, the segment's position` });
    }),
  });
  const beadSchema = z.looseObject({
    source: z.array(index),
    target: z.array(index),
    flag: z.enum(FLAGS),
    score: z.number().finite(),
    status: z.enum(STATUSES),
  });
  return z.looseObject({
    format: z.literal(ALIGNMENT_FORMAT),
    version: z.int().positive(),
    created: z.string(),
    aligner: z.string(),
    presplit: z.boolean(),
    source: sideSchema,
    target: sideSchema,
    beads: z.array(beadSchema),
  });
}

let fileSchema: ReturnType<typeof buildSchema> | undefined;

/** `source.segments[3].index`, the way a reader finds it in the file. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`), '');
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
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fail(`bad JSON (${(error as Error).message})`);
  }
  // Format and version first: a newer file may differ in shape, and should say so, not name a field.
  const header = data as { format?: unknown; version?: unknown } | null;
  if (header === null || typeof header !== 'object' || Array.isArray(header)) fail('not a JSON object');
  if (header.format !== ALIGNMENT_FORMAT) fail(`format is not "${ALIGNMENT_FORMAT}"`);
  if (typeof header.version === 'number' && header.version > ALIGNMENT_VERSION) {
    fail(`version ${header.version} is newer than this mizan reads (${ALIGNMENT_VERSION}); update mizan`);
  }
  const parsed = (fileSchema ??= buildSchema()).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    fail(`${fieldPath(issue.path) || 'the file'}: ${issue.message}`);
  }
  const file = parsed.data as unknown as AlignmentFile;
  const { source, target } = file;
  const problem = checkCoverage(file.beads, source.segments.length, target.segments.length);
  if (problem) fail(problem);
  // Only an edited side says so in memory: an alignment as segmented is the same whether read or made.
  const sideText = (side: SideFile): SegmentedText => ({ lang: side.lang, segments: side.segments, ...(side.segmentation === 'edited' ? { segmentation: 'edited' } : {}) });
  return { alignment: { source: sideText(source), target: sideText(target), beads: file.beads }, file };
}
