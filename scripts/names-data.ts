/**
 * The name token pairs (../shared/data/lexicon/names-wikidata, CC0; Merhav & Ash, COLING 2018), their
 * deterministic split, and the link protocol that build-names.ts tunes its thresholds on and
 * bench/names.ts reports: each held-back Arabic token faces a pool like a news document's
 * capitalised words — its true English, 50 other held-back names, 200 ordinary English words — and a
 * link is predicted for every candidate the matcher accepts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createRng } from '../bench/rng.js';
import { fnv1a } from '../src/core/hash.js';
import { ENGLISH_STOPWORDS } from '../src/core/score/stopwords.js';
import { normalizeArabic } from '../src/core/text/normalize.js';

export const NAMES_FILE = 'lexicon/names-wikidata/name-tokens.tsv.gz';
const ORDINARY_FILE = 'parallel/un-v1-devtest/pairs.tsv.gz';

export interface Row {
  en: string;
  ar: string;
  count: number;
}


/** Bucket 0 (10%) is held back from all training and tuning; bucket 1 tunes the thresholds. */
export const bucket = (en: string) => fnv1a(en) % 10;

export function namesAvailable(dataDir: string): boolean {
  return existsSync(join(dataDir, NAMES_FILE));
}

export function readRows(dataDir: string): Row[] {
  const text = gunzipSync(readFileSync(join(dataDir, NAMES_FILE))).toString('utf8');
  const rows: Row[] = [];
  for (const line of text.split('\n').slice(1)) {
    const [en, ar, count] = line.split('\t');
    if (!en || !ar) continue;
    rows.push({ en: en.toLowerCase(), ar: normalizeArabic(ar), count: Number(count) || 1 });
  }
  return rows;
}

/**
 * Ordinary English words, the 2,000 most frequent content words of the UN sentences' English side
 * (capitalised in a document they would sit in the name index beside the names).
 */
export function ordinaryWords(dataDir: string, names: ReadonlySet<string>): string[] {
  const counts = new Map<string, number>();
  const path = join(dataDir, ORDINARY_FILE);
  if (existsSync(path)) {
    for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
      for (const w of (line.split('\t')[1] ?? '').toLowerCase().match(/[a-z]{3,}/g) ?? []) {
        if (!ENGLISH_STOPWORDS.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
      }
    }
  }
  return [...counts]
    .filter(([w]) => !names.has(w))
    .sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1))
    .slice(0, 2000)
    .map(([w]) => w);
}

export interface Item {
  ar: string;
  en: string;
  /** The candidate pool, the true English first. */
  pool: string[];
}

/** One item per distinct (ar, en) row of the chosen buckets; pools seeded by the item, so reruns agree. */
export function buildItems(rows: readonly Row[], inBucket: (b: number) => boolean, ordinary: readonly string[]): Item[] {
  const chosen = rows.filter((r) => inBucket(bucket(r.en)));
  const names = [...new Set(chosen.map((r) => r.en))].sort();
  return chosen.map((r) => {
    const rng = createRng(fnv1a(`${r.en}\t${r.ar}`));
    const pool = new Set([r.en]);
    while (pool.size < 51 && pool.size < names.length) pool.add(names[rng.int(names.length)]!);
    const target = pool.size + 200;
    while (pool.size < target && pool.size < names.length + ordinary.length) pool.add(ordinary[rng.int(ordinary.length)]!);
    return { ar: r.ar, en: r.en, pool: [...pool] };
  });
}

/** Every English spelling the data gives an Arabic token: a link to any of them is right. */
export function truthOf(rows: readonly Row[]): Map<string, Set<string>> {
  const truth = new Map<string, Set<string>>();
  for (const r of rows) {
    let set = truth.get(r.ar);
    if (!set) truth.set(r.ar, (set = new Set()));
    set.add(r.en);
  }
  return truth;
}

export interface LinkFigures {
  precision: number;
  recall: number;
  predicted: number;
  correct: number;
  items: number;
  seconds: number;
}

/** `link(item)` returns the pool words the matcher links the item's Arabic token to. */
export function measure(items: readonly Item[], truth: ReadonlyMap<string, ReadonlySet<string>>, link: (item: Item) => Iterable<string>): LinkFigures {
  let predicted = 0;
  let correct = 0;
  let recalled = 0;
  const start = performance.now();
  for (const item of items) {
    const right = truth.get(item.ar)!;
    for (const en of link(item)) {
      predicted++;
      if (right.has(en)) correct++;
      if (en === item.en) recalled++;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  return { precision: predicted ? correct / predicted : 1, recall: recalled / items.length, predicted, correct, items: items.length, seconds };
}
