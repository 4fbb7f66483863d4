/**
 * Paragraph alignment, read off the sentence alignment: two paragraphs belong together when an
 * aligned bead links sentences of theirs, and linked paragraphs form one paragraph bead (so one
 * English paragraph against two Arabic ones is a 1-2 paragraph bead). Deriving it, instead of
 * running a separate paragraph-level search first, means a paragraph decision can never contradict
 * the sentences inside it; the sentence search already rewards beads that open paragraphs on both
 * sides (bead-score.ts).
 */
import type { Alignment } from './types.js';

export interface ParagraphBead {
  /** Paragraph numbers of the source side, ascending; empty when the bead is target-only. */
  source: number[];
  target: number[];
  /** aligned: linked across the versions; one-sided: no sentence of it is linked; boilerplate: nothing but boilerplate. */
  flag: 'aligned' | 'source-only' | 'target-only' | 'boilerplate';
}

interface Group {
  source: Set<number>;
  target: Set<number>;
  linked: boolean;
  content: boolean;
}

export function alignParagraphs(alignment: Alignment): ParagraphBead[] {
  const { source, target } = alignment;
  const groups: Group[] = [];
  /** Index in `groups` of the group holding each paragraph. */
  const sourceAt = new Map<number, number>();
  const targetAt = new Map<number, number>();

  for (const bead of alignment.beads) {
    const sp = new Set(bead.source.map((i) => source.segments[i]!.paragraph));
    const tp = new Set(bead.target.map((j) => target.segments[j]!.paragraph));
    const seen = [...[...sp].map((p) => sourceAt.get(p)), ...[...tp].map((p) => targetAt.get(p))].filter((k) => k !== undefined);
    let at: number;
    if (seen.length === 0) {
      at = groups.push({ source: new Set(), target: new Set(), linked: false, content: false }) - 1;
    } else {
      // Beads run in document order on both sides, so a bead that reaches back to an earlier group
      // takes every group after it too (they hold paragraphs between the ones it links).
      at = Math.min(...seen);
      const group = groups[at]!;
      for (const later of groups.splice(at + 1)) {
        for (const p of later.source) group.source.add(p);
        for (const p of later.target) group.target.add(p);
        group.linked ||= later.linked;
        group.content ||= later.content;
      }
      for (const p of group.source) sourceAt.set(p, at);
      for (const p of group.target) targetAt.set(p, at);
    }
    const group = groups[at]!;
    for (const p of sp) (group.source.add(p), sourceAt.set(p, at));
    for (const p of tp) (group.target.add(p), targetAt.set(p, at));
    if (bead.flag === 'aligned') group.linked = true;
    if (bead.flag !== 'boilerplate') group.content = true;
  }

  return groups.map((g) => {
    const sourceList = [...g.source].sort((a, b) => a - b);
    const targetList = [...g.target].sort((a, b) => a - b);
    const flag = g.linked ? 'aligned' : !g.content ? 'boilerplate' : sourceList.length > 0 ? 'source-only' : 'target-only';
    return { source: sourceList, target: targetList, flag };
  });
}
