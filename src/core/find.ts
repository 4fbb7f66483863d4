/**
 * Finding text in an alignment the way a reviewer means it: case does not matter, and in Arabic
 * neither do diacritics, tatweel, the hamza forms of alef, alef maqsura or ta marbuta (the same
 * light normalisation the aligner matches words with, normalize.ts), so searching اسلامية finds
 * الإسلاميّة.
 */
import { normalizeArabic } from './text/normalize.js';
import type { Alignment, SegmentedText } from './types.js';

/** The searchable form of any text, Arabic or Latin; whitespace runs become one space. */
function searchForm(text: string): string {
  return normalizeArabic(text).toLowerCase().replace(/\s+/gu, ' ');
}

// Segment texts never change under a reviewer's edits, only the beads do: normalise each text once.
const formsCache = new WeakMap<SegmentedText, string[]>();

function forms(text: SegmentedText): string[] {
  let cached = formsCache.get(text);
  if (!cached) {
    cached = text.segments.map((s) => searchForm(s.text));
    formsCache.set(text, cached);
  }
  return cached;
}

/** Indices of the beads whose sentences, on either side, contain `query`; in document order. */
export function findBeads(alignment: Alignment, query: string): number[] {
  const needle = searchForm(query).trim();
  if (needle === '') return [];
  const source = forms(alignment.source);
  const target = forms(alignment.target);
  const found: number[] = [];
  alignment.beads.forEach((bead, k) => {
    if (bead.source.some((i) => source[i]?.includes(needle)) || bead.target.some((j) => target[j]?.includes(needle))) found.push(k);
  });
  return found;
}
