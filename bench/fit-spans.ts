/**
 * Fits the span model of coverage (SPAN_CONFIDENCE in src/core/coverage/partial.ts) on the tune part
 * of the partial-coverage set, and shows what each feature buys. Test is never read here: its
 * figures come from bench/coverage.ts with the weights the build ships.
 *
 *   npm run build && node dist/bench/fit-spans.js            # fit, print the weights and the tune curve
 *   node dist/bench/fit-spans.js --ablate                    # also refit without each feature in turn
 *
 * Every unlinked run of the gold 1:1 beads is a sample, weighted by its unlinked words, positive
 * when most of its words lie inside a clause one side added; runs shorter than the default
 * --min-span-words are left out, as coverage leaves them out. The model is a logistic regression
 * (standardised features, gradient descent, a light L2 penalty). The curve pools the runs'
 * spans over the part with bench/partial.ts's scorer, exactly as `mizan coverage --json` would
 * report them at each threshold.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadEvidence } from '../src/cli/evidence-file.js';
import { coverageContext } from '../src/core/coverage.js';
import { beadRuns, DEFAULT_MIN_CONFIDENCE, DEFAULT_MIN_SPAN_WORDS, type RunFeatures, SPAN_CONFIDENCE } from '../src/core/coverage/partial.js';
import { parseAlignmentFile } from '../src/formats/alignment-file.js';
import { ensureGenerated } from './coverage.js';
import { optionsFromArgs } from './gen.js';
import { addCounts, emptyCounts, type GoldClause, partialFigures, type ReportedSentence, scoreDocument, wordsInside } from './partial.js';
import { dataAvailable } from './sources.js';
import { readManifest } from './systems.js';

const FEATURES = ['size', 'facing', 'excess', 'misfitWithout', 'otherUnlinked', 'arabic'] as const satisfies ReadonlyArray<keyof RunFeatures>;
type Feature = (typeof FEATURES)[number];
export type Weights = { bias: number } & Record<Feature, number>;

/** One run piece of one document: features, words, label, and where it is for the scorer. */
interface Sample {
  doc: number;
  lang: 'en' | 'ar';
  index: number;
  text: string;
  start: number;
  end: number;
  features: RunFeatures;
  words: number;
  positive: boolean;
}

interface Corpus {
  samples: Sample[];
  golds: GoldClause[][];
}

