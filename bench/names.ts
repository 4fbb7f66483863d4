/**
 * Names across scripts, measured: link precision and recall of the consonant-skeleton matcher and of
 * the learned model (data/names) on the held-back 10% of the Wikidata name token pairs, never trained
 * or tuned on (protocol in scripts/names-data.ts). Each held-back Arabic token is matched against a pool
 * of 251 English words as a news document's capitalised words might be; precision = right links /
 * predicted links, recall = tokens linked to their own English / all tokens.
 *   npm run build && node dist/bench/names.js [--data DIR] [--model FILE]
 */
import { join, resolve } from 'node:path';
import { loadLexicon } from '../src/cli/lexicon-file.js';
import { loadNameModel } from '../src/cli/names-file.js';
import { packageRoot } from '../src/cli/resources.js';
import { ArabicTokenizer } from '../src/core/score/arabic-tokens.js';
import { EnglishTokenizer } from '../src/core/score/english-tokens.js';
import type { NameModel } from '../src/core/score/name-model.js';
import { Interner } from '../src/core/score/tokens.js';
import { arabicSkeleton, englishSkeleton, NameIndex } from '../src/core/score/translit.js';
import { dataAvailable, loadFlores, loadIwslt, loadTico } from './sources.js';
import { buildItems, type Item, type LinkFigures, measure, namesAvailable, ordinaryWords, readRows, truthOf } from '../scripts/names-data.js';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const dataDir = resolve(option('--data') ?? join(packageRoot(), '../shared/data'));

if (!namesAvailable(dataDir)) {
  console.log(`no name pairs under ${dataDir}; nothing to measure`);
  process.exit(0);
}
const model = loadNameModel(option('--model'));
const rows = readRows(dataDir);
const items = buildItems(rows, (b) => b === 0, ordinaryWords(dataDir, new Set(rows.map((r) => r.en))));
const truth = truthOf(rows);

/** A document's index holds the pool; ids are pool positions, so a returned id names its word. */
function viaIndex(item: Item, index: NameIndex, query: (index: NameIndex) => number[]): string[] {
  item.pool.forEach((en, k) => index.add(englishSkeleton(en), k, en));
  return query(index).map((k) => item.pool[k]!);
}

/** Accepts whatever the index proposes: how many true names the blocking step lets through. */
const acceptAll: NameModel = { score: () => 0, matches: () => true, confident: () => true, threshold: 0, confidentThreshold: 0, agreeingThreshold: 0, version: 'all' };

const systems: Array<[string, (item: Item) => string[]]> = [
  ['skeleton (today: SymSpell + skeletonsMatch)', (item) => viaIndex(item, new NameIndex(), (x) => x.matches(arabicSkeleton(item.ar)))],
  ['skeleton, dictionary word (skeleton ≥ 4)', (item) => (arabicSkeleton(item.ar).length < 4 ? [] : viaIndex(item, new NameIndex(), (x) => x.matches(arabicSkeleton(item.ar))))],
  ['index candidates only (no confirmation)', (item) => viaIndex(item, new NameIndex(acceptAll), (x) => x.matchesWord(item.ar))],
  [`model over the whole pool (thresholds ${model.threshold}, skeletons agreeing ${model.agreeingThreshold})`, (item) => item.pool.filter((en) => model.matches(item.ar, en))],
  ['model (index + model, as integrated)', (item) => viaIndex(item, new NameIndex(model), (x) => x.matchesWord(item.ar))],
  [`model confident (threshold ${model.confidentThreshold}), dictionary word`, (item) => viaIndex(item, new NameIndex(model), (x) => x.matchesWord(item.ar, true))],
];

const fmt = (f: LinkFigures) => `${f.precision.toFixed(3)} | ${f.recall.toFixed(3)} | ${f.predicted} | ${f.seconds.toFixed(1)}`;
console.log(`held-back tokens: ${items.length}; pool 251 words each; model ${model.version}`);
console.log('| matcher | precision | recall | links | seconds |');
console.log('|---|---|---|---|---|');
for (const [name, link] of systems) console.log(`| ${name} | ${fmt(measure(items, truth, link))} |`);

// Speed of one score: what the aligner pays per candidate the index proposes.
const start = performance.now();
let n = 0;
for (const item of items.slice(0, 2000)) for (const en of item.pool.slice(0, 50)) (model.score(item.ar, en), n++);
console.log(`model.score: ${(((performance.now() - start) * 1000) / n).toFixed(2)} µs per pair (${n} pairs)`);

// What the aligner pays on a 10,000-sentence pair: tokenising both sides (the name index filled by the
// English, then queried by every Arabic word form) without and with the model. Dev text read for
// timing only (FLORES-200, TICO-19, IWSLT17 cycled), never for training or tuning.
const devDir = join(dataDir, 'dev');
if (dataAvailable(devDir)) {
  const pairs = [...loadFlores(devDir), ...loadTico(devDir), ...loadIwslt(devDir)].flatMap((d) => d.pairs);
  const doc = Array.from({ length: 10_000 }, (_, k) => pairs[k % pairs.length]!);
  const lexicon = loadLexicon();
  // CPU time, the least of three runs: wall time on a shared machine says more about the neighbours.
  const time = (names: NameIndex) => {
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const start = process.cpuUsage();
      const vocab = new Interner();
      const english = new EnglishTokenizer(vocab, names);
      for (const p of doc) english.tokens(p.en);
      const arabic = new ArabicTokenizer(vocab, lexicon, names);
      for (const p of doc) arabic.tokens(p.ar);
      const used = process.cpuUsage(start);
      best = Math.min(best, (used.user + used.system) / 1e6);
    }
    return best;
  };
  let scores = 0;
  const counting: NameModel = {
    ...model,
    matches: (ar, en) => (scores++, model.matches(ar, en)),
    confident: (ar, en) => (scores++, model.confident(ar, en)),
  };
  const distinct = new Set(doc.flatMap((p) => p.ar.split(/\s+/))).size;
  time(new NameIndex()); // warms the stemmer's cache for both
  const without = time(new NameIndex());
  const withModel = time(new NameIndex(model));
  time(new NameIndex(counting));
  console.log(
    `10,000-sentence pair (${distinct} distinct Arabic forms): tokenising takes ${without.toFixed(2)} CPU s without the model, ` +
      `${withModel.toFixed(2)} s with it (+${(withModel - without).toFixed(2)} s); ${scores / 3} model scores`,
  );
}
