/**
 * Builds the benchmark sets from ../shared/data/dev, each corpus split into a `tune` and a `test`
 * part by document (bench/split.ts): perturbed FLORES-200 + TICO-19 documents (`main`) and IWSLT17
 * talks (`iwslt`); the stress sets of issue 9 (`clauses`: 1:1 documents whose sentences grow
 * foreign clauses; `nospace`: main with the Arabic spaces removed in 60% of the lines; the halved
 * lexicon `halflex` aligns main again); each in a presplit form (one segment a line, ladder gold)
 * and a raw-text form (paragraphs, gold beads as sentence texts); `nostop` (issue 10: main's raw
 * text with a fifth of the Arabic sentences stripped of their final stop); the partial-coverage
 * set `partial-<part>` (the clauses text with its gold alignment saved for `mizan coverage` and the
 * exact place of each added clause); plus one large pair for the scale test, and the speed
 * subset's manifest. Deterministic for a given --seed. Output goes to bench/out
 * (git-ignored: the dev text must never be committed).
 * Usage: node dist/bench/gen.js [--seed N] [--out DIR] [--data DIR]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type GoldBead, type Pair, perturbDocument, sidesOf } from './perturb.js';
import { createRng, type Rng, shuffled } from './rng.js';
import { dataAvailable, loadFlores, loadIwslt, loadTico, type SourceDoc } from './sources.js';
import { type Part, PARTS } from './split.js';
import { goldAlignmentFile, type GoldClause } from './partial.js';
import { addClauses, type ClauseEvent, dropArabicStops, glueArabicLines, halveLexicon } from './stress.js';
import { type BuiltDoc, freshDir, presplitRow, writeRawSet, writeSet } from './write.js';

/** Bumped whenever the output changes for the same options, so the runner knows to regenerate. */
export const GEN_VERSION = 3;

/**
 * Stress rates: sentences that grow a clause (clauses, and the partial-coverage set built from it),
 * Arabic lines that lose their spaces (nospace; issue 9), Arabic lines that lose their final stop
 * (nostop; issue 10).
 */
export const STRESS = { clauseRate: 0.15, glueShare: 0.6, stopShare: 0.2 } as const;

export interface GenOptions {
  dataDir: string;
  outDir: string;
  seed: number;
  /** Sentences per FLORES/TICO document. */
  docSize: number;
  /** English lines of the large pair. */
  largeSize: number;
  /** English lines of the speed subset of the presplit set. */
  speedSize: number;
}

/** A generated set: `<family>-<form>-<part>` directories (`large-<form>` has no part). */
export interface SetStats {
  family: string;
  part?: Part;
  docs: number;
  en: number;
  ar: number;
  beads: Record<string, number>;
  /** What the stress perturbation did (clause events, glued lines). */
  stress?: string;
}

export interface GenSummary {
  version: number;
  options: GenOptions;
  /** Keyed `<family>-<part>` (e.g. `main-test`), or `large`. */
  sets: Record<string, SetStats>;
  speed: { docs: number; en: number; ar: number; manifest: string };
  halflex: { file: string; keys: number; kept: number };
  /** The partial-coverage set per part (`partial-<part>` directories). */
  partial: Record<string, { dir: string; docs: number; sentences: number; clauses: number; middle: number }>;
}

/** The package root: the nearest folder above this file with a package.json (works from bench/ and dist/bench/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export function defaultOptions(): GenOptions {
  const root = packageRoot();
  return {
    dataDir: resolve(root, '..', 'shared', 'data', 'dev'),
    outDir: join(root, 'bench', 'out'),
    seed: 20240601,
    docSize: 32,
    largeSize: 10_000,
    speedSize: 3_600,
  };
}

/**
 * The stem of a document's origin: TICO chunks of one source document are not "another document".
 * (FLORES documents are joined from whole URL-documents, so each is its own origin.)
 */
const origin = (doc: SourceDoc): string => (doc.corpus === 'tico' ? doc.id.replace(/-\d+$/, '') : doc.id);

/** Documents of the same corpus with another origin (any other document if there is none). */
function othersOf(doc: SourceDoc, docs: readonly SourceDoc[]): SourceDoc[] {
  const others = docs.filter((d) => d.corpus === doc.corpus && origin(d) !== origin(doc));
  return others.length > 0 ? others : docs.filter((d) => d !== doc);
}

/** Foreign sentences for `doc`: all pairs of one other document of the same corpus, chosen at random. */
function foreignFor(doc: SourceDoc, docs: readonly SourceDoc[], rng: Rng): Pair[] {
  const pool = othersOf(doc, docs);
  return pool[rng.int(pool.length)]?.pairs ?? [];
}

