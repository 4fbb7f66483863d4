/**
 * Builds the benchmark sets from ../shared/data/dev: perturbed FLORES-200 + TICO-19 documents and
 * IWSLT17 talks, each in a presplit form (one segment a line, ladder gold) and a raw-text form
 * (paragraphs, gold beads as sentence texts), plus one large pair for the scale test.
 * Deterministic for a given --seed. Output goes to bench/out (git-ignored: the dev text must never
 * be committed). Usage: node dist/bench/gen.js [--seed N] [--out DIR] [--data DIR]
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatLadder } from '../src/formats/ladder.js';
import {
  DEFAULT_RATES,
  type GoldBead,
  type Pair,
  perturbDocument,
  regroupParagraphs,
  renderParagraphs,
  sidesOf,
  toLadder,
} from './perturb.js';
import { createRng, type Rng, shuffled } from './rng.js';
import { dataAvailable, loadFlores, loadIwslt, loadTico, type SourceDoc } from './sources.js';

/** Bumped whenever the output changes for the same options, so the runner knows to regenerate. */
export const GEN_VERSION = 1;

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

export interface SetStats {
  docs: number;
  en: number;
  ar: number;
  beads: Record<string, number>;
}

export interface GenSummary {
  version: number;
  options: GenOptions;
  sets: Record<string, SetStats>;
  speed: { docs: number; en: number; ar: number };
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

interface BuiltDoc {
  id: string;
  gold: GoldBead[];
}

/** The stem of a document's origin: TICO chunks of one source document are not "another document". */
const origin = (doc: SourceDoc): string => doc.id.replace(/-\d+$/, '');

/** Foreign sentences for `doc`: all pairs of one other document of the same corpus, chosen at random. */
function foreignFor(doc: SourceDoc, docs: readonly SourceDoc[], rng: Rng): Pair[] {
  const others = docs.filter((d) => d.corpus === doc.corpus && origin(d) !== origin(doc));
  const pool = others.length > 0 ? others : docs.filter((d) => d !== doc);
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

function stats(built: readonly BuiltDoc[]): SetStats {
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
  return { docs: built.length, en, ar, beads };
}

const lines = (items: readonly string[]): string => items.map((line) => `${line}\n`).join('');

function freshDir(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Presplit form: `<id>.en`, `<id>.ar` (one segment a line), `<id>.gold.ladder` (source = English). */
function writePresplit(dir: string, doc: BuiltDoc): string {
  const { en, ar } = sidesOf(doc.gold);
  writeFileSync(join(dir, `${doc.id}.en`), lines(en));
  writeFileSync(join(dir, `${doc.id}.ar`), lines(ar));
  writeFileSync(join(dir, `${doc.id}.gold.ladder`), formatLadder(toLadder(doc.gold)));
  return `${doc.id}\t${join(dir, `${doc.id}.en`)}\t${join(dir, `${doc.id}.ar`)}\n`;
}

/** Raw form: paragraphs regrouped differently per side; gold beads as sentence texts in `<id>.gold.json`. */
function writeRaw(dir: string, doc: BuiltDoc, rng: Rng): string {
  const { en, ar } = sidesOf(doc.gold);
  const sizes = regroupParagraphs(doc.gold, rng.fork(`${doc.id}-paragraphs`));
  writeFileSync(join(dir, `${doc.id}.en.txt`), renderParagraphs(en, sizes.en));
  writeFileSync(join(dir, `${doc.id}.ar.txt`), renderParagraphs(ar, sizes.ar));
  writeFileSync(join(dir, `${doc.id}.gold.json`), `${JSON.stringify(doc.gold)}\n`);
  return `${doc.id}\t${join(dir, `${doc.id}.en.txt`)}\t${join(dir, `${doc.id}.ar.txt`)}\n`;
}

/** Writes both forms of a set; manifest paths are absolute, so the CLI may run from any directory. */
function writeSet(outDir: string, name: string, built: readonly BuiltDoc[], rng: Rng): void {
  const presplit = freshDir(join(outDir, `${name}-presplit`));
  const raw = freshDir(join(outDir, `${name}-raw`));
  writeFileSync(join(presplit, 'manifest.tsv'), built.map((doc) => writePresplit(presplit, doc)).join(''));
  writeFileSync(join(raw, 'manifest.tsv'), built.map((doc) => writeRaw(raw, doc, rng)).join(''));
}

/**
 * The speed subset: documents of the presplit set in a seeded order until `size` English lines, a
 * manifest over the same files. It matches the issue's speed case (~120 documents, ~3,600
 * sentences a side) while the full set keeps every FLORES/TICO sentence for the quality figures.
 */
function writeSpeedManifest(outDir: string, name: string, built: readonly BuiltDoc[], size: number, rng: Rng) {
  const dir = join(outDir, `${name}-presplit`);
  const picked: BuiltDoc[] = [];
  let en = 0;
  for (const doc of shuffled(built, rng.fork('speed'))) {
    if (en >= size) break;
    picked.push(doc);
    en += sidesOf(doc.gold).en.length;
  }
  const order = new Map(built.map((doc, i) => [doc.id, i]));
  picked.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const manifest = picked.map((doc) => `${doc.id}\t${join(dir, `${doc.id}.en`)}\t${join(dir, `${doc.id}.ar`)}\n`);
  writeFileSync(join(dir, 'manifest-speed.tsv'), manifest.join(''));
  const s = stats(picked);
  return { docs: s.docs, en: s.en, ar: s.ar };
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

export function generate(options: GenOptions): GenSummary {
  const root = createRng(options.seed);
  const main = [...loadFlores(options.dataDir, options.docSize), ...loadTico(options.dataDir, options.docSize)];
  const iwslt = loadIwslt(options.dataDir);
  const mainBuilt = perturbAll(main, root);
  const iwsltBuilt = perturbAll(iwslt, root);
  const large = buildLarge([...main, ...iwslt], options.largeSize, root);
  mkdirSync(options.outDir, { recursive: true });
  writeSet(options.outDir, 'main', mainBuilt, root);
  writeSet(options.outDir, 'iwslt', iwsltBuilt, root);
  writeSet(options.outDir, 'large', [large], root);
  const summary: GenSummary = {
    version: GEN_VERSION,
    options,
    sets: { main: stats(mainBuilt), iwslt: stats(iwsltBuilt), large: stats([large]) },
    speed: writeSpeedManifest(options.outDir, 'main', mainBuilt, options.speedSize, root),
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
    return `  ${name}: ${s.docs} docs, ${s.en} en / ${s.ar} ar lines; gold beads ${shapes}`;
  });
  const sp = summary.speed;
  rows.push(`  speed subset of main: ${sp.docs} docs, ${sp.en} en / ${sp.ar} ar lines`);
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
