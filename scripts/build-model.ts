/**
 * Builds data/model/ar-en.tsv.gz, the learned word translation table (see data/model/README.md):
 *
 *   npm run build && npm run build-model -- [--data DIR] [--out FILE] [--bible-weight W] [--iterations N]
 *       [--diagonal | --no-diagonal] [--tau-ae P] [--tau-ea P] [--min-count C] [--top K] [--measure [--quick]] [--no-write]
 *
 * Trains IBM Model 1 (Brown et al. 1993) by EM in both directions, p(e|a) and p(a|e), on the UN v1.0
 * dev/test sets, the Smith & Van Dyck / KJV Bible (at a fractional weight: archaic on both sides) and
 * Tatoeba, with the fast_align diagonal prior (Dyer et al. 2013) unless --no-diagonal. An (a, e) pair
 * is kept when both directions find it plausible — the intersection idea of Och & Ney (2003) applied
 * to the tables rather than to Viterbi links. Every 10th UN and Tatoeba pair (k % 10 === 4) is held
 * out, never trained on, and used by --measure to report how many content words find a counterpart
 * in their translation and in a random other sentence. Never reads ../shared/data/dev.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { packageRoot } from '../src/cli/resources.js';
import { loadLexicon } from '../src/cli/lexicon-file.js';
import type { Lexicon } from '../src/core/lexicon.js';
import { joinLexicons, modelKey, parseModel } from '../src/core/model.js';
import { type TranslationTable, trainModel1 } from '../src/core/model-train.js';
import { ENGLISH_STOPWORDS } from '../src/core/score/stopwords.js';
import { TOKEN } from '../src/core/score/tokens.js';
import { isArabicLetter, normalizeArabic, normalizeEnglish, stemEnglish } from '../src/core/text/normalize.js';

interface Options {
  data: string;
  out: string;
  bibleWeight: number;
  iterations: number;
  diagonal: boolean;
  tauAE: number;
  tauEA: number;
  minCount: number;
  top: number;
  measure: boolean;
  /** Measure only the chosen pruning, not the grid. */
  quick: boolean;
  write: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const root = packageRoot();
  const o: Options = {
    data: resolve(root, '../shared/data'),
    out: join(root, 'data/model/ar-en.tsv.gz'),
    bibleWeight: 0.3,
    iterations: 5,
    diagonal: true,
    tauAE: 0.02,
    tauEA: 0.02,
    minCount: 1,
    top: 8,
    measure: false,
    quick: false,
    write: true,
  };
  for (let k = 0; k < argv.length; k++) {
    const flag = argv[k]!;
    const value = () => {
      const v = argv[++k];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const num = () => {
      const v = Number(value());
      if (!Number.isFinite(v)) throw new Error(`${flag} needs a number`);
      return v;
    };
    if (flag === '--data') o.data = resolve(value());
    else if (flag === '--out') o.out = resolve(value());
    else if (flag === '--bible-weight') o.bibleWeight = num();
    else if (flag === '--iterations') o.iterations = num();
    else if (flag === '--diagonal') o.diagonal = true;
    else if (flag === '--no-diagonal') o.diagonal = false;
    else if (flag === '--tau-ae') o.tauAE = num();
    else if (flag === '--tau-ea') o.tauEA = num();
    else if (flag === '--min-count') o.minCount = num();
    else if (flag === '--top') o.top = num();
    else if (flag === '--measure') o.measure = true;
    else if (flag === '--quick') o.quick = true;
    else if (flag === '--no-write') o.write = false;
    else throw new Error(`unknown flag ${flag}`);
  }
  if (/(^|[/\\])dev([/\\]|$)|sealed/.test(o.data)) throw new Error('the model must not be trained on dev or sealed data');
  return o;
}

interface Pair {
  ar: string;
  en: string;
}

function readPairsTsv(path: string): Pair[] {
  const text = gunzipSync(readFileSync(path)).toString('utf8');
  const out: Pair[] = [];
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) out.push({ ar: line.slice(0, tab), en: line.slice(tab + 1) });
  }
  return out;
}