/** The runs of every aligned bead of the part's gold alignments, labelled from the clauses. */
function collect(dir: string): Corpus {
  const evidence = loadEvidence();
  const samples: Sample[] = [];
  const golds: GoldClause[][] = [];
  readManifest(join(dir, 'manifest.tsv')).forEach((entry, doc) => {
    const { alignment } = parseAlignmentFile(readFileSync(join(dir, `${entry.id}.gold.json`), 'utf8'));
    const gold = JSON.parse(readFileSync(join(dir, `${entry.id}.clauses.json`), 'utf8')) as GoldClause[];
    golds.push(gold);
    const context = coverageContext(alignment, evidence);
    alignment.beads.forEach((bead) => {
      if (bead.flag !== 'aligned') return;
      const words = (side: 'source' | 'target') => bead[side].map((k) => context.wordsOf[side][k]!);
      const chars = (side: 'source' | 'target') => bead[side].reduce((sum, k) => sum + alignment[side].segments[k]!.text.length, 0);
      const runs = beadRuns(words(context.english), words(context.arabic), { enChars: chars(context.english), arChars: chars(context.arabic), logRatio: context.logRatio });
      for (const lang of ['en', 'ar'] as const) {
        const side = lang === 'en' ? context.english : context.arabic;
        for (const run of runs[lang]) {
          if (run.words < DEFAULT_MIN_SPAN_WORDS) continue;
          const index = bead[side][run.sentence]!;
          const text = alignment[side].segments[index]!.text;
          const mine = wordsInside(text, [[run.start, run.end]]);
          const inGold = wordsInside(text, gold.filter((c) => c.lang === lang && c.index === index).map((c) => [c.start, c.end]));
          const total = mine.filter(Boolean).length;
          const hit = mine.filter((m, i) => m && inGold[i]).length;
          samples.push({ doc, lang, index, text, start: run.start, end: run.end, features: run.features, words: run.words, positive: total > 0 && 2 * hit > total });
        }
      }
    });
  });
  return { samples, golds };
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function score(weights: Weights, f: RunFeatures): number {
  let z = weights.bias;
  for (const name of FEATURES) z += weights[name] * f[name];
  return sigmoid(z);
}

/** Weighted logistic regression on the features named; the others get weight 0. */
export function fit(samples: readonly Sample[], use: readonly Feature[], iterations = 6000, rate = 0.5, l2 = 1e-3): Weights {
  const n = samples.length;
  const mean = use.map((name) => samples.reduce((sum, s) => sum + s.features[name], 0) / n);
  const sd = use.map((name, k) => Math.sqrt(samples.reduce((sum, s) => sum + (s.features[name] - mean[k]!) ** 2, 0) / n) + 1e-9);
  const rows = samples.map((s) => use.map((name, k) => (s.features[name] - mean[k]!) / sd[k]!));
  const totalWeight = samples.reduce((sum, s) => sum + s.words, 0);
  const beta = new Array<number>(use.length + 1).fill(0); // the last is the intercept
  for (let it = 0; it < iterations; it++) {
    const gradient = new Array<number>(use.length + 1).fill(0);
    rows.forEach((row, i) => {
      const sample = samples[i]!;
      let z = beta[use.length]!;
      row.forEach((x, k) => (z += beta[k]! * x));
      const residual = (sigmoid(z) - (sample.positive ? 1 : 0)) * sample.words;
      row.forEach((x, k) => (gradient[k]! += residual * x));
      gradient[use.length]! += residual;
    });
    for (let k = 0; k <= use.length; k++) beta[k]! -= rate * (gradient[k]! / totalWeight + (k < use.length ? l2 * beta[k]! : 0));
  }
  const weights = { bias: beta[use.length]! } as Weights;
  for (const name of FEATURES) weights[name] = 0;
  use.forEach((name, k) => {
    weights[name] = beta[k]! / sd[k]!;
    weights.bias -= (beta[k]! * mean[k]!) / sd[k]!;
  });
  return weights;
}

/** Clause recall and word precision/recall of the spans at or above each threshold. */
function curve(corpus: Corpus, weights: Weights, thresholds: readonly number[]) {
  const reports: ReportedSentence[][] = corpus.golds.map(() => []);
  const bySentence = new Map<string, ReportedSentence>();
  for (const s of corpus.samples) {
    const key = `${s.doc}:${s.lang}:${s.index}`;
    let sentence = bySentence.get(key);
    if (!sentence) {
      sentence = { lang: s.lang, index: s.index, text: s.text, spans: [] };
      bySentence.set(key, sentence);
      reports[s.doc]!.push(sentence);
    }
    sentence.spans.push({ start: s.start, end: s.end, confidence: score(weights, s.features) });
  }
  return thresholds.map((threshold) => ({
    threshold,
    figures: partialFigures(corpus.golds.reduce((sum, gold, d) => addCounts(sum, scoreDocument(gold, reports[d]!, threshold)), emptyCounts())),
  }));
}

/** Area under the word-weighted ROC curve: how well the confidence orders the runs, whatever the threshold. */
function auc(samples: readonly Sample[], weights: Weights): number {
  const scored = samples.map((s) => ({ p: score(weights, s.features), w: s.words, positive: s.positive })).sort((a, b) => b.p - a.p);
  const positives = scored.reduce((sum, s) => sum + (s.positive ? s.w : 0), 0);
  const negatives = scored.reduce((sum, s) => sum + (s.positive ? 0 : s.w), 0);
  let tp = 0;
  let area = 0;
  for (const s of scored) {
    if (s.positive) tp += s.w;
    else area += (tp / positives) * (s.w / negatives);
  }
  return area;
}

const THRESHOLDS = [0.1, 0.2, 0.3, 0.4, 0.5];
const f1 = (a: number, b: number): number => (a + b === 0 ? 0 : (2 * a * b) / (a + b));

function curveTable(corpus: Corpus, weights: Weights): string[] {
  const lines = ['| confidence ≥ | clause recall | word P | word R | F1 (clause recall, word P) |', '| --- | --- | --- | --- | --- |'];
  for (const { threshold, figures } of curve(corpus, weights, THRESHOLDS)) {
    lines.push(`| ${threshold} | ${figures.clauseRecall.toFixed(3)} | ${figures.wordPrecision.toFixed(3)} | ${figures.wordRecall.toFixed(3)} | ${f1(figures.clauseRecall, figures.wordPrecision).toFixed(3)} |`);
  }
  return lines;
}

/** The best F1 of clause recall and word precision over the thresholds, and where it is. */
function best(corpus: Corpus, weights: Weights): string {
  const points = curve(corpus, weights, THRESHOLDS).map(({ threshold, figures }) => ({ threshold, figures, f: f1(figures.clauseRecall, figures.wordPrecision) }));
  const top = points.reduce((a, b) => (b.f > a.f ? b : a));
  return `${top.f.toFixed(3)} at ${top.threshold} (clause recall ${top.figures.clauseRecall.toFixed(3)}, word P ${top.figures.wordPrecision.toFixed(3)})`;
}

function main(): void {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { ablate: { type: 'boolean' }, regen: { type: 'boolean' }, seed: { type: 'string' }, out: { type: 'string' }, data: { type: 'string' } }, strict: false });
  const gen = optionsFromArgs(process.argv.slice(2));
  if (!dataAvailable(gen.dataDir)) {
    console.log(`bench: no dev data at ${gen.dataDir}; skipping (benchmarks are optional)`);
    return;
  }
  const summary = ensureGenerated(gen, values.regen === true);
  const info = summary.partial.tune;
  if (!info) throw new Error('no partial-tune set; run with --regen');
  const corpus = collect(info.dir);
  const positives = corpus.samples.filter((s) => s.positive).length;
  console.log(`tune: ${corpus.samples.length} runs of ≥ ${DEFAULT_MIN_SPAN_WORDS} unlinked words, ${positives} inside an added clause\n`);
  const fitted = fit(corpus.samples, FEATURES);
  console.log('Fitted weights (SPAN_CONFIDENCE):\n');
  console.log(`  ${Object.entries(fitted).map(([name, w]) => `${name}: ${w.toFixed(3)}`).join(', ')}\n`);
  console.log(`Tune curve, fitted weights (AUC ${auc(corpus.samples, fitted).toFixed(3)}):\n`);
  console.log(curveTable(corpus, fitted).join('\n'));
  console.log(`\nTune curve, the weights the build ships (AUC ${auc(corpus.samples, SPAN_CONFIDENCE).toFixed(3)}; default threshold ${DEFAULT_MIN_CONFIDENCE}):\n`);
  console.log(curveTable(corpus, SPAN_CONFIDENCE).join('\n'));
  if (values.ablate) {
    console.log('\nWhat each feature buys (refitted on tune without it; best F1 of clause recall and word P over the thresholds):\n');
    console.log('| model | AUC | best F1 |\n| --- | --- | --- |');
    console.log(`| all features | ${auc(corpus.samples, fitted).toFixed(3)} | ${best(corpus, fitted)} |`);
    for (const left of FEATURES) {
      const weights = fit(corpus.samples, FEATURES.filter((f) => f !== left));
      console.log(`| without ${left} | ${auc(corpus.samples, weights).toFixed(3)} | ${best(corpus, weights)} |`);
    }
    const flat = { bias: 0, ...Object.fromEntries(FEATURES.map((f) => [f, 0])) } as Weights;
    console.log(`| no model (every run of ≥ ${DEFAULT_MIN_SPAN_WORDS} words) | 0.500 | ${best(corpus, flat).replace(/ at [^ ]+/, '')} |`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
