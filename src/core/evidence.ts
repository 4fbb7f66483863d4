/**
 * Everything the aligner may count as a sign that two sentences translate each other, in one value
 * that flows from the CLI (which reads the shipped tables) to the tokenizers and the search.
 * Each part can be turned off by name (`--evidence`), so what each one buys can be measured apart.
 */
import type { Lexicon } from './lexicon.js';
import type { NameModel } from './score/name-model.js';

/** The parts of the evidence, by the names `--evidence` takes. */
export const EVIDENCE_PARTS = ['dict', 'model', 'names', 'self', 'unknown', 'thin', 'repair'] as const;
export type EvidencePart = (typeof EVIDENCE_PARTS)[number];

/** One line each, for `--help`. */
export const EVIDENCE_HELP: Readonly<Record<EvidencePart, string>> = {
  dict: 'the dictionary (data/lexicon)',
  model: 'translations learned from parallel text',
  names: 'names by a learned transliteration model',
  self: 'links learned from the input, a 2nd pass',
  unknown: 'a word no table knows is silence',
  thin: 'thin evidence lowers the bar for a pair',
  repair: 'glued and broken words mended for scoring',
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