function readTatoeba(dir: string): Pair[] {
  const ar = readFileSync(join(dir, 'tatoeba-test-v2021-08-07.ara'), 'utf8').split('\n');
  const en = readFileSync(join(dir, 'tatoeba-test-v2021-08-07.eng'), 'utf8').split('\n');
  if (ar.at(-1) === '') ar.pop();
  if (en.at(-1) === '') en.pop();
  if (ar.length !== en.length) throw new Error(`tatoeba: ${ar.length} Arabic lines but ${en.length} English`);
  return ar.map((a, k) => ({ ar: a, en: en[k]! }));
}

/** Arabic units of a sentence: modelKey of each Arabic word; Latin words, numbers, stopwords dropped. */
function arabicUnits(text: string): string[] {
  const out: string[] = [];
  for (const word of normalizeArabic(text).match(TOKEN) ?? []) {
    if (!isArabicLetter(word[0]!)) continue;
    const key = modelKey(word);
    if (key !== null) out.push(key);
  }
  return out;
}

/** English units as the aligner has them (english-tokens.ts): Porter stems of non-stopwords; letters only. */
function englishUnits(text: string): string[] {
  const out: string[] = [];
  for (const form of text.match(TOKEN) ?? []) {
    const folded = normalizeEnglish(form);
    if (!/^[a-z]{2,}$/.test(folded) || ENGLISH_STOPWORDS.has(folded)) continue;
    out.push(stemEnglish(folded));
  }
  return out;
}

class Vocab {
  readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
    }
    return id;
  }
}

const isHeldOut = (k: number) => k % 10 === 4;

interface Trained {
  arVocab: Vocab;
  enVocab: Vocab;
  ae: TranslationTable; // t(e | a)
  ea: TranslationTable; // t(a | e)
}

