/**
 * The evidence a command aligns with, read from the shipped tables: the dictionary (or the file
 * `--lexicon` names) and the parts `--evidence` keeps. Read once per process (per batch worker).
 */
import { EVIDENCE_HELP, EVIDENCE_PARTS, type Evidence, type EvidencePart, parseEvidenceParts } from '../core/evidence.js';
import { EMPTY_LEXICON } from '../core/lexicon.js';
import { joinLexicons } from '../core/model.js';
import { UsageError } from './errors.js';
import { loadLexicon } from './lexicon-file.js';
import { loadModel } from './model-file.js';
import { loadNameModel } from './names-file.js';

/** What the command line says about evidence: plain strings, so a batch can hand them to its workers. */
export interface EvidenceSpec {
  /** A lexicon file instead of data/lexicon/ar-en.tsv.gz. */
  lexicon?: string | undefined;
  /** A translation model file instead of data/model/ar-en.tsv.gz (see scripts/build-model.ts). */
  model?: string | undefined;
  /** Comma-separated parts (see EVIDENCE_PARTS); default all. */
  evidence?: string | undefined;
}

export const EVIDENCE_OPTIONS = {
  lexicon: { type: 'string' },
  model: { type: 'string' },
  evidence: { type: 'string' },
} as const;

export const EVIDENCE_OPTIONS_HELP = `  --evidence LIST   the evidence to align with, comma-separated (default all;
                    e.g. --evidence dict,names for those two only):
${EVIDENCE_PARTS.map((part) => `                    ${part.padEnd(8)}${EVIDENCE_HELP[part]}`).join('\n')}
  --lexicon FILE    a dictionary of your own (key<TAB>stem stem ..., see
                    data/lexicon/README.md) instead of the shipped one
  --model FILE      a translation model of your own (npm run build-model, see
                    data/model/README.md) instead of the shipped one
`;

export function evidenceParts(spec: EvidenceSpec): Set<EvidencePart> {
  try {
    return parseEvidenceParts(spec.evidence ?? 'all');
  } catch (error) {
    throw new UsageError(`--evidence: ${(error as Error).message}`);
  }
}

export function loadEvidence(spec: EvidenceSpec = {}): Evidence {
  const parts = evidenceParts(spec);
  const dictionary = parts.has('dict') || spec.lexicon !== undefined ? loadLexicon(spec.lexicon) : EMPTY_LEXICON;
  const model = parts.has('model') || spec.model !== undefined ? loadModel(spec.model) : null;
  const lexicon = model ? joinLexicons(dictionary, model) : dictionary;
  const names = parts.has('names') ? loadNameModel() : null;
  const on = [...parts].join('+') || 'none';
  return {
    lexicon,
    names,
    selfTrain: parts.has('self'),
    unknownAsSilence: parts.has('unknown'),
    adaptThreshold: parts.has('thin'),
    repairWords: parts.has('repair'),
    signature: `evidence=${on}|lexicon=${dictionary.size}${model ? `|model=${model.version}` : ''}${names ? `|names=${names.version}` : ''}`,
  };
}
