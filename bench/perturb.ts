/**
 * Perturbations of a 1:1 parallel document that keep the gold alignment exact. Pure functions over
 * arrays of sentence pairs and beads (no I/O), so they can be unit-tested on hand-made documents.
 *
 * A perturbed document is a list of gold beads in document order; each side's lines are the
 * concatenation of that side of the beads. So the gold is right by construction: whatever we do to
 * the text, we do it inside a bead. The perturbations follow the ones the data README asks for (and
 * the usual synthetic tests of sentence aligners, e.g. Bleualign/vecalign evaluations): one-sided
 * sentences (dropped or foreign), 1-2 / 2-1 merges, and paragraphs regrouped on one side.
 */
import { type Rng, sampleIndices, shuffled } from './rng.js';

export type Side = 'en' | 'ar';

export interface Pair {
  en: string;
  ar: string;
}

/** Sentence texts of one gold bead; one side may be empty (a one-sided bead). */
export interface GoldBead {
  en: string[];
  ar: string[];
}

export interface Rates {
  /** Fraction of the original pairs that lose one side. */
  drop: number;
  /** Foreign sentences inserted, as a fraction of the original pairs. */
  insert: number;
  /** Merge events (two neighbouring pairs joined into one line on one side), as a fraction of the pairs. */
  merge: number;
}

export const DEFAULT_RATES: Rates = { drop: 0.1, insert: 0.1, merge: 0.1 };

const isOneToOne = (bead: GoldBead): boolean => bead.en.length === 1 && bead.ar.length === 1;

const randomSide = (rng: Rng): Side => (rng.chance(0.5) ? 'en' : 'ar');

export function fromPairs(pairs: readonly Pair[]): GoldBead[] {
  return pairs.map((pair) => ({ en: [pair.en], ar: [pair.ar] }));
}

/**
 * Joins two sentences into one as a translator who merges them would: the first one's full stop
 * becomes a semicolon (English) or an Arabic comma, so that a sentence splitter run on the raw
 * text cannot undo the merge and the bead is a true 1-2 / 2-1 in both the presplit and raw forms.
 */
export function joinSentences(first: string, second: string, side: Side): string {
  if (first.endsWith('.')) return `${first.slice(0, -1)}${side === 'en' ? ';' : '،'} ${second}`;
  return `${first} ${second}`;
}

/**
 * Merges `count` disjoint pairs of neighbouring 1-1 beads; each event picks its side at random:
 * merging English gives a 1-2 bead (one English line, two Arabic), merging Arabic a 2-1.
 */
export function mergeNeighbours(beads: readonly GoldBead[], count: number, rng: Rng): GoldBead[] {
  const starts = beads
    .map((_, i) => i)
    .filter((i) => i + 1 < beads.length && isOneToOne(beads[i]!) && isOneToOne(beads[i + 1]!));
  const chosen = new Set<number>();
  for (const i of shuffled(starts, rng)) {
    if (chosen.size >= count) break;
    if (!chosen.has(i - 1) && !chosen.has(i + 1)) chosen.add(i);
  }
  const out: GoldBead[] = [];
  for (let i = 0; i < beads.length; i++) {
    const bead = beads[i]!;
    const next = beads[i + 1];
    if (!chosen.has(i) || next === undefined) {
      out.push(bead);
      continue;
    }
    const side = randomSide(rng);
    const en = side === 'en' ? [joinSentences(bead.en[0]!, next.en[0]!, 'en')] : [...bead.en, ...next.en];
    const ar = side === 'ar' ? [joinSentences(bead.ar[0]!, next.ar[0]!, 'ar')] : [...bead.ar, ...next.ar];
    out.push({ en, ar });
    i++;
  }
  return out;
}

/** Removes one side (chosen at random per event) of `count` 1-1 beads: each becomes a one-sided bead. */
export function dropOneSide(beads: readonly GoldBead[], count: number, rng: Rng): GoldBead[] {
  const candidates = beads.map((_, i) => i).filter((i) => isOneToOne(beads[i]!));
  const chosen = new Set(sampleIndices(candidates.length, count, rng).map((k) => candidates[k]!));
  return beads.map((bead, i) => {
    if (!chosen.has(i)) return bead;
    return randomSide(rng) === 'en' ? { en: [], ar: bead.ar } : { en: bead.en, ar: [] };
  });
}

/**
 * Inserts `count` sentences from `foreign` (pairs of ANOTHER document: a plausible sentence in the
 * right language that has no counterpart here) as one-sided beads, each at a different gap between
 * beads so that two foreign sentences never touch (their gold would be two beads, an aligner's
 * answer might fairly be one), on a side chosen at random per event.
 */
