/**
 * How much of each version the other covers, counted from the beads alone: a sentence is covered
 * when it is in an aligned bead; boilerplate sentences belong to neither text and are left out of
 * the denominators (counted apart). Words are the tokenizer's words (TOKEN), function words included.
 */
import type { Alignment, Flag } from '../types.js';

export type Side = 'source' | 'target';

export interface Count {
  total: number;
  covered: number;
  /** covered / total; 1 when there is nothing to cover. */
  ratio: number;
}

export interface Figures {
  sentences: Count;
  words: Count;
  /** Left out of the counts above. */
  boilerplate: { sentences: number; words: number };
}

export interface ParagraphFigures extends Figures {
  /** 1-based, as displayed. */
  paragraph: number;
}

export interface SideFigures extends Figures {
  side: Side;
  lang: string;
  paragraphs: ParagraphFigures[];
}

const empty = (): Figures => ({ sentences: count(0, 0), words: count(0, 0), boilerplate: { sentences: 0, words: 0 } });

export function count(covered: number, total: number): Count {
  return { total, covered, ratio: total === 0 ? 1 : covered / total };
}

function add(figures: Figures, flag: Flag, words: number): void {
  if (flag === 'boilerplate') {
    figures.boilerplate.sentences++;
    figures.boilerplate.words += words;
    return;
  }
  const covered = flag === 'aligned' ? 1 : 0;
  figures.sentences = count(figures.sentences.covered + covered, figures.sentences.total + 1);
  figures.words = count(figures.words.covered + covered * words, figures.words.total + words);
}

/** The flag of the bead that holds each segment of a side. */
export function flagsOf(alignment: Alignment, side: Side): Flag[] {
  const flags: Flag[] = new Array<Flag>(alignment[side].segments.length).fill('aligned');
  const seen = new Array<boolean>(flags.length).fill(false);
  for (const bead of alignment.beads) {
    for (const k of bead[side]) {
      flags[k] = bead.flag;
      seen[k] = true;
    }
  }
  const missing = seen.indexOf(false);
  if (missing >= 0) throw new Error(`${side} sentence ${missing + 1} is in no bead`);
  return flags;
}

/** `wordCounts[k]`: words of segment k of the side. */
export function sideFigures(alignment: Alignment, side: Side, wordCounts: readonly number[]): SideFigures {
  const flags = flagsOf(alignment, side);
  const overall = empty();
  const byParagraph = new Map<number, Figures>();
  for (const segment of alignment[side].segments) {
    const flag = flags[segment.index]!;
    const words = wordCounts[segment.index] ?? 0;
    let paragraph = byParagraph.get(segment.paragraph);
    if (!paragraph) byParagraph.set(segment.paragraph, (paragraph = empty()));
    add(paragraph, flag, words);
    add(overall, flag, words);
  }
  const paragraphs = [...byParagraph].sort(([a], [b]) => a - b).map(([p, figures]) => ({ paragraph: p + 1, ...figures }));
  return { side, lang: alignment[side].lang, ...overall, paragraphs };
}
