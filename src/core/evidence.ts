/**
 * Everything the aligner may count as a sign that two sentences translate each other, in one value
 * that flows from the CLI (which reads the shipped tables) to the tokenizers and the search.
 * Each part can be turned off by name (`--evidence`), so what each one buys can be measured apart.
 */
import type { Lexicon } from './lexicon.js';
import { EMPTY_LEXICON } from './lexicon.js';
import type { NameModel } from './score/name-model.js';

/** The parts of the evidence, by the names `--evidence` takes. */
export const EVIDENCE_PARTS = ['dict', 'model', 'names', 'self', 'unknown', 'thin', 'repair'] as const;
export type EvidencePart = (typeof EVIDENCE_PARTS)[number];

export const EVIDENCE_HELP: Readonly<Record<EvidencePart, string>> = {
  dict: 'the dictionary lexicon (data/lexicon)',
  model: 'word translations learned from parallel text (data/model)',
  names: 'names across scripts by a learned transliteration model (data/names)',
  self: 'word translations re-learned from the input\'s confident pairs, then a second pass',
  unknown: 'a word no table knows counts as missing evidence, not as evidence against',
  thin: 'where the tables know little of a document, its bar for a pair is lowered toward chance, so length and position carry',
  repair: 'Arabic words glued by lost spaces are split, English words broken by stray spaces rejoined',
};

export interface Evidence {
  /** The dictionary, joined with the learned model when that part is on; empty when neither is. */
  lexicon: Lexicon;
  /** Confirms name candidates when on; null falls back to the consonant-skeleton rule. */
  names: NameModel | null;
  /** Re-estimate word translations from the input's confident beads and align again. */
  selfTrain: boolean;
  /** Weigh words that no evidence knows as silence rather than as mismatch. */
  unknownAsSilence: boolean;
  /** Lower the bar for a pair in a document whose words the tables barely know (align/thin-evidence.ts). */
  adaptThreshold: boolean;
  /** Split glued Arabic words and rejoin broken English ones before scoring (the text is untouched). */
  repairWords: boolean;
  /** A short description for the signature saved with every result. */
  signature: string;
}

/** Evidence from a lexicon alone, every run-time part on: what tests and library callers mostly want. */
export function lexiconEvidence(lexicon: Lexicon, parts: Partial<Omit<Evidence, 'lexicon' | 'signature'>> = {}): Evidence {
  return {
    lexicon,
    names: null,
    selfTrain: true,
    unknownAsSilence: true,
    adaptThreshold: true,
    repairWords: true,
    signature: `lexicon=${lexicon.size}`,
    ...parts,
  };
}

/** The same evidence with nothing learned at run time and no repair: the dictionary-only aligner of before. */
export function plainEvidence(lexicon: Lexicon): Evidence {
  return lexiconEvidence(lexicon, { selfTrain: false, unknownAsSilence: false, adaptThreshold: false, repairWords: false });
}

export const NO_EVIDENCE: Evidence = plainEvidence(EMPTY_LEXICON);

/** Parses a comma-separated `--evidence` list; throws a one-line message naming the bad part. */
export function parseEvidenceParts(list: string): Set<EvidencePart> {
  const parts = new Set<EvidencePart>();
  for (const raw of list.split(',').map((p) => p.trim()).filter(Boolean)) {
    if (raw === 'all') EVIDENCE_PARTS.forEach((p) => parts.add(p));
    else if (raw === 'none') continue;
    else if ((EVIDENCE_PARTS as readonly string[]).includes(raw)) parts.add(raw as EvidencePart);
    else throw new Error(`unknown evidence "${raw}"; choose from: ${EVIDENCE_PARTS.join(', ')}, all, none`);
  }
  return parts;
}
