/**
 * The mizan strategy: lexical, name, number and length evidence (features.ts, bead-score.ts)
 * in a coarse-to-fine monotone search (search.ts), against a bar set by how much evidence the
 * document offers (thin-evidence.ts); then, with self-training on, a second search in a narrow
 * band around the first, with word links learned from the first pass's confident beads
 * (self-train.ts). Each part is switched by the Evidence it is given.
 */
import type { Evidence } from '../evidence.js';
import type { ScoreParams } from '../score/bead-score.js';
import { type DocumentFeatures, type DocumentTokens, featuresFromTokens, tokenizeDocument } from '../score/features.js';
import { applyLinks, guardSecondPass, type LearnedLinks, learnLinks } from '../score/self-train.js';
import { estimateRatio } from '../score/length.js';
import type { Band, PathBead } from './dp.js';
import { refineBand, search, SENTENCE_SHAPES } from './search.js';
import { documentThreshold } from './thin-evidence.js';
import type { Strategy, StrategyBead, StrategyInput } from './strategy.js';

export const MIZAN_PARAMS: ScoreParams = {
  threshold: 0.2,
  shapePenalty: { '1-2': 0.1, '2-1': 0.1, '2-2': 0.6, '1-3': 0.3, '3-1': 0.3 },
  lengthWeight: 0.05,
  paragraphBonus: 0.05,
  entryCost: 1,
  followBonus: 0.15,
};

/**
 * The run-entry cost (dp.ts) grows to its full value over the first ENTRY_RAMP sentence pairs: it
 * weighs evidence that a whole text is parallel, which a one- or two-sentence pair cannot give,
 * and such a pair must still align.
 */
const ENTRY_RAMP = 10;

/** Maps a similarity to a confidence: 0.5 at the threshold, near 1 well above it. */
const SHARPNESS = 10;
const logistic = (x: number) => 1 / (1 + Math.exp(-SHARPNESS * x));
/** A one-sided sentence is as certain as its best near counterpart is poor. */
const NEIGHBOURHOOD = 2;

/** Aligned beads of the first pass at least this confident (logistic score) teach the second. */
export const CONFIDENT = 0.75;

/** One search over the given features: the beads with their confidence. */
function pass(input: StrategyInput, features: DocumentFeatures, params: ScoreParams, band?: Band): { beads: StrategyBead[]; path: PathBead[] } {
  const ratio = estimateRatio(features.en.map((u) => u.chars), features.ar.map((u) => u.chars));
  const n = features.en.length;
  const m = features.ar.length;
  const entryCost = params.entryCost * Math.min(1, Math.max(0, Math.min(n, m) - 1) / ENTRY_RAMP);
  const { path, scorer } = search(
    {
      ...features,
      ratio,
      enParagraphStart: input.englishParagraphStart,
      arParagraphStart: input.arabicParagraphStart,
      enBreakAfter: input.englishBreakAfter,
      arBreakAfter: input.arabicBreakAfter,
    },
    { ...params, entryCost },
    SENTENCE_SHAPES,
    0,
    band,
  );
  /** Best 1-1 similarity of one sentence with the other side's sentences near boundary `other`. */
  const bestNear = (english: boolean, index: number, other: number): number => {
    let best = 0;
    const limit = english ? m : n;
    for (let k = Math.max(0, other - NEIGHBOURHOOD); k < Math.min(limit, other + NEIGHBOURHOOD); k++) {
      best = Math.max(best, english ? scorer.similarity(index, index + 1, k, k + 1) : scorer.similarity(k, k + 1, index, index + 1));
    }
    return best;
  };
  const beads = path.map(({ i, j, di, dj }) => {
    const english = Array.from({ length: di }, (_, k) => i + k);
    const arabic = Array.from({ length: dj }, (_, k) => j + k);
    let score: number;
    if (di > 0 && dj > 0) score = logistic(scorer.similarity(i, i + di, j, j + dj) - params.threshold);
    else score = di > 0 ? logistic(params.threshold - bestNear(true, i, j)) : logistic(params.threshold - bestNear(false, j, i));
    return { english, arabic, score };
  });
  return { beads, path };
}

/** How far the second pass may move a bead around a sentence a learned link touches, in sentences. */
export const REFINE_MARGIN = 3;

/**
 * The sentences a learned link touches that the first pass was not sure of: links among sentences
 * that are all in confident beads could only confirm what they say, so only the neighbourhoods of
 * these are searched again (none: no second pass at all).
 */
function unsureTouched(links: LearnedLinks, tokens: DocumentTokens, confident: readonly StrategyBead[]): { english: number[]; arabic: number[] } {
  const sureEnglish = new Set(confident.flatMap((b) => b.english));
  const sureArabic = new Set(confident.flatMap((b) => b.arabic));
  const linkedEnglish = new Set<number>();
  for (const ids of links.values()) ids.forEach((id) => linkedEnglish.add(id));
  const english = tokens.en.flatMap((sentence, i) => (!sureEnglish.has(i) && sentence.some((t) => linkedEnglish.has(t.ids[0]!)) ? [i] : []));
  const arabic = tokens.ar.flatMap((sentence, j) => (!sureArabic.has(j) && sentence.some((t) => links.has(t.key)) ? [j] : []));
  return { english, arabic };
}

/** The first pass, the document's bar, and the features a second pass reuses for the sentences no link touches. */
function firstPass(
  input: StrategyInput,
  tokens: DocumentTokens,
  evidence: Evidence,
  base: ScoreParams,
): { beads: StrategyBead[]; path: PathBead[]; params: ScoreParams; features: DocumentFeatures } {
  const features = featuresFromTokens(input.english, input.arabic, tokens);
  // The bar is the document's, set once from what the tables know; learned links may only help clear it.
  const params = evidence.adaptThreshold ? { ...base, threshold: documentThreshold(features.en, features.ar, features.vocabularySize, base.threshold) } : base;
  return { ...pass(input, features, params), params, features };
}

function align(input: StrategyInput, evidence: Evidence, params = MIZAN_PARAMS): StrategyBead[] {
  const tokens = tokenizeDocument(input.english, input.arabic, evidence);
  const first = firstPass(input, tokens, evidence, params);
  if (!evidence.selfTrain) return first.beads;
  const confident = first.beads.filter((b) => b.english.length > 0 && b.arabic.length > 0 && b.score >= CONFIDENT);
  const links = learnLinks(confident, tokens.en, tokens.ar);
  const touched = unsureTouched(links, tokens, confident);
  if (touched.english.length === 0 && touched.arabic.length === 0) return first.beads;
  const taught = { ...tokens, ...applyLinks(tokens.en, tokens.ar, links) };
  const band = refineBand(first.path, tokens.en.length, tokens.ar.length, touched.english, touched.arabic, REFINE_MARGIN);
  const features = featuresFromTokens(input.english, input.arabic, taught, { tokens, features: first.features });
  return guardSecondPass(first.beads, pass(input, features, first.params, band).beads, links, tokens.en, tokens.ar);
}

export const mizanStrategy: Strategy = {
  name: 'mizan',
  signature: `mizan:v2|t=${MIZAN_PARAMS.threshold}|len=${MIZAN_PARAMS.lengthWeight}|par=${MIZAN_PARAMS.paragraphBonus}|entry=${MIZAN_PARAMS.entryCost}|follow=${MIZAN_PARAMS.followBonus}`,
  align: (input, evidence) => align(input, evidence),
};