function perturbAll(docs: readonly SourceDoc[], root: Rng, label = ''): BuiltDoc[] {
  return docs.map((doc) => {
    const rng = root.fork(`${label}${doc.id}`);
    return { id: doc.id, gold: perturbDocument(doc.pairs, foreignFor(doc, docs, rng.fork('foreign')), rng) };
  });
}

function beadShape(bead: GoldBead): string {
  return `${bead.en.length}-${bead.ar.length}`;
}

function stats(family: string, part: Part | undefined, built: readonly BuiltDoc[], stress?: string): SetStats {
  const beads: Record<string, number> = {};
  let en = 0;
  let ar = 0;
  for (const doc of built) {
    for (const bead of doc.gold) {
      beads[beadShape(bead)] = (beads[beadShape(bead)] ?? 0) + 1;
      en += bead.en.length;
      ar += bead.ar.length;
    }
  }
  return { family, ...(part ? { part } : {}), docs: built.length, en, ar, beads, ...(stress ? { stress } : {}) };
}

/**
 * The speed subset: documents of main (both parts: speed is not tuned) in a seeded order until
 * `size` English lines, a manifest over the presplit files. It matches the issue's speed case
 * (~120 documents, ~3,600 sentences a side).
 */
function writeSpeedManifest(outDir: string, built: readonly { doc: BuiltDoc; dir: string }[], size: number, rng: Rng) {
  const picked: { doc: BuiltDoc; dir: string }[] = [];
  let en = 0;
  for (const item of shuffled(built, rng.fork('speed'))) {
    if (en >= size) break;
    picked.push(item);
    en += sidesOf(item.doc.gold).en.length;
  }
  const order = new Map(built.map((item, i) => [item.doc.id, i]));
  picked.sort((a, b) => (order.get(a.doc.id) ?? 0) - (order.get(b.doc.id) ?? 0));
  const manifest = join(freshDir(join(outDir, 'speed')), 'manifest-speed.tsv');
  writeFileSync(manifest, picked.map((item) => presplitRow(item.dir, item.doc.id)).join(''));
  const s = stats('speed', undefined, picked.map((item) => item.doc));
  return { docs: s.docs, en: s.en, ar: s.ar, manifest };
}

/**
 * One long pair: every document (FLORES, TICO, IWSLT) shuffled and freshly perturbed per round,
 * concatenated until `size` English lines. There are only ~6,700 distinct pairs, so later rounds
 * repeat text, at least several thousand lines from its first occurrence.
 */
function buildLarge(docs: readonly SourceDoc[], size: number, root: Rng): BuiltDoc {
  const gold: GoldBead[] = [];
  let en = 0;
  for (let round = 0; en < size; round++) {
    for (const doc of perturbAll(shuffled(docs, root.fork(`large-order-${round}`)), root, `large-${round}-`)) {
      if (en >= size) break;
      gold.push(...doc.gold);
      en += sidesOf(doc.gold).en.length;
    }
  }
  return { id: 'large', gold };
}

