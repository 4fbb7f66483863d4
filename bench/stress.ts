/**
 * Stress perturbations for the learned-evidence work (issue 9), pure functions over arrays like
 * perturb.ts. Each keeps the gold exact by changing text only inside a bead:
 *  - `addClauses`: a 1:1 document where some sentences grow a clause (5-12 words of a sentence of
 *    ANOTHER document, in the same language) on one side. The gold stays all 1-1: a translation
 *    that says a little more is still that sentence's translation, and an aligner that makes the
 *    sentence one-sided because of the extra words is wrong.
 *  - `glueArabicLines`: the Arabic side loses its spaces in a share of its lines, as text pulled
 *    from PDFs or badly encoded pages does.
 *  - `dropArabicStops`: a share of the Arabic sentences lose their final full stop (a closing
 *    quote or bracket after or before it stays), as Arabic news often writes `"` where the English
 *    has `."`: in raw text the splitter then sees two sentences as one.
 *  - `halveLexicon`: a dictionary with a seeded half of its keys, to see how much the aligner leans
 *    on the dictionary's coverage.
 */
import type { GoldBead, Pair, Side } from './perturb.js';
import { type Rng, sampleIndices } from './rng.js';

/** Clause lengths in words, and how many tries to find a donor sentence long enough. */
export const CLAUSE_WORDS = { min: 5, max: 12 } as const;
const DONOR_TRIES = 20;