export function insertForeign(
  beads: readonly GoldBead[],
  count: number,
  foreign: readonly Pair[],
  rng: Rng,
): GoldBead[] {
  const k = Math.min(count, foreign.length, beads.length + 1);
  const gaps = sampleIndices(beads.length + 1, k, rng);
  const picks = sampleIndices(foreign.length, k, rng);
  const donors = shuffled(picks, rng).map((p) => foreign[p]!);
  const inserted = new Map<number, GoldBead>();
  gaps.forEach((gap, n) => {
    const donor = donors[n]!;
    inserted.set(gap, randomSide(rng) === 'en' ? { en: [donor.en], ar: [] } : { en: [], ar: [donor.ar] });
  });
  const out: GoldBead[] = [];
  for (let gap = 0; gap <= beads.length; gap++) {
    const bead = inserted.get(gap);
    if (bead) out.push(bead);
    if (gap < beads.length) out.push(beads[gap]!);
  }
  return out;
}

/**
 * The whole recipe for one document: merges first (on untouched pairs), then drops (on the 1-1
 * beads left), then foreign insertions. Event counts are rounded from the rates, so a 30-pair
 * document gets exactly 3 of each at the default 10%. Each step draws from its own stream.
 */
export function perturbDocument(
  pairs: readonly Pair[],
  foreign: readonly Pair[],
  rng: Rng,
  rates: Rates = DEFAULT_RATES,
): GoldBead[] {
  const n = pairs.length;
  const merged = mergeNeighbours(fromPairs(pairs), Math.round(n * rates.merge), rng.fork('merge'));
  const dropped = dropOneSide(merged, Math.round(n * rates.drop), rng.fork('drop'));
  return insertForeign(dropped, Math.round(n * rates.insert), foreign, rng.fork('insert'));
}

/** Each side's lines in document order. */
export function sidesOf(beads: readonly GoldBead[]): { en: string[]; ar: string[] } {
  return { en: beads.flatMap((b) => b.en), ar: beads.flatMap((b) => b.ar) };
}

/** The gold as 0-based line indices (source = English, target = Arabic), as the ladder format wants. */
export function toLadder(beads: readonly GoldBead[]): { source: number[]; target: number[] }[] {
  let en = 0;
  let ar = 0;
  return beads.map((bead) => {
    const source = bead.en.map(() => en++);
    const target = bead.ar.map(() => ar++);
    return { source, target };
  });
}

/**
 * Paragraph sizes (sentences per paragraph) for each side, regrouped so that the two sides do not
 * break at the same places, as in real translations where an editor joins or splits paragraphs.
 * Shared breaks fall after a bead with probability 1/4; then each side independently keeps a
 * shared break (1/2), moves it one or two sentences either way (3/10) or drops it (1/5), and adds
 * a break of its own after any sentence with probability 1/30.
 */
export function regroupParagraphs(beads: readonly GoldBead[], rng: Rng): { en: number[]; ar: number[] } {
  const shared: { en: number; ar: number }[] = [];
  let en = 0;
  let ar = 0;
  for (const bead of beads.slice(0, -1)) {
    en += bead.en.length;
    ar += bead.ar.length;
    if (rng.chance(0.25)) shared.push({ en, ar });
  }
  const total = { en: en + (beads.at(-1)?.en.length ?? 0), ar: ar + (beads.at(-1)?.ar.length ?? 0) };
  const sizes = (side: Side): number[] => {
    const breaks = new Set<number>();
    for (const point of shared) {
      const roll = rng.next();
      const shift = (rng.chance(0.5) ? 1 : -1) * (1 + rng.int(2));
      if (roll < 0.5) breaks.add(point[side]);
      else if (roll < 0.8) breaks.add(point[side] + shift);
    }
    for (let i = 1; i < total[side]; i++) if (rng.chance(1 / 30)) breaks.add(i);
    const cuts = [...breaks].filter((b) => b > 0 && b < total[side]).sort((a, b) => a - b);
    const bounds = [0, ...cuts, total[side]];
    return bounds.slice(1).map((b, i) => b - bounds[i]!).filter((size) => size > 0);
  };
  return { en: sizes('en'), ar: sizes('ar') };
}

/** A sentence that ends without terminal punctuation (a heading, a line of a transcript). */
const UNPUNCTUATED = /[^.!?…؟"”»')\]]$/u;

/**
 * Raw text: sentences of a paragraph joined by a space, paragraphs by a blank line. A sentence
 * without terminal punctuation ends its line: real texts put such sentences (headings, lines of
 * a speech transcript) on lines of their own, and run together no splitter could find them.
 * Sentences whose indices are in `inline` are run on all the same: the nostop set removes their
 * stop to leave the splitter nothing but the text to go by.
 */
export function renderParagraphs(sentences: readonly string[], sizes: readonly number[], inline: ReadonlySet<number> = new Set()): string {
  const paragraphs: string[] = [];
  const breaksAfter = (k: number): boolean => !inline.has(k) && UNPUNCTUATED.test(sentences[k]!.trim());
  const render = (from: number, to: number) =>
    sentences.slice(from, to).reduce((text, sentence, k) => (k === 0 ? sentence : `${text}${breaksAfter(from + k - 1) ? '\n' : ' '}${sentence}`), '');
  let at = 0;
  for (const size of sizes) {
    paragraphs.push(render(at, Math.min(at + size, sentences.length)));
    at += size;
  }
  if (at < sentences.length) paragraphs.push(render(at, sentences.length));
  return `${paragraphs.join('\n\n')}\n`;
}
