/**
 * Readers for the dev corpora in ../shared/data/dev (see each folder's SOURCE.txt). They return
 * documents of 1:1 sentence pairs in corpus order; the text never leaves bench/out (git-ignored),
 * because FLORES asks not to be re-hosted as plain text and IWSLT is no-derivatives.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Pair } from './perturb.js';
import { type Part, partOf } from './split.js';

export type Corpus = 'flores' | 'tico' | 'iwslt';

export interface SourceDoc {
  id: string;
  corpus: Corpus;
  pairs: Pair[];
}

export const FLORES_DOCS = 'flores200/flores200.devtest.eng-arb.docs.tsv.gz';
export const TICO_DOCS = 'tico19/tico19.en-ar.docs.tsv';
export const IWSLT_DOCS = 'iwslt17-ted-ar-en/iwslt17.tst2016-2017.en-ar.docs.tsv';

/** Presplit files hold one segment a line, so a stray newline or tab inside a sentence must go. */
const clean = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Rows of a TSV with a header line, as objects keyed by the header's column names. */
function readTsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const header = (lines[0] ?? '').split('\t');
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
  });
}

/** Consecutive rows with the same key, in file order. */
function groupBy(rows: Record<string, string>[], key: (row: Record<string, string>) => string) {
  const groups: { key: string; rows: Record<string, string>[] }[] = [];
  for (const row of rows) {
    const k = key(row);
    const last = groups.at(-1);
    if (last && last.key === k) last.rows.push(row);
    else groups.push({ key: k, rows: [row] });
  }
  return groups;
}

function pairsOf(rows: Record<string, string>[], en: string, ar: string): Pair[] {
  return rows
    .map((row) => ({ en: clean(row[en] ?? ''), ar: clean(row[ar] ?? '') }))
    .filter((pair) => pair.en.length > 0 && pair.ar.length > 0);
}

/** Whether a corpus document (URL, TICO document, talk) is in the part asked for; all when none is. */
const wanted = (corpus: Corpus, id: string, part: Part | undefined): boolean => part === undefined || partOf(corpus, id) === part;

/**
 * FLORES-200 devtest: 281 URL-documents of 1-6 sentences are too short to align as documents, so
 * consecutive ones (file order) are concatenated until a document reaches `target` sentences; a
 * short remainder joins the last document. With `part`, only that part's URL-documents are read
 * (the split is by URL, before joining), and the ids say the part: `flores-test-01`.
 */
export function loadFlores(dataDir: string, target = 30, part?: Part): SourceDoc[] {
  const text = gunzipSync(readFileSync(join(dataDir, FLORES_DOCS))).toString('utf8');
  const docs: Pair[][] = [];
  let current: Pair[] = [];
  const groups = groupBy(readTsv(text), (row) => row['doc_id'] ?? '').filter((g) => wanted('flores', g.key, part));
  for (const group of groups) {
    current.push(...pairsOf(group.rows, 'eng', 'arb'));
    if (current.length >= target) {
      docs.push(current);
      current = [];
    }
  }
  if (current.length > 0) {
    const last = docs.at(-1);
    if (last && current.length < target / 2) last.push(...current);
    else docs.push(current);
  }
  const prefix = part === undefined ? 'flores' : `flores-${part}`;
  return docs.map((pairs, i) => ({ id: `${prefix}-${String(i + 1).padStart(2, '0')}`, corpus: 'flores', pairs }));
}

/** Splits n items into round(n / target) chunks of near-equal size (at least one chunk). */
export function chunkSizes(n: number, target: number): number[] {
  const k = Math.max(1, Math.round(n / target));
  return Array.from({ length: k }, (_, i) => Math.floor((n * (i + 1)) / k) - Math.floor((n * i) / k));
}

/** TICO-19: 31 documents of 4-450 segments; long ones are cut into chunks of about `target` (one part's only, with `part`). */
export function loadTico(dataDir: string, target = 30, part?: Part): SourceDoc[] {
  const rows = readTsv(readFileSync(join(dataDir, TICO_DOCS), 'utf8'));
  const docs: SourceDoc[] = [];
  for (const group of groupBy(rows, (row) => row['doc_id'] ?? '').filter((g) => wanted('tico', g.key, part))) {
    const pairs = pairsOf(group.rows, 'en', 'ar');
    let at = 0;
    chunkSizes(pairs.length, target).forEach((size, i) => {
      docs.push({ id: `tico-${group.key}-${i + 1}`, corpus: 'tico', pairs: pairs.slice(at, at + size) });
      at += size;
    });
  }
  return docs;
}

/** IWSLT17 TED talks, whole: one talk is one document, one subtitle segment one pair (one part's only, with `part`). */
export function loadIwslt(dataDir: string, part?: Part): SourceDoc[] {
  const rows = readTsv(readFileSync(join(dataDir, IWSLT_DOCS), 'utf8'));
  const talks = groupBy(rows, (row) => `${row['set']}-${row['talkid']}`).filter((g) => wanted('iwslt', g.key, part));
  return talks.map((group) => ({
    id: `iwslt-${group.key}`,
    corpus: 'iwslt' as const,
    pairs: pairsOf(group.rows, 'en', 'ar'),
  }));
}

export function dataAvailable(dataDir: string): boolean {
  return [FLORES_DOCS, TICO_DOCS, IWSLT_DOCS].every((file) => existsSync(join(dataDir, file)));
}