/** Sentence-ending marks and quotes: inside a clause they would end the host sentence early. */
const ENDS = /[.!?؟…;؛:"“”«»]+/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * `min`-`max` consecutive words of `sentence` (at a random place), without sentence-ending marks or
 * quotes and without words that are punctuation only; undefined when the sentence is too short.
 */
export function clauseOf(sentence: string, rng: Rng, min: number = CLAUSE_WORDS.min, max: number = CLAUSE_WORDS.max): string | undefined {
  const words = sentence
    .split(/\s+/u)
    .map((w) => w.replace(ENDS, ''))
    .filter((w) => HAS_WORD.test(w));
  if (words.length < min) return undefined;
  const k = min + rng.int(Math.min(max, words.length) - min + 1);
  const start = rng.int(words.length - k + 1);
  return words
    .slice(start, start + k)
    .join(' ')
    .replace(/^[,،]+|[,،]+$/gu, '');
}

/** Trailing sentence punctuation and closing quotes/brackets of a sentence. */
const TAIL = /[.!?؟…"”»')\]]*$/u;

/** A sentence grown by a clause, and where the clause stands in it (UTF-16 offsets, end exclusive). */
export interface PlacedClause {
  text: string;
  start: number;
  end: number;
  /** Where it went: a middle draw with no bare word to follow falls back to the end. */
  where: 'end' | 'middle';
}

/**
 * `host` with `clause` joined by a comma (Arabic comma on the Arabic side): at the end (before the
 * final punctuation) or, with `middle`, after a word in the middle that carries no punctuation of
 * its own (falling back to the end when there is none). The span is the clause's exact place, so
 * the partial-coverage benchmark has exact gold: `text.slice(start, end) === clause`.
 */
export function placeClause(host: string, clause: string, side: Side, middle: boolean, rng: Rng): PlacedClause {
  const comma = side === 'ar' ? '،' : ',';
  if (middle) {
    const words = host.split(' ');
    const spots = words.map((_, i) => i).filter((i) => i >= 1 && i < words.length - 1 && /[\p{L}\p{N}]$/u.test(words[i - 1]!));
    if (spots.length > 0) {
      const at = spots[rng.int(spots.length)]!;
      const before = `${words.slice(0, at).join(' ')}${comma} `;
      return { text: `${before}${clause}${comma} ${words.slice(at).join(' ')}`, start: before.length, end: before.length + clause.length, where: 'middle' };
    }
  }
  const tail = TAIL.exec(host)?.[0] ?? '';
  const body = host.slice(0, host.length - tail.length).replace(/[,،\s]+$/u, '');
  const before = `${body}${comma} `;
  return { text: `${before}${clause}${tail}`, start: before.length, end: before.length + clause.length, where: 'end' };
}

/** `placeClause`'s sentence alone. */
export function insertClause(host: string, clause: string, side: Side, middle: boolean, rng: Rng): string {
  return placeClause(host, clause, side, middle, rng).text;
}

export interface ClauseEvent {
  /** Index of the pair (and of its 1-1 bead). */
  index: number;
  side: Side;
  clause: string;
  where: 'end' | 'middle';
  /** The clause's place in the grown sentence (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
}

/**
 * The clause set's document: every pair a 1-1 bead; round(rate × pairs) of them, chosen at random,
 * get a clause on a side chosen per event, from a random sentence of `donors` (sentences of other
 * documents of the same corpus), at the end or in the middle (even odds).
 */
export function addClauses(pairs: readonly Pair[], donors: readonly Pair[], rate: number, rng: Rng): { beads: GoldBead[]; events: ClauseEvent[] } {
  const events: ClauseEvent[] = [];
  const chosen = new Set(sampleIndices(pairs.length, Math.round(pairs.length * rate), rng));
  const beads = pairs.map((pair, index): GoldBead => {
    if (!chosen.has(index) || donors.length === 0) return { en: [pair.en], ar: [pair.ar] };
    const side: Side = rng.chance(0.5) ? 'en' : 'ar';
    let clause: string | undefined;
    for (let t = 0; t < DONOR_TRIES && clause === undefined; t++) clause = clauseOf(donors[rng.int(donors.length)]![side], rng);
    if (clause === undefined) return { en: [pair.en], ar: [pair.ar] };
    const middle = rng.chance(0.5);
    const placed = placeClause(pair[side], clause, side, middle, rng);
    events.push({ index, side, clause, where: placed.where, start: placed.start, end: placed.end });
    const grown = placed.text;
    return side === 'en' ? { en: [grown], ar: [pair.ar] } : { en: [pair.en], ar: [grown] };
  });
  return { beads, events };
}

/** Characters next to which a space stays: Latin letters and digits (so numbers and names stay apart). */
const KEEPS_SPACE = /[A-Za-z0-9\u0660-\u0669\u06f0-\u06f9]/u;

/**
 * The line with every whitespace run removed, except where a neighbour of the run is a Latin letter
 * or a digit: gluing "2020 15" into "202015" would change a number, which is another defect.
 */
export function glueArabic(line: string): string {
  return line.replace(/\s+/gu, (space, at: number, all: string) =>
    KEEPS_SPACE.test(all[at - 1] ?? '') || KEEPS_SPACE.test(all[at + space.length] ?? '') ? space : '');
}

/**
 * The beads with `glueArabic` applied to round(share × Arabic lines) Arabic lines chosen at random
 * (over the whole document, one-sided beads included). Returns how many lines changed too.
 */
export function glueArabicLines(beads: readonly GoldBead[], share: number, rng: Rng): { beads: GoldBead[]; glued: number } {
  const total = beads.reduce((n, b) => n + b.ar.length, 0);
  const chosen = new Set(sampleIndices(total, Math.round(total * share), rng));
  let at = 0;
  let glued = 0;
  const out = beads.map((bead) => ({
    en: bead.en,
    ar: bead.ar.map((line) => {
      if (!chosen.has(at++)) return line;
      const after = glueArabic(line);
      if (after !== line) glued++;
      return after;
    }),
  }));
  return { beads: out, glued };
}

/**
 * A lexicon file (`key<TAB>stems` lines, `#` comments) with floor(keys / 2) of its distinct keys,
 * chosen at random; every line of a kept key is kept, in file order, comments too.
 */
export function halveLexicon(text: string, rng: Rng): { text: string; keys: number; kept: number } {
  const lines = text.split('\n').filter((line) => line.length > 0);
  const keyOf = (line: string): string | undefined => (line.startsWith('#') || !line.includes('\t') ? undefined : line.slice(0, line.indexOf('\t')));
  const keys = [...new Set(lines.map(keyOf).filter((k): k is string => k !== undefined))];
  const keep = new Set(sampleIndices(keys.length, Math.floor(keys.length / 2), rng).map((i) => keys[i]!));
  const out = lines.filter((line) => {
    const key = keyOf(line);
    return key === undefined || keep.has(key);
  });
  return { text: out.map((l) => `${l}\n`).join(''), keys: keys.length, kept: keep.size };
}

/** The closing marks that may stand around a final stop: `."`, `".`, `).`, `.»`. */
const CLOSERS = '"”»\'’)\\]';
const STOP_TAIL = new RegExp(`[.${CLOSERS}]*$`, 'u');

/**
 * The sentence without its final full stop, closing quotes and brackets kept (`قال ."` → `قال "`,
 * `(...).` → `(...)`); undefined when it does not end with exactly one full stop (a question, an
 * ellipsis, a heading).
 */
export function dropFinalStop(sentence: string): string | undefined {
  const tail = STOP_TAIL.exec(sentence)?.[0] ?? '';
  if ((tail.match(/\./gu)?.length ?? 0) !== 1) return undefined;
  const body = sentence.slice(0, sentence.length - tail.length);
  return `${body}${tail.replace('.', '')}`.trimEnd();
}

/**
 * The nostop document: round(share × Arabic lines) of its Arabic lines (drawn among those that end
 * with one full stop, over the whole document) lose that stop. The gold's beads are unchanged; the
 * lines changed are returned (0-based Arabic line indices), for raw text to run them on, with how
 * many of them keep a closing quote.
 */
export function dropArabicStops(beads: readonly GoldBead[], share: number, rng: Rng): { beads: GoldBead[]; dropped: number[]; quoted: number } {
  const lines = beads.flatMap((b) => b.ar);
  const candidates = lines.map((_, i) => i).filter((i) => dropFinalStop(lines[i]!) !== undefined);
  const want = Math.min(candidates.length, Math.round(lines.length * share));
  const dropped = sampleIndices(candidates.length, want, rng).map((k) => candidates[k]!);
  const chosen = new Set(dropped);
  let at = 0;
  let quoted = 0;
  const out = beads.map((bead) => ({
    en: bead.en,
    ar: bead.ar.map((line) => {
      if (!chosen.has(at++)) return line;
      const after = dropFinalStop(line)!;
      if (/["”»'’]$/u.test(after)) quoted++;
      return after;
    }),
  }));
  return { beads: out, dropped, quoted };
}
