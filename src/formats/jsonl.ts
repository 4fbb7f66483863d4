/**
 * JSONL: one bead a line, in document order (the contract in DESIGN.md):
 *   {"source": ["…"], "target": ["…"], "flag": …, "score": 0.87, "status": …, …}
 * Beyond the contract each record carries the segment indices and paragraph numbers, so a JSONL
 * file can be scored like a ladder file (parseJsonlBeads) and a corpus builder can regroup
 * paragraphs. `sourceParagraph[i]` is the paragraph of the segment `sourceIndex[i]` (parallel
 * arrays), and likewise for the target. The stream mode of `mizan batch` emits the same records.
 */
import { jsonInert } from '../core/text/inert.js';
import type { Alignment, Flag, LadderBead, Segment, SegmentedText, Status } from '../core/types.js';

export interface BeadRecord {
  source: string[];
  target: string[];
  flag: Flag;
  /** Rounded to 4 decimals: more digits only add noise to a diff. */
  score: number;
  status: Status;
  sourceIndex: number[];
  targetIndex: number[];
  sourceParagraph: number[];
  targetParagraph: number[];
}

function segmentAt(text: SegmentedText, index: number, side: string): Segment {
  // Segments are stored in index order, so position and index agree; check rather than trust.
  const direct = text.segments[index];
  const segment = direct?.index === index ? direct : text.segments.find((s) => s.index === index);
  if (!segment) throw new Error(`bead refers to ${side} segment ${index}, which does not exist`);
  return segment;
}

export function roundScore(score: number): number {
  return Math.round(score * 10000) / 10000;
}

export function beadRecords(alignment: Alignment): BeadRecord[] {
  return alignment.beads.map((bead) => {
    const source = bead.source.map((i) => segmentAt(alignment.source, i, 'source'));
    const target = bead.target.map((i) => segmentAt(alignment.target, i, 'target'));
    return {
      source: source.map((s) => s.text),
      target: target.map((s) => s.text),
      flag: bead.flag,
      score: roundScore(bead.score),
      status: bead.status,
      sourceIndex: [...bead.source],
      targetIndex: [...bead.target],
      sourceParagraph: source.map((s) => s.paragraph),
      targetParagraph: target.map((s) => s.paragraph),
    };
  });
}

/** One JSON object a line, each line ending in a newline; an empty alignment gives "". */
export function formatJsonl(alignment: Alignment): string {
  return beadRecords(alignment)
    .map((record) => `${jsonInert(JSON.stringify(record))}\n`)
    .join('');
}

function indexList(value: unknown): number[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const ok = value.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0);
  return ok ? (value as number[]) : undefined;
}

/**
 * Reads JSONL bead records back to index beads, for scoring. Only sourceIndex and targetIndex are
 * required (the texts alone cannot say which occurrence of a repeated sentence was meant); a
 * numeric score is kept. Throws an Error naming the 1-based line number on a bad line.
 */
export function parseJsonlBeads(text: string): LadderBead[] {
  const beads: LadderBead[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`line ${i + 1}: not valid JSON (${reason})`);
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new Error(`line ${i + 1}: expected a JSON object for one bead`);
    }
    const fields = record as Record<string, unknown>;
    const source = indexList(fields['sourceIndex']);
    const target = indexList(fields['targetIndex']);
    if (!source || !target) {
      throw new Error(
        `line ${i + 1}: a bead needs "sourceIndex" and "targetIndex" arrays of segment indices`,
      );
    }
    const bead: LadderBead = { source: [...source], target: [...target] };
    const score = fields['score'];
    if (typeof score === 'number' && Number.isFinite(score)) bead.score = score;
    beads.push(bead);
  }
  return beads;
}
