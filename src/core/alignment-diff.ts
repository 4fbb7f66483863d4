/**
 * What changed between two versions of an alignment of the same texts, in a reviewer's terms.
 * Beads identical in both (same sentences on both sides) are unchanged, or changed only in flag
 * or review status. The other beads are grouped into regions: old and new beads that share a
 * sentence belong together (each sentence is in exactly one bead per version, so regions are
 * contiguous). A region reads as linked (one-sided sentences now paired), unlinked (a pair broken
 * up), merged (several beads became one), split (one became several) or realigned (anything else).
 */
import type { Alignment, Bead } from './types.js';

export type ChangeKind = 'linked' | 'unlinked' | 'merged' | 'split' | 'realigned' | 'flag' | 'status';

export interface BeadRef extends Bead {
  /** Position of the bead in its version. */
  index: number;
}

export interface Change {
  kind: ChangeKind;
  old: BeadRef[];
  new: BeadRef[];
}

export interface AlignmentDiff {
  changes: Change[];
  unchanged: number;
  summary: Record<ChangeKind, number>;
}

function sameTexts(a: Alignment, b: Alignment, side: 'source' | 'target'): boolean {
  const x = a[side].segments;
  const y = b[side].segments;
  return x.length === y.length && x.every((s, k) => s.text === y[k]!.text);
}

const key = (bead: Bead) => `${bead.source.join(',')}|${bead.target.join(',')}`;
const aligned = (bead: Bead) => bead.source.length > 0 && bead.target.length > 0;

function classify(old: BeadRef[], now: BeadRef[]): ChangeKind {
  if (now.length === 1 && aligned(now[0]!) && old.every((b) => !aligned(b))) return 'linked';
  if (old.length === 1 && aligned(old[0]!) && now.every((b) => !aligned(b))) return 'unlinked';
  if (old.length > 1 && now.length === 1) return 'merged';
  if (old.length === 1 && now.length > 1) return 'split';
  return 'realigned';
}

/** The one-line summary `mizan diff` ends with: "2 linked, 1 split; 40 beads unchanged". */
export function diffSummaryLine(diff: AlignmentDiff): string {
  const counts = (Object.entries(diff.summary) as Array<[ChangeKind, number]>).filter(([, n]) => n > 0).map(([kind, n]) => `${n} ${kind}`);
  return `${diff.changes.length === 0 ? 'no changes' : counts.join(', ')}; ${diff.unchanged} beads unchanged`;
}

export function diffAlignments(old: Alignment, now: Alignment): AlignmentDiff {
  for (const side of ['source', 'target'] as const) {
    if (sameTexts(old, now, side)) continue;
    // A reviewer's split or join changes the segments, not the text: say so, it is the likelier cause.
    const edited = old[side].segmentation === 'edited' || now[side].segmentation === 'edited';
    const guided = old[side].segmentation === 'guided' || now[side].segmentation === 'guided';
    const why = edited
      ? ' (the segmentation was edited in one of them: split or joined sentences)'
      : guided
        ? ' (the aligner split glued sentences in one of them, guided by the other side; --presplit input is never split)'
        : '';
    throw new Error(`the two alignments segment different ${side} texts${why}`);
  }
  const oldRefs = old.beads.map((b, index) => ({ ...b, index }));
  const newRefs = now.beads.map((b, index) => ({ ...b, index }));
  const newByKey = new Map(newRefs.map((b) => [key(b), b]));
  const changes: Change[] = [];
  let unchanged = 0;
  const matched = new Set<BeadRef>();
  for (const b of oldRefs) {
    const same = newByKey.get(key(b));
    if (!same) continue;
    matched.add(b).add(same);
    if (same.flag !== b.flag) changes.push({ kind: 'flag', old: [b], new: [same] });
    else if (same.status !== b.status) changes.push({ kind: 'status', old: [b], new: [same] });
    else unchanged++;
  }

  // The rest: regions of old and new beads linked by shared sentences, walked in document order.
  const owner = (refs: BeadRef[], side: 'source' | 'target') => {
    const map = new Map<number, BeadRef>();
    for (const b of refs) if (!matched.has(b)) for (const s of b[side]) map.set(s, b);
    return map;
  };
  const newOwner = { source: owner(newRefs, 'source'), target: owner(newRefs, 'target') };
  const oldOwner = { source: owner(oldRefs, 'source'), target: owner(oldRefs, 'target') };
  const seen = new Set<BeadRef>();
  for (const start of oldRefs) {
    if (matched.has(start) || seen.has(start)) continue;
    const region = { old: [] as BeadRef[], new: [] as BeadRef[] };
    const queue: Array<{ bead: BeadRef; isNew: boolean }> = [{ bead: start, isNew: false }];
    seen.add(start);
    while (queue.length > 0) {
      const { bead, isNew } = queue.pop()!;
      (isNew ? region.new : region.old).push(bead);
      const other = isNew ? oldOwner : newOwner;
      for (const side of ['source', 'target'] as const) {
        for (const s of bead[side]) {
          const next = other[side].get(s);
          if (next && !seen.has(next)) {
            seen.add(next);
            queue.push({ bead: next, isNew: !isNew });
          }
        }
      }
    }
    region.old.sort((a, b) => a.index - b.index);
    region.new.sort((a, b) => a.index - b.index);
    changes.push({ kind: classify(region.old, region.new), ...region });
  }
  const position = (c: Change) => (c.old[0] ?? c.new[0])!.index;
  changes.sort((a, b) => position(a) - position(b));
  const summary: Record<ChangeKind, number> = { linked: 0, unlinked: 0, merged: 0, split: 0, realigned: 0, flag: 0, status: 0 };
  for (const c of changes) summary[c.kind]++;
  return { changes, unchanged, summary };
}