function train(corpora: { pairs: Pair[]; weight: number; holdOut: boolean }[], o: Options): Trained {
  const arVocab = new Vocab();
  const enVocab = new Vocab();
  const ar: Int32Array[] = [];
  const en: Int32Array[] = [];
  const weights: number[] = [];
  for (const { pairs, weight, holdOut } of corpora) {
    if (weight <= 0) continue;
    pairs.forEach((p, k) => {
      if (holdOut && isHeldOut(k)) return;
      const a = arabicUnits(p.ar);
      const e = englishUnits(p.en);
      if (a.length === 0 || e.length === 0) return;
      ar.push(Int32Array.from(a, (w) => arVocab.id(w)));
      en.push(Int32Array.from(e, (w) => enVocab.id(w)));
      weights.push(weight);
    });
  }
  const options = { iterations: o.iterations, ...(o.diagonal ? { diagonal: { tension: 4, nullProbability: 0.08 } } : {}) };
  const t0 = Date.now();
  const ae = trainModel1(ar, en, weights, arVocab.words.length, enVocab.words.length, options);
  const ea = trainModel1(en, ar, weights, enVocab.words.length, arVocab.words.length, options);
  console.error(`trained on ${ar.length} pairs (${arVocab.words.length} Arabic units, ${enVocab.words.length} English stems), `
    + `${ae.src.length + ea.src.length} table entries, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { arVocab, enVocab, ae, ea };
}

/** Probabilities with three decimals, trailing zeros dropped: 0.25, 0.125, 1. */
function formatP(p: number): string {
  return String(Math.round(p * 1000) / 1000);
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The table: for each Arabic unit, the English stems with p(e|a) ≥ tauAE, p(a|e) ≥ tauEA and an
 * expected link count ≥ minCount (rare pairs are where Model 1 overfits: a rare source word "garbage
 * collects" its whole sentence, Moore 2004), at most `top`, most probable first.
 */
function prune(m: Trained, tauAE: number, tauEA: number, minCount: number, top: number): string {
  const enCount = m.enVocab.words.length;
  const arCount = m.arVocab.words.length;
  const reverse = new Map<number, number>();
  for (let k = 0; k < m.ea.src.length; k++) {
    if (m.ea.src[k] === m.ea.nullId || m.ea.prob[k]! < tauEA) continue;
    reverse.set(m.ea.tgt[k]! * enCount + m.ea.src[k]!, m.ea.prob[k]!);
  }
  const kept = new Map<number, { stem: string; p: number }[]>();
  for (let k = 0; k < m.ae.src.length; k++) {
    const a = m.ae.src[k]!;
    if (a === m.ae.nullId || a >= arCount) continue;
    const p = m.ae.prob[k]!;
    if (p < tauAE || m.ae.count[k]! < minCount || Math.round(p * 1000) === 0) continue;
    if ((reverse.get(a * enCount + m.ae.tgt[k]!) ?? 0) < tauEA) continue;
    let list = kept.get(a);
    if (!list) kept.set(a, (list = []));
    list.push({ stem: m.enVocab.words[m.ae.tgt[k]!]!, p });
  }
  const lines: string[] = [];
  for (const [a, list] of kept) {
    list.sort((x, y) => y.p - x.p || byCodeUnits(x.stem, y.stem));
    lines.push(`${m.arVocab.words[a]!}\t${list.slice(0, top).map((t) => `${t.stem}:${formatP(t.p)}`).join(' ')}`);
  }
  return lines.sort(byCodeUnits).join('\n') + '\n';
}

// ---- measurement on the held-out slice ------------------------------------------------------------

interface Tokenised {
  ar: string[]; // Arabic content words as they appear (normalised), for Lexicon lookups
  en: Set<string>; // English content stems
}

function contentOf(p: Pair): Tokenised {
  const ar: string[] = [];
  for (const word of normalizeArabic(p.ar).match(TOKEN) ?? []) {
    if (isArabicLetter(word[0]!) && modelKey(word) !== null) ar.push(word);
  }
  return { ar, en: new Set(englishUnits(p.en)) };
}

/** Share of Arabic content tokens with a translation in `en`, and of English stems accounted for by `ar`. */
function matched(lexicon: Lexicon, ar: readonly string[], en: ReadonlySet<string>): [number, number, number, number] {
  let arHit = 0;
  const enHit = new Set<string>();
  for (const w of ar) {
    let hit = false;
    for (const s of lexicon.englishFor(w)) {
      if (en.has(s)) {
        hit = true;
        enHit.add(s);
      }
    }
    if (hit) arHit++;
  }
  return [arHit, ar.length, enHit.size, en.size];
}

interface Rates {
  ar: number;
  arRandom: number;
  en: number;
  enRandom: number;
  /** Share of Arabic sentences whose own translation scores highest among all English sentences of the slice. */
  first: number;
}

function rates(lexicon: Lexicon, slice: readonly Tokenised[]): Rates {
  const sum = [0, 0, 0, 0, 0, 0, 0, 0];
  // A random other sentence of the slice, from a fixed LCG so the figures are reproducible.
  let seed = 20240;
  slice.forEach((t, k) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const other = slice[(k + 1 + (seed % (slice.length - 1))) % slice.length]!;
    const a = matched(lexicon, t.ar, t.en);
    const b = matched(lexicon, t.ar, other.en);
    for (let i = 0; i < 4; i++) {
      sum[i]! += a[i]!;
      sum[4 + i]! += b[i]!;
    }
  });
  // Retrieval: score = matched words on both sides / all content words (a Dice over words); ties count against.
  let first = 0;
  slice.forEach((t, k) => {
    const score = (en: ReadonlySet<string>) => {
      const [a, na, e, ne] = matched(lexicon, t.ar, en);
      return (a + e) / Math.max(1, na + ne);
    };
    const own = score(t.en);
    if (own > 0 && slice.every((u, j) => j === k || score(u.en) < own)) first++;
  });
  return { ar: sum[0]! / sum[1]!, arRandom: sum[4]! / sum[5]!, en: sum[2]! / sum[3]!, enRandom: sum[6]! / sum[7]!, first: first / slice.length };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}`;
const row = (r: Rates) => `${pct(r.ar)} / ${pct(r.arRandom)} | ${pct(r.en)} / ${pct(r.enRandom)} | ${pct(r.first)}`;

function measure(m: Trained, o: Options, heldOut: Record<string, Tokenised[]>): void {
  const dictionary = loadLexicon();
  const grid: [number, number, number][] = o.quick ? [[o.tauAE, o.tauEA, o.minCount]] : [
    [0.005, 0.005, 1], [0.01, 0.01, 1], [0.02, 0.02, 1], [0.05, 0.05, 1], [0.05, 0.05, 2], [0.1, 0.1, 2], [0.2, 0.2, 2],
    [o.tauAE, o.tauEA, o.minCount],
  ];
  const names = Object.keys(heldOut);
  console.log(`held-out: ${names.map((n) => `${n} ${heldOut[n]!.length} pairs`).join(', ')}`);
  console.log('cells: Arabic tokens matched in translation / in random sentence | English stems likewise | retrieved first (%)');
  console.log(`| lexicon | keys | KB gz | ${names.map((n) => `${n} ar | ${n} en | ${n} P@1`).join(' | ')} |`);
  console.log(`|---|---|---|${names.map(() => '---|---|---').join('|')}|`);
  console.log(`| dictionary | ${dictionary.size} | — | ${names.map((n) => row(rates(dictionary, heldOut[n]!))).join(' | ')} |`);
  const seen = new Set<string>();
  for (const [tauAE, tauEA, minCount] of grid) {
    const id = `${tauAE}/${tauEA}/${minCount}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const tsv = prune(m, tauAE, tauEA, minCount, o.top);
    const model = parseModel(tsv);
    const kb = (gzipSync(tsv, { level: 9 }).length / 1024).toFixed(0);
    const joined = joinLexicons(dictionary, model);
    console.log(`| model ${id} | ${model.size} | ${kb} | ${names.map((n) => row(rates(model, heldOut[n]!))).join(' | ')} |`);
    console.log(`| joined ${id} | | | ${names.map((n) => row(rates(joined, heldOut[n]!))).join(' | ')} |`);
  }
}

function main(): void {
  const o = parseArgs(process.argv.slice(2));
  const un = readPairsTsv(join(o.data, 'parallel/un-v1-devtest/pairs.tsv.gz'));
  const bible = readPairsTsv(join(o.data, 'parallel/bible-svd-kjv/pairs.tsv.gz'));
  const tatoeba = readTatoeba(join(o.data, 'lexicon/tatoeba-ara-eng'));
  console.error(`read ${un.length} UN, ${bible.length} Bible, ${tatoeba.length} Tatoeba pairs`);
  const model = train([
    { pairs: un, weight: 1, holdOut: true },
    { pairs: tatoeba, weight: 1, holdOut: true },
    { pairs: bible, weight: o.bibleWeight, holdOut: false },
  ], o);
  const tsv = prune(model, o.tauAE, o.tauEA, o.minCount, o.top);
  const entries = tsv.split('\n').filter(Boolean);
  const stems = entries.reduce((n, line) => n + line.split(' ').length, 0);
  const settings = `iterations=${o.iterations} diagonal=${o.diagonal} bible-weight=${o.bibleWeight} tau-ae=${o.tauAE} `
    + `tau-ea=${o.tauEA} min-count=${o.minCount} top=${o.top}`;
  // The version names the content, never the date, so that the same inputs give the same bytes.
  const body = `# settings ${settings}\n${tsv}`;
  const hash = parseModel(body).version;
  const file = `# version ${hash}\n${body}`;
  if (o.write) {
    mkdirSync(dirname(o.out), { recursive: true });
    const gz = gzipSync(file, { level: 9 });
    writeFileSync(o.out, gz);
    console.error(`wrote ${o.out}: ${entries.length} keys, ${stems} translations, ${gz.length} bytes gzipped, version ${hash}`);
  }
  if (o.measure) {
    measure(model, o, {
      UN: un.filter((_, k) => isHeldOut(k)).map(contentOf),
      Tatoeba: tatoeba.filter((_, k) => isHeldOut(k)).map(contentOf),
    });
  }
}

main();
