/**
 * One document pair from files (or strings) to an Alignment: language detection, segmentation,
 * alignment. Shared by align, batch and review so they all refuse bad input the same way.
 */
import { alignTexts } from '../core/align/align.js';
import { guidedSplit } from '../core/align/guided-split.js';
import { DEFAULT_STRATEGY, STRATEGIES } from '../core/align/strategies.js';
import type { Strategy } from '../core/align/strategy.js';
import type { Evidence } from '../core/evidence.js';
import { detectLanguage, segmentPresplit, segmentText } from '../core/text/segment.js';
import type { Alignment, SegmentedText } from '../core/types.js';
import { formatAlignmentFile } from '../formats/alignment-file.js';
import { CliError, UsageError } from './errors.js';
import { inputMeta, type InputFile } from './input.js';

export interface PipelineOptions {
  presplit: boolean;
  strategy: Strategy;
  evidence: Evidence;
}

export function strategyNamed(name: string | undefined): Strategy {
  const strategy = STRATEGIES[name ?? DEFAULT_STRATEGY];
  if (!strategy) throw new UsageError(`unknown aligner "${name}"; choose one of: ${Object.keys(STRATEGIES).join(', ')}`);
  return strategy;
}

/** The strategy a saved alignment's aligner signature names ("mizan:v2|…"), when this mizan has it. */
export function strategyOfSignature(signature: string): Strategy | undefined {
  return STRATEGIES[signature.split(':')[0] ?? ''];
}

const LANGUAGE_NAME = { ar: 'Arabic', en: 'English' } as const;

function segmented(input: InputFile, presplit: boolean): SegmentedText {
  const lang = detectLanguage(input.text);
  if (!lang) throw new CliError(`${input.path} has no Arabic or English text`);
  return { lang, segments: presplit ? segmentPresplit(input.text) : segmentText(input.text, lang) };
}

export function alignInputs(source: InputFile, target: InputFile, options: PipelineOptions): Alignment {
  const sourceText = segmented(source, options.presplit);
  const targetText = segmented(target, options.presplit);
  if (sourceText.lang === targetText.lang) {
    throw new CliError(
      `${source.path} and ${target.path} are both ${LANGUAGE_NAME[sourceText.lang]}; mizan aligns an Arabic text with an English one`,
    );
  }
  const aligned = alignTexts(sourceText, targetText, {
    strategy: options.strategy,
    evidence: options.evidence,
    boilerplate: !options.presplit,
  });
  // Sentences the segmenter glued (no stop between them) show as 1-2 beads; the other side's word
  // links say where to cut. A presplit input's lines are the user's segments: never cut them.
  const alignment = options.presplit ? aligned : guidedSplit(aligned, options.evidence, { source: source.text, target: target.text });
  for (const [input, side] of [[source, 'source'], [target, 'target']] as const) {
    const sentences = alignment.beads.some((b) => b.flag !== 'boilerplate' && b[side].length > 0);
    if (!sentences) throw new CliError(`${input.path} has no sentences left once its boilerplate (titles, bylines, dates, footers) is set aside`);
  }
  return alignment;
}

export function signature(options: PipelineOptions): string {
  return `${options.strategy.signature}|${options.evidence.signature}|${options.presplit ? 'presplit' : 'segmented'}`;
}

export function saveFormat(alignment: Alignment, source: InputFile, target: InputFile, options: PipelineOptions): string {
  return formatAlignmentFile(alignment, {
    created: new Date().toISOString(),
    aligner: signature(options),
    presplit: options.presplit,
    source: inputMeta(source),
    target: inputMeta(target),
  });
}
