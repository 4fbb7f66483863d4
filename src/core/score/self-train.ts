/**
 * Self-training on the input (after hunalign's realign pass and Bleualign's bootstrapping): the
 * beads the first pass is sure of are a small parallel corpus of the document's own vocabulary.
 * Words left unexplained inside those beads (a term or a name no table knows, on both sides) that
 * keep turning up together are taken as translations, and the second pass sees them as evidence.
 *
 * Association is the Dice coefficient over the confident beads (Smadja, McKeown & Hatzivassiloglou
 * 1996), counted only among each bead's residual words — those no existing evidence already pairs —
 * so a word already explained cannot be linked to everything beside it (competitive linking in
 * spirit, Melamed 2000). A pair must co-occur in at least MIN_COUNT beads.
 */
import type { RawToken } from './tokens.js';

export interface ConfidentBead {
  english: readonly number[];
  arabic: readonly number[];
}

/** Learned links: Arabic token key → English ids it stands for. */
export type LearnedLinks = Map<string, number[]>;

export const MIN_COUNT = 2;
export const MIN_DICE = 0.5;

/** Residual words of one bead: Arabic keys none of whose ids the English side has, English ids no Arabic token hits. */
function residuals(bead: ConfidentBead, en: readonly RawToken[][], ar: readonly RawToken[][]): { arabic: Set<string>; english: Set<number> } {
  const englishIds = new Set<number>();
  for (const i of bead.english) for (const t of en[i]!) englishIds.add(t.ids[0]!);
  const hit = new Set<number>();
  const arabic = new Set<string>();
  for (const j of bead.arabic) {
    for (const t of ar[j]!) {
      const matched = t.ids.filter((id) => englishIds.has(id));
      if (matched.length > 0) matched.forEach((id) => hit.add(id));
      else arabic.add(t.key);
    }
  }
  const english = new Set([...englishIds].filter((id) => !hit.has(id)));
  return { arabic, english };
}

export function learnLinks(beads: readonly ConfidentBead[], en: readonly RawToken[][], ar: readonly RawToken[][]): LearnedLinks {
  const arabicCount = new Map<string, number>();
  const englishCount = new Map<number, number>();
  const bags = beads.map((bead) => residuals(bead, en, ar)).filter((r) => r.arabic.size > 0 && r.english.size > 0);
  for (const { arabic, english } of bags) {
    for (const e of english) englishCount.set(e, (englishCount.get(e) ?? 0) + 1);
    for (const a of arabic) arabicCount.set(a, (arabicCount.get(a) ?? 0) + 1);
  }
  // Only words seen in MIN_COUNT beads can make a pair that co-occurs in MIN_COUNT: counting the
  // rest (most residual words occur once) would fill the table with pairs that can never qualify.
  const pairCount = new Map<string, Map<number, number>>();
  for (const { arabic, english } of bags) {
    const frequent = [...english].filter((e) => englishCount.get(e)! >= MIN_COUNT);
    if (frequent.length === 0) continue;
    for (const a of arabic) {
      if (arabicCount.get(a)! < MIN_COUNT) continue;
      let row = pairCount.get(a);
      if (!row) pairCount.set(a, (row = new Map()));
      for (const e of frequent) row.set(e, (row.get(e) ?? 0) + 1);
    }
  }
  const links: LearnedLinks = new Map();
  for (const [a, row] of pairCount) {
    const ids: number[] = [];
    for (const [e, count] of row) {
      if (count < MIN_COUNT) continue;
      const dice = (2 * count) / (arabicCount.get(a)! + englishCount.get(e)!);
      if (dice >= MIN_DICE) ids.push(e);
    }
    if (ids.length > 0) links.set(a, ids);
  }
  return links;
}

/** The tokens with learned links added: an Arabic token gains the ids learned for its key; a word that gained a link is no longer silent. */
export function applyLinks(en: readonly RawToken[][], ar: readonly RawToken[][], links: LearnedLinks): { en: RawToken[][]; ar: RawToken[][] } {
  const linked = new Set<number>();
  for (const ids of links.values()) ids.forEach((id) => linked.add(id));
  // Sentences no link touches keep their arrays: a long document's tokens are not copied whole.
  const arabic = ar.map((sentence) =>
    sentence.some((t) => links.has(t.key))
      ? sentence.map((t) => {
          const extra = links.get(t.key);
          return extra ? { key: t.key, ids: [...new Set([...t.ids, ...extra])] } : t;
        })
      : sentence,
  );
  const english = en.map((sentence) =>
    sentence.some((t) => t.silent && linked.has(t.ids[0]!)) ? sentence.map((t) => (t.silent && linked.has(t.ids[0]!) ? { key: t.key, ids: t.ids } : t)) : sentence,
  );
  return { en: english, ar: arabic };
}

export interface IndexBead {
  english: readonly number[];
  arabic: readonly number[];
}

/** Whether a learned link joins the two sides of a bead: an Arabic token whose key was linked to an id the English side has. */
function linkedBead(bead: IndexBead, links: LearnedLinks, en: readonly RawToken[][], ar: readonly RawToken[][]): boolean {
  if (bead.english.length === 0 || bead.arabic.length === 0) return false;
  const englishIds = new Set<number>();
  for (const i of bead.english) for (const t of en[i]!) englishIds.add(t.ids[0]!);
  return bead.arabic.some((j) => ar[j]!.some((t) => links.get(t.key)?.some((id) => englishIds.has(id)) ?? false));
}

/**
 * The guard of the second pass: it may change the first only where its change rests on what was
 * learned. Both passes are monotone partitions of the same sentences, so they differ in stretches
 * between boundaries they share; a stretch of the second pass is kept when one of its beads is
 * joined by a learned link, and the first pass's stretch is kept otherwise (a change the links do
 * not explain is the search settling differently, not new evidence).
 */
export function guardSecondPass<B extends IndexBead>(first: readonly B[], second: readonly B[], links: LearnedLinks, en: readonly RawToken[][], ar: readonly RawToken[][]): B[] {
  const out: B[] = [];
  let a = 0;
  let b = 0;
  // Sentences consumed by the beads taken so far from each list: equal at a shared boundary.
  let ai = 0;
  let aj = 0;
  let bi = 0;
  let bj = 0;
  while (a < first.length || b < second.length) {
    const stretchA: B[] = [];
    const stretchB: B[] = [];
    do {
      // Advance whichever list is behind (in sentences of both sides) until they meet again.
      if (b >= second.length || (a < first.length && ai + aj <= bi + bj)) {
        const bead = first[a++]!;
        stretchA.push(bead);
        ai += bead.english.length;
        aj += bead.arabic.length;
      } else {
        const bead = second[b++]!;
        stretchB.push(bead);
        bi += bead.english.length;
        bj += bead.arabic.length;
      }
    } while (ai !== bi || aj !== bj);
    const same = stretchA.length === stretchB.length && stretchA.every((x, k) => sameBead(x, stretchB[k]!));
    out.push(...(same || !stretchB.some((bead) => linkedBead(bead, links, en, ar)) ? stretchA : stretchB));
  }
  return out;
}

const sameBead = (x: IndexBead, y: IndexBead): boolean =>
  x.english.length === y.english.length && x.arabic.length === y.arabic.length && x.english[0] === y.english[0] && x.arabic[0] === y.arabic[0];