/** The clause set of one part: main's documents 1:1, with clauses from other documents of the same corpus. */
function buildClauses(docs: readonly SourceDoc[], root: Rng): { built: BuiltDoc[]; events: ClauseEvent[][]; note: string } {
  const count = { en: 0, ar: 0, middle: 0 };
  const events: ClauseEvent[][] = [];
  const built = docs.map((doc) => {
    const donors = othersOf(doc, docs).flatMap((d) => d.pairs);
    const out = addClauses(doc.pairs, donors, STRESS.clauseRate, root.fork(`clauses-${doc.id}`));
    for (const e of out.events) {
      count[e.side]++;
      if (e.where === 'middle') count.middle++;
    }
    events.push(out.events);
    return { id: doc.id, gold: out.beads };
  });
  return { built, events, note: `${count.en + count.ar} clauses (${count.en} en / ${count.ar} ar, ${count.middle} in the middle)` };
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The partial-coverage set of one part (`partial-<part>`): the clauses set's presplit documents
 * (the same text), each with its gold 1:1 alignment as a saved alignment (`<id>.gold.json`, for
 * `mizan coverage`) and its added clauses with their exact places (`<id>.clauses.json`).
 */
function writePartial(outDir: string, part: Part, built: readonly BuiltDoc[], events: readonly ClauseEvent[][]): GenSummary['partial'][string] {
  const dir = freshDir(join(outDir, `partial-${part}`));
  let sentences = 0;
  let clauses = 0;
  let middle = 0;
  const rows = built.map((doc, d) => {
    const { en, ar } = sidesOf(doc.gold);
    const enText = en.map((l) => `${l}\n`).join('');
    const arText = ar.map((l) => `${l}\n`).join('');
    const enPath = join(dir, `${doc.id}.en`);
    const arPath = join(dir, `${doc.id}.ar`);
    writeFileSync(enPath, enText);
    writeFileSync(arPath, arText);
    const meta = (path: string, text: string) => ({ path, sha256: sha256(text), encoding: 'utf-8' });
    writeFileSync(join(dir, `${doc.id}.gold.json`), goldAlignmentFile(en, ar, meta(enPath, enText), meta(arPath, arText), '2024-06-01T00:00:00.000Z'));
    const gold: GoldClause[] = (events[d] ?? []).map((e) => {
      const sentence = (e.side === 'en' ? en : ar)[e.index]!;
      return { lang: e.side, index: e.index, start: e.start, end: e.end, text: e.clause, sentence, where: e.where };
    });
    writeFileSync(join(dir, `${doc.id}.clauses.json`), `${JSON.stringify(gold, null, 1)}\n`);
    sentences += en.length + ar.length;
    clauses += gold.length;
    middle += gold.filter((g) => g.where === 'middle').length;
    return presplitRow(dir, doc.id);
  });
  writeFileSync(join(dir, 'manifest.tsv'), rows.join(''));
  return { dir, docs: built.length, sentences, clauses, middle };
}

/** The nostop set of one part: main's perturbed documents where a fifth of the Arabic lines lose their final stop. */
function buildNostop(main: readonly BuiltDoc[], root: Rng): { built: BuiltDoc[]; note: string } {
  let dropped = 0;
  let quoted = 0;
  const built = main.map((doc) => {
    const out = dropArabicStops(doc.gold, STRESS.stopShare, root.fork(`nostop-${doc.id}`));
    dropped += out.dropped.length;
    quoted += out.quoted;
    return { id: doc.id, gold: out.beads, inlineAr: out.dropped };
  });
  const lines = built.reduce((n, d) => n + sidesOf(d.gold).ar.length, 0);
  return { built, note: `${dropped} of ${lines} Arabic lines without their final stop (${quoted} of them end with a closing quote)` };
}

/** The nospace set of one part: main's perturbed documents with the Arabic spaces removed in a share of the lines. */
function buildNospace(main: readonly BuiltDoc[], root: Rng): { built: BuiltDoc[]; note: string } {
  let glued = 0;
  const built = main.map((doc) => {
    const out = glueArabicLines(doc.gold, STRESS.glueShare, root.fork(`nospace-${doc.id}`));
    glued += out.glued;
    return { id: doc.id, gold: out.beads };
  });
  const lines = built.reduce((n, d) => n + sidesOf(d.gold).ar.length, 0);
  return { built, note: `${glued} of ${lines} Arabic lines without spaces` };
}

/** bench/out/halflex/ar-en.half.tsv.gz: the shipped lexicon with a seeded half of its keys. */
function writeHalfLexicon(outDir: string, root: Rng): GenSummary['halflex'] {
  const full = gunzipSync(readFileSync(join(packageRoot(), 'data', 'lexicon', 'ar-en.tsv.gz'))).toString('utf8');
  const half = halveLexicon(full, root.fork('halflex'));
  const file = join(freshDir(join(outDir, 'halflex')), 'ar-en.half.tsv.gz');
  writeFileSync(file, gzipSync(half.text));
  return { file, keys: half.keys, kept: half.kept };
}

export function generate(options: GenOptions): GenSummary {
  const root = createRng(options.seed);
  mkdirSync(options.outDir, { recursive: true });
  const sets: Record<string, SetStats> = {};
  const speedPool: { doc: BuiltDoc; dir: string }[] = [];
  const partial: GenSummary['partial'] = {};
  for (const part of PARTS) {
    const main = [...loadFlores(options.dataDir, options.docSize, part), ...loadTico(options.dataDir, options.docSize, part)];
    const mainBuilt = perturbAll(main, root);
    const iwsltBuilt = perturbAll(loadIwslt(options.dataDir, part), root);
    const clauses = buildClauses(main, root);
    const nospace = buildNospace(mainBuilt, root);
    const nostop = buildNostop(mainBuilt, root);
    const suffix = `-${part}`;
    writeSet(options.outDir, 'main', suffix, mainBuilt, root);
    writeSet(options.outDir, 'iwslt', suffix, iwsltBuilt, root);
    writeSet(options.outDir, 'clauses', suffix, clauses.built, root);
    writeSet(options.outDir, 'nospace', suffix, nospace.built, root);
    writeRawSet(options.outDir, 'nostop', suffix, nostop.built, root);
    partial[part] = writePartial(options.outDir, part, clauses.built, clauses.events);
    sets[`main${suffix}`] = stats('main', part, mainBuilt);
    sets[`iwslt${suffix}`] = stats('iwslt', part, iwsltBuilt);
    sets[`clauses${suffix}`] = stats('clauses', part, clauses.built, clauses.note);
    sets[`nospace${suffix}`] = stats('nospace', part, nospace.built, nospace.note);
    sets[`nostop${suffix}`] = stats('nostop', part, nostop.built, nostop.note);
    speedPool.push(...mainBuilt.map((doc) => ({ doc, dir: join(options.outDir, `main-presplit${suffix}`) })));
  }
  // The large pair is the scale case, not a quality figure: it takes documents of both parts.
  const everything = [...loadFlores(options.dataDir, options.docSize), ...loadTico(options.dataDir, options.docSize), ...loadIwslt(options.dataDir)];
  const large = buildLarge(everything, options.largeSize, root);
  writeSet(options.outDir, 'large', '', [large], root);
  sets['large'] = stats('large', undefined, [large]);
  const summary: GenSummary = {
    version: GEN_VERSION,
    options,
    sets,
    speed: writeSpeedManifest(options.outDir, speedPool, options.speedSize, root),
    halflex: writeHalfLexicon(options.outDir, root),
    partial,
  };
  writeFileSync(join(options.outDir, 'gen.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

/** The summary of an earlier run with the same options and generator version, if any. */
export function existingSummary(options: GenOptions): GenSummary | undefined {
  const file = join(options.outDir, 'gen.json');
  if (!existsSync(file)) return undefined;
  try {
    const summary = JSON.parse(readFileSync(file, 'utf8')) as GenSummary;
    const same = summary.version === GEN_VERSION && JSON.stringify(summary.options) === JSON.stringify(options);
    return same ? summary : undefined;
  } catch {
    return undefined;
  }
}

export function describe(summary: GenSummary): string {
  const rows = Object.entries(summary.sets).map(([name, s]) => {
    const shapes = Object.entries(s.beads)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([shape, n]) => `${shape}:${n}`)
      .join(' ');
    return `  ${name}: ${s.docs} docs, ${s.en} en / ${s.ar} ar lines; gold beads ${shapes}${s.stress ? `; ${s.stress}` : ''}`;
  });
  const sp = summary.speed;
  rows.push(`  speed subset of main (both parts): ${sp.docs} docs, ${sp.en} en / ${sp.ar} ar lines`);
  const h = summary.halflex;
  rows.push(`  halflex lexicon: ${h.kept} of ${h.keys} keys of data/lexicon/ar-en.tsv.gz`);
  for (const [part, p] of Object.entries(summary.partial)) {
    rows.push(`  partial-${part} (coverage): ${p.docs} docs, ${p.sentences} sentences, ${p.clauses} gold clauses (${p.middle} in the middle)`);
  }
  return rows.join('\n');
}

export function optionsFromArgs(args: string[]): GenOptions {
  const { values } = parseArgs({
    args,
    options: {
      seed: { type: 'string' },
      out: { type: 'string' },
      data: { type: 'string' },
      'doc-size': { type: 'string' },
      'large-size': { type: 'string' },
    },
    strict: false,
  });
  const defaults = defaultOptions();
  const num = (value: unknown, fallback: number): number =>
    typeof value === 'string' && Number.isFinite(Number(value)) ? Number(value) : fallback;
  return {
    ...defaults,
    seed: num(values.seed, defaults.seed),
    outDir: typeof values.out === 'string' ? resolve(values.out) : defaults.outDir,
    dataDir: typeof values.data === 'string' ? resolve(values.data) : defaults.dataDir,
    docSize: num(values['doc-size'], defaults.docSize),
    largeSize: num(values['large-size'], defaults.largeSize),
  };
}

function main(): void {
  const options = optionsFromArgs(process.argv.slice(2));
  if (!dataAvailable(options.dataDir)) {
    console.log(`bench: no dev data at ${options.dataDir}; skipping (benchmarks are optional)`);
    return;
  }
  const summary = generate(options);
  console.log(`bench: generated sets in ${options.outDir} (seed ${options.seed})\n${describe(summary)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
