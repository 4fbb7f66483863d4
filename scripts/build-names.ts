/**
 * Builds data/names/translit.tsv.gz, the name transliteration model (src/core/score/name-model.ts;
 * format, method and figures in data/names/README.md), from the Wikidata name token pairs:
 *
 *   npm run build && npm run build-names [-- --data DIR] [--out FILE]
 *
 * Held back: bucket 0 of the hash split (scripts/names-data.ts), never trained or tuned on; bench/names.ts
 * measures on it. Thresholds are tuned on bucket 1 with a model trained on buckets 2–9 (so the scores
 * are those of unseen names), then the shipped model is trained on buckets 1–9 with those thresholds.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { packageRoot } from '../src/cli/resources.js';
import { modelFromTables, type NameModel } from '../src/core/score/name-model.js';
import { type NamePair, serializeNameModel, trainNameTables } from '../src/core/score/name-train.js';
import { bucket, buildItems, type Item, namesAvailable, ordinaryWords, readRows, type Row, truthOf } from './names-data.js';

/** Precision the thresholds aim for on the tuning bucket: above the 0.95 target, for the margin. */
const TARGET_PRECISION = 0.97;
/** For a word the dictionary also reads (arabic-tokens.ts): a wrong link there costs a right one. */
const CONFIDENT_PRECISION = 0.995;
export const ITERATIONS = 8;

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback);
const root = packageRoot();
const dataDir = resolve(option('--data', join(root, '../shared/data')));
const out = resolve(option('--out', join(root, 'data/names/translit.tsv.gz')));

function pairsOf(rows: readonly Row[], inBucket: (b: number) => boolean): NamePair[] {
  const seen = new Set<string>();
  const pairs: NamePair[] = [];
  for (const r of rows) {
    const key = `${r.en}\t${r.ar}`;
    if (!inBucket(bucket(r.en)) || seen.has(key)) continue;
    seen.add(key);
    pairs.push({ en: r.en, ar: r.ar });
  }
  return pairs;
}

/** The lowest threshold whose links on the pools reach `precision`, by a sweep over the sorted scores. */
function tune(model: NameModel, items: readonly Item[], truth: Map<string, Set<string>>, precision: number): { threshold: number; recall: number } {
  const scored: Array<{ s: number; right: boolean; own: boolean }> = [];
  for (const item of items) {
    for (const en of item.pool) scored.push({ s: model.score(item.ar, en), right: truth.get(item.ar)!.has(en), own: en === item.en });
  }
  scored.sort((p, q) => q.s - p.s);
  let best = { threshold: Infinity, recall: 0 };
  let predicted = 0;
  let correct = 0;
  let recalled = 0;
  for (let k = 0; k < scored.length; k++) {
    const x = scored[k]!;
    predicted++;
    if (x.right) correct++;
    if (x.own) recalled++;
    const tie = k + 1 < scored.length && scored[k + 1]!.s === x.s;
    if (!tie && Number.isFinite(x.s) && correct / predicted >= precision) best = { threshold: x.s, recall: recalled / items.length };
  }
  return best;
}

if (!namesAvailable(dataDir)) {
  console.error(`build-names: no name pairs under ${dataDir}`);
  process.exit(1);
}
const rows = readRows(dataDir);
const ordinary = ordinaryWords(dataDir, new Set(rows.map((r) => r.en)));
const truth = truthOf(rows);
const started = performance.now();
const tuningModel = modelFromTables(trainNameTables(pairsOf(rows, (b) => b >= 2), { iterations: ITERATIONS, minLetterCount: 5 }), 'tuning', 0, 0);
const items = buildItems(rows, (b) => b === 1, ordinary);
const normal = tune(tuningModel, items, truth, TARGET_PRECISION);
const confident = tune(tuningModel, items, truth, CONFIDENT_PRECISION);
console.log(`tuned on ${items.length} bucket-1 tokens: threshold ${normal.threshold.toFixed(4)} (recall ${normal.recall.toFixed(3)}), confident ${confident.threshold.toFixed(4)} (recall ${confident.recall.toFixed(3)})`);
const trainPairs = pairsOf(rows, (b) => b >= 1);
const tables = trainNameTables(trainPairs, { iterations: ITERATIONS, minLetterCount: 5 });
const version = `translit-em${ITERATIONS}-${trainPairs.length}`;
const text = serializeNameModel(tables, version, normal.threshold, confident.threshold, [
  'mizan name transliteration model: see data/names/README.md (format, method, figures).',
  'Trained on English-Arabic name token pairs from Wikidata (CC0), Merhav & Ash, COLING 2018.',
]);
mkdirSync(dirname(out), { recursive: true });
// gzip output depends only on its input and level (no name or time in the header), so rebuilds are byte-identical.
writeFileSync(out, gzipSync(text, { level: 9 }));
console.log(`wrote ${out}: ${text.split('\n').filter((l) => l.startsWith('unit')).length} units, ${trainPairs.length} training pairs, ${((performance.now() - started) / 1000).toFixed(1)} s`);
