/**
 * Partial coverage inside aligned beads: the runs of words of one side that the word aligner
 * (word-links.ts) finds no counterpart for, each with a confidence that the other version really
 * lacks it. Function words and punctuation inside a run stay in it and never start or end one, so
 * a span reads as a clause, and they never make a span on their own.
 *
 * What makes the confidence is what faces the run on the other side (see word-links.ts): a run
 * whose opposite gap holds as many unlinked words is most often a paraphrase or a gap in the
 * tables; one that faces nothing is missing from the other version. How many of the run's words
 * the tables know at all counts too (words no table knows are where the tables, not the
 * translation, fall short), and so does the run's length.
 */
import type { Word } from '../score/word-evidence.js';
import { beadSide, linkBead, unlinkedRuns, type BeadSide, type UnlinkedRun } from './word-links.js';

export interface UncoveredSpan {
  /** UTF-16 offsets in the sentence text. */
  start: number;
  end: number;
  text: string;
  /** Unlinked content words in the span. */
  words: number;
  /** How sure mizan is that the other version lacks this span, 0 to 1 (SPAN_CONFIDENCE). */
  confidence: number;
}

export interface SentenceMatch {
  /** Content words (words the tokenizer keeps) and how many found a counterpart in the bead. */
  content: number;
  matched: number;
  spans: UncoveredSpan[];
}

export interface SpanFilter {
  /** Unlinked content words a span needs (default 2). */
  minWords?: number;
  /** The confidence a span needs (default DEFAULT_MIN_CONFIDENCE). */
  minConfidence?: number;
}

/**
 * The span model: a logistic function of the run's features. The weights were fitted on the tune
 * part of the bench's clause set only (bench/coverage.ts; every choice there, none on test), where
 * a run is positive when it lies inside a clause one side added.
 */
export const SPAN_CONFIDENCE = {
  bias: 0,
  /** per log(1 + unlinked content words in the run) */
  size: 0,
  /** per log(1 + unlinked content words facing it) */
  facing: 0,
  /** per share of the run's words some table knows */
  known: 0,
} as const;

/** Spans below this confidence are left out unless asked for (`--min-confidence`); chosen on tune. */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

export interface RunFeatures {
  size: number;
  facing: number;
  known: number;
}

export function runFeatures(run: UnlinkedRun, side: BeadSide): RunFeatures {
  let known = 0;
  for (let i = run.from; i <= run.to; i++) if (side.words[i]!.ids.length > 0) known++;
  return { size: run.unlinked, facing: run.oppositeUnlinked, known: known / (run.to - run.from + 1) };
}

export function spanConfidence(f: RunFeatures): number {
  const c = SPAN_CONFIDENCE;
  const z = c.bias + c.size * Math.log1p(f.size) + c.facing * Math.log1p(f.facing) + c.known * f.known;
  return 1 / (1 + Math.exp(-z));
}

/** A run with its features, for the bench that fits SPAN_CONFIDENCE. */
export interface ScoredRun extends RunFeatures {
  /** The run's piece in one sentence: which sentence of the bead's side, and its character span. */
  sentence: number;
  start: number;
  end: number;
  words: number;
  confidence: number;
}

/** Every unlinked run of both sides of a bead, cut at sentence ends, with features and confidence. */
export function beadRuns(english: readonly (readonly Word[])[], arabic: readonly (readonly Word[])[]): { en: ScoredRun[]; ar: ScoredRun[]; linkedEn: boolean[]; linkedAr: boolean[]; en_: BeadSide; ar_: BeadSide } {
  const en = beadSide(english);
  const ar = beadSide(arabic);
  const links = linkBead(en, ar);
  const flipped = links.anchors.map(([i, j]) => [j, i] as [number, number]);
  const scored = (side: BeadSide, runs: UnlinkedRun[]): ScoredRun[] =>
    runs.flatMap((run) => {
      const features = runFeatures(run, side);
      const confidence = spanConfidence(features);
      const pieces: ScoredRun[] = [];
      let from = run.from;
      for (let i = run.from; i <= run.to; i++) {
        if (i === run.to || side.sentence[i + 1] !== side.sentence[i]) {
          pieces.push({ ...features, sentence: side.sentence[i]!, start: side.words[from]!.start, end: side.words[i]!.end, words: i - from + 1, confidence });
          from = i + 1;
        }
      }
      return pieces;
    });
  return {
    en: scored(en, unlinkedRuns(links.linkedEn, links.linkedAr, links.anchors)),
    ar: scored(ar, unlinkedRuns(links.linkedAr, links.linkedEn, flipped)),
    linkedEn: links.linkedEn,
    linkedAr: links.linkedAr,
    en_: en,
    ar_: ar,
  };
}

/**
 * Each sentence of both sides of one bead: content words, how many are linked, and the spans that
 * pass `filter`. `texts` are the sentences' texts, for the spans' text.
 */
export function matchBead(
  english: readonly (readonly Word[])[],
  arabic: readonly (readonly Word[])[],
  texts: { en: readonly string[]; ar: readonly string[] },
  filter: SpanFilter = {},
): { en: SentenceMatch[]; ar: SentenceMatch[] } {
  const minWords = filter.minWords ?? 2;
  const minConfidence = filter.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const runs = beadRuns(english, arabic);
  const matches = (sentences: readonly (readonly Word[])[], side: BeadSide, linked: boolean[], scored: ScoredRun[], sentenceTexts: readonly string[]): SentenceMatch[] => {
    const out: SentenceMatch[] = sentences.map(() => ({ content: 0, matched: 0, spans: [] }));
    side.sentence.forEach((s, i) => {
      out[s]!.content++;
      if (linked[i]) out[s]!.matched++;
    });
    for (const run of scored) {
      if (run.words < minWords || run.confidence < minConfidence) continue;
      const text = sentenceTexts[run.sentence]!;
      out[run.sentence]!.spans.push({ start: run.start, end: run.end, text: text.slice(run.start, run.end), words: run.words, confidence: run.confidence });
    }
    return out;
  };
  return {
    en: matches(english, runs.en_, runs.linkedEn, runs.en, texts.en),
    ar: matches(arabic, runs.ar_, runs.linkedAr, runs.ar, texts.ar),
  };
}
