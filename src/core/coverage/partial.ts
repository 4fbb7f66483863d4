/**
 * Partial coverage inside aligned beads: the runs of words of one side that the word aligner
 * (word-links.ts) finds no counterpart for, each with a confidence that the other version really
 * lacks it. Function words and punctuation inside a run stay in it and never start or end one, so
 * a span reads as a clause, and they never make a span on their own.
 *
 * Most unlinked runs are not missing text: they are words the tables do not know or a translator
 * rephrased. What sets a dropped clause apart, and what the confidence weighs:
 *  - length: a clause one version added makes that side longer than the document's usual ratio,
 *    and the ratio comes back to the norm without the run;
 *  - what faces it: a rephrasing leaves unlinked words on the other side too, in the same place,
 *    and so does a bead whose other side has many unlinked words in all;
 *  - its size, and its side: the tables link fewer Arabic words, so an Arabic run means less.
 * bench/fit-spans.ts fits the weights and shows what each feature buys (--ablate).
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
  /** Unlinked content words a span needs (default DEFAULT_MIN_SPAN_WORDS). */
  minWords?: number;
  /** The confidence a span needs (default DEFAULT_MIN_CONFIDENCE). */
  minConfidence?: number;
}

export const DEFAULT_MIN_SPAN_WORDS = 2;

/**
 * The span model: a logistic function of the run's features (RunFeatures), fitted on the tune part
 * of the bench's partial-coverage set only (bench/fit-spans.ts, issue 10), where a run is positive
 * when most of its words lie inside a clause one side added, each run weighted by its words.
 */
export const SPAN_CONFIDENCE = {
  bias: -7.087,
  size: 5.487,
  facing: -1.725,
  excess: 4.831,
  misfitWithout: -3.025,
  otherUnlinked: -0.811,
  arabic: -2.78,
} as const;

/**
 * Spans below this confidence are left out unless asked for (`--min-confidence`): the threshold
 * with the best F1 of clause recall and word precision on tune (bench/fit-spans.ts).
 */
export const DEFAULT_MIN_CONFIDENCE = 0.3;

/** What the model reads of one run; see SPAN_CONFIDENCE. */
export interface RunFeatures {
  /** log(1 + unlinked content words in the run). */
  size: number;
  /** log(1 + unlinked content words facing it on the other side). */
  facing: number;
  /** How much longer (log of characters) the run's side is than the document's ratio says. */
  excess: number;
  /** How far (absolute log) the ratio is from the document's once the run is taken out. */
  misfitWithout: number;
  /** log(1 + unlinked content words of the other side, in all). */
  otherUnlinked: number;
  /** 1 for a run of Arabic words, whose tables link fewer words, 0 for English. */
  arabic: number;
}

/**
 * The bead as the span model sees it: each side's characters, and the document's usual ratio
 * log(Arabic characters / English characters) (coverage.ts works it out once per document).
 */
export interface BeadShape {
  enChars: number;
  arChars: number;
  logRatio: number;
}

export function spanConfidence(f: RunFeatures): number {
  const c = SPAN_CONFIDENCE;
  const z =
    c.bias + c.size * f.size + c.facing * f.facing + c.excess * f.excess + c.misfitWithout * f.misfitWithout + c.otherUnlinked * f.otherUnlinked + c.arabic * f.arabic;
  return 1 / (1 + Math.exp(-z));
}

/** One run's piece in one sentence of the bead's side, with the run's features and confidence. */
export interface ScoredRun {
  features: RunFeatures;
  confidence: number;
  /** Which sentence of the bead's side, and the piece's character span in it. */
  sentence: number;
  start: number;
  end: number;
  /** Unlinked content words in the piece. */
  words: number;
}

export interface BeadRuns {
  en: ScoredRun[];
  ar: ScoredRun[];
  /** Each side's content words and which of them are linked. */
  enSide: BeadSide;
  arSide: BeadSide;
  linkedEn: boolean[];
  linkedAr: boolean[];
}

/** Every unlinked run of both sides of a bead, cut at sentence ends, with features and confidence. */
export function beadRuns(english: readonly (readonly Word[])[], arabic: readonly (readonly Word[])[], shape: BeadShape): BeadRuns {
  const enSide = beadSide(english);
  const arSide = beadSide(arabic);
  const links = linkBead(enSide, arSide);
  const flipped = links.anchors.map(([i, j]) => [j, i] as [number, number]);
  const unlinkedEn = links.linkedEn.filter((l) => !l).length;
  const unlinkedAr = links.linkedAr.filter((l) => !l).length;
  const scored = (side: BeadSide, runs: UnlinkedRun[], lang: 'en' | 'ar'): ScoredRun[] =>
    runs.flatMap((run) => {
      const features = runFeatures(run, side, shape, lang, lang === 'en' ? unlinkedAr : unlinkedEn);
      const confidence = spanConfidence(features);
      const pieces: ScoredRun[] = [];
      let from = run.from;
      let words = 0;
      for (let i = run.from; i <= run.to; i++) {
        if (!(lang === 'en' ? links.linkedEn : links.linkedAr)[i]) words++;
        if (i === run.to || side.sentence[i + 1] !== side.sentence[i]) {
          pieces.push({ features, confidence, sentence: side.sentence[i]!, start: side.words[from]!.start, end: side.words[i]!.end, words });
          from = i + 1;
          words = 0;
        }
      }
      return pieces;
    });
  return {
    en: scored(enSide, unlinkedRuns(links.linkedEn, links.linkedAr, links.anchors), 'en'),
    ar: scored(arSide, unlinkedRuns(links.linkedAr, links.linkedEn, flipped), 'ar'),
    enSide,
    arSide,
    linkedEn: links.linkedEn,
    linkedAr: links.linkedAr,
  };
}

function runFeatures(run: UnlinkedRun, side: BeadSide, shape: BeadShape, lang: 'en' | 'ar', otherUnlinked: number): RunFeatures {
  // The run's characters across sentence ends of a multi-sentence side count from its first word to its last.
  const first = side.words[run.from]!;
  const last = side.words[run.to]!;
  const runChars = side.sentence[run.from] === side.sentence[run.to] ? last.end - first.start : first.end - first.start + last.end - last.start;
  const mine = Math.max(1, lang === 'en' ? shape.enChars : shape.arChars);
  const theirs = Math.max(1, lang === 'en' ? shape.arChars : shape.enChars);
  // The usual log(mine / theirs): the document's Arabic-over-English ratio, or its inverse.
  const usual = lang === 'ar' ? shape.logRatio : -shape.logRatio;
  return {
    size: Math.log1p(run.unlinked),
    facing: Math.log1p(run.oppositeUnlinked),
    excess: Math.log(mine / theirs) - usual,
    misfitWithout: Math.abs(Math.log(Math.max(1, mine - runChars) / theirs) - usual),
    otherUnlinked: Math.log1p(otherUnlinked),
    arabic: lang === 'ar' ? 1 : 0,
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
  logRatio: number,
  filter: SpanFilter = {},
): { en: SentenceMatch[]; ar: SentenceMatch[] } {
  const minWords = filter.minWords ?? DEFAULT_MIN_SPAN_WORDS;
  const minConfidence = filter.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const chars = (sentences: readonly string[]) => sentences.reduce((sum, text) => sum + text.length, 0);
  const runs = beadRuns(english, arabic, { enChars: chars(texts.en), arChars: chars(texts.ar), logRatio });
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
    en: matches(english, runs.enSide, runs.linkedEn, runs.en, texts.en),
    ar: matches(arabic, runs.arSide, runs.linkedAr, runs.ar, texts.ar),
  };
}
