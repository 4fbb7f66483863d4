/**
 * Numbers, dates and names that differ between the two sides of an aligned bead ("129" against
 * "130"). Values come from the aligner's tokens (score/numbers.ts: "300,000" and "300 ألف" are both
 * #300000, "Nov" and "نوفمبر" both @11), so equal values written differently do not differ. Each
 * side's distinct values are sorted — word order differs between the languages ("Nov 13" / "13 نوفمبر") —
 * and compared with jsdiff's diffArrays, which keeps what both share and returns the rest.
 * Names are words marked `name` (word-evidence.ts) with no counterpart in the bead — no link in
 * word-links.ts's sense, an id shared with a word anywhere on the other side —; one is a
 * discrepancy only when the other side has an unmatched name too (otherwise it is just uncovered).
 */
import { diffArrays } from 'diff';
import { hasCounterpart, idsOf, isValue, type Word } from '../score/word-evidence.js';

export type DiscrepancyKind = 'number' | 'date' | 'name';

export interface Mention {
  /** 0-based index of the sentence within its side of the bead. */
  sentence: number;
  start: number;
  end: number;
  text: string;
  /** The compared value ("130", "month 11") or, for a name, the word. */
  value: string;
}

export interface Discrepancy {
  kind: DiscrepancyKind;
  english: Mention[];
  arabic: Mention[];
}

interface Valued {
  key: string;
  mention: Mention;
}

const kindOf = (key: string): DiscrepancyKind => (key.startsWith('@') ? 'date' : 'number');
const shown = (key: string) => (key.startsWith('@') ? `month ${key.slice(1)}` : key.slice(1));

/** Distinct values, first mention each: "13 نوفمبر /تشرين الثاني" names month 11 twice, and says it once. */
function values(sentences: readonly (readonly Word[])[]): Valued[] {
  const out: Valued[] = [];
  const seen = new Set<string>();
  sentences.forEach((words, sentence) => {
    for (const w of words) {
      if (w.key !== null && isValue(w.key) && !seen.has(w.key) && seen.add(w.key)) out.push({ key: w.key, mention: { sentence, start: w.start, end: w.end, text: w.text, value: shown(w.key) } });
    }
  });
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.mention.sentence - b.mention.sentence || a.mention.start - b.mention.start));
}

function valueDiscrepancies(english: readonly (readonly Word[])[], arabic: readonly (readonly Word[])[]): Discrepancy[] {
  const en = values(english);
  const ar = values(arabic);
  const byKind = new Map<DiscrepancyKind, Discrepancy>();
  const entry = (kind: DiscrepancyKind) => {
    let d = byKind.get(kind);
    if (!d) byKind.set(kind, (d = { kind, english: [], arabic: [] }));
    return d;
  };
  let i = 0;
  let j = 0;
  for (const part of diffArrays(en.map((v) => v.key), ar.map((v) => v.key))) {
    for (const key of part.value) {
      if (part.removed) entry(kindOf(key)).english.push(en[i++]!.mention);
      else if (part.added) entry(kindOf(key)).arabic.push(ar[j++]!.mention);
      else i++, j++;
    }
  }
  return [...byKind.values()];
}

function unmatchedNames(mine: readonly (readonly Word[])[], theirs: readonly (readonly Word[])[]): Mention[] {
  const other = idsOf(theirs);
  return mine.flatMap((words, sentence) =>
    words.filter((w) => w.name && !hasCounterpart(w, other)).map((w) => ({ sentence, start: w.start, end: w.end, text: w.text, value: w.text })),
  );
}

/** The discrepancies of one aligned bead, given the words of its English and its Arabic sentences. */
export function beadDiscrepancies(english: readonly (readonly Word[])[], arabic: readonly (readonly Word[])[]): Discrepancy[] {
  const out = valueDiscrepancies(english, arabic);
  const enNames = unmatchedNames(english, arabic);
  const arNames = unmatchedNames(arabic, english);
  if (enNames.length > 0 && arNames.length > 0) out.push({ kind: 'name', english: enNames, arabic: arNames });
  return out;
}
