/**
 * Builds data/lexicon/ar-en.tsv.gz, the Arabic→English word lexicon, from the dictionaries in
 * ../shared/data/lexicon (see data/lexicon/README.md for the format, the sources and their licences):
 *
 *   npx tsc -p . && node dist/scripts/build-lexicon.js [--data DIR] [--out FILE] [--no-learn]
 *                                                      [--no-multiword] [--coverage TEXTFILE]...
 *
 * Keys are single Arabic words in normalizeArabic form, the article dropped; values are Porter stems of
 * the content words of their English glosses, ranked by how many sources give them, then by how many
 * senses (a stem from a gloss of n content words counts 1/n), capped at MAX_STEMS. Tatoeba pairs add
 * word translations learned by co-occurrence; every fifth pair is held out, never learned from, and
 * used to report coverage and how well the lexicon tells a translation from other sentences.
 * --coverage reports the share of Arabic word tokens of a text that the built lexicon knows, and lists
 * the ones it does not. Every choice below was measured that way; data/lexicon/README.md has the figures.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { packageRoot } from '../src/cli/resources.js';
import { parseLexicon, type Lexicon } from '../src/core/lexicon.js';
import { normalizeArabic, normalizeEnglish, stemEnglish } from '../src/core/text/normalize.js';

const FREEDICT = 1;
const ELIXIRFM = 2;
const TICO = 4;
const TATOEBA = 8;
const SOURCE_NAMES: Record<number, string> = { [FREEDICT]: 'FreeDict', [ELIXIRFM]: 'ElixirFM', [TICO]: 'TICO-19 terms', [TATOEBA]: 'Tatoeba (learned)' };

/** Stems kept per key: enough for the senses of a common word, few enough to keep chance matches rare. */
const MAX_STEMS = 12;
/** A gloss with more content words than this is a definition, not a translation. */
const MAX_GLOSS_WORDS = 4;

const ENGLISH_STOP = new Set(
  `a an the and or but nor of to in on at by for from with without into onto upon about above below over under
  between among through during before after since until than as if then when while where whether because though
  also too very just only even still again not no i me my we us our you your he him his she her it its they them
  their this that these those who whom whose which what am is are was were be been being have has had do does did
  will would shall should can could may might must there here some any each every all both either neither other
  another such own same few more most many much up down out off away back one ones oneself someone something
  somebody th etc become make get im ive id youre youve theyre theyve weve dont doesnt didnt isnt arent wasnt
  werent wont cant couldnt wouldnt shouldnt hasnt havent hadnt lets thats theres whats`.split(/\s+/),
);
/** Kept even in a function word's gloss: they say nothing about which function word it is. */
const ENGLISH_ARTICLES = new Set(['a', 'an', 'the', 'to', 'th', 'etc', 'one', 'oneself', 'someone', 'something', 'somebody']);

/** Normalised Arabic words that carry no content in a multi-word gloss (بشكل كهربائي "electrically"). */
const ARABIC_FRAME = new Set(
  `في من علي الي عن مع عند بين ذو ذات ذوو ذوات بشكل بطريقه بصوره الذي التي الذين ما او و ان قد هو هي شيء شخص يكون كان`.split(' '),
);
/** A negated gloss (غير مراقب "uncensored") keyed by its content word would translate the opposite. */
const ARABIC_NEGATION = new Set(['غير', 'لا', 'عدم', 'ليس', 'بدون', 'بلا', 'ضد', 'لم', 'لن', 'اللا']);

/**
 * Hand-written English morphology, not translations: ElixirFM glosses verbs by their base form, and
 * Porter leaves said/say, went/go apart, while news reports in the past tense.
 */
const IRREGULAR = new Map(
  `arise arose arisen|awake awoke awoken|bear bore borne|beat beaten|become became|begin began begun|bend bent|
  bind bound|bite bit bitten|bleed bled|blow blew blown|break broke broken|breed bred|bring brought|build built|
  burn burnt|buy bought|catch caught|choose chose chosen|come came|cost|cut|deal dealt|dig dug|do did done|
  draw drew drawn|drink drank drunk|drive drove driven|eat ate eaten|fall fell fallen|feed fed|feel felt|
  fight fought|find found|flee fled|fly flew flown|forbid forbade forbidden|forget forgot forgotten|
  forgive forgave forgiven|freeze froze frozen|get got gotten|give gave given|go went gone|grind ground|
  grow grew grown|hang hung|have had|hear heard|hide hid hidden|hit|hold held|hurt|keep kept|kneel knelt|
  know knew known|lay laid|lead led|leave left|lend lent|let|lie lay lain|light lit|lose lost|make made|
  mean meant|meet met|pay paid|put|quit|read|ride rode ridden|ring rang rung|rise rose risen|run ran|
  say said|see saw seen|seek sought|sell sold|send sent|set|shake shook shaken|shed|shine shone|shoot shot|
  show shown|shrink shrank shrunk|shut|sing sang sung|sink sank sunk|sit sat|sleep slept|slide slid|
  speak spoke spoken|spend spent|spin spun|split|spread|spring sprang sprung|stand stood|steal stole stolen|
  stick stuck|sting stung|strike struck|strive strove striven|swear swore sworn|sweep swept|swim swam swum|
  swing swung|take took taken|teach taught|tear tore torn|tell told|think thought|throw threw thrown|
  understand understood|undertake undertook undertaken|wake woke woken|wear wore worn|weep wept|win won|
  withdraw withdrew withdrawn|write wrote written`
    .split('|')
    .map((line) => line.trim().split(' '))
    .map(([base, ...forms]) => [base!, forms] as const),
);

interface Support {
  /** Bit set of the sources that give the stem. */
  sources: number;
  senses: number;
  /** From a multi-word Arabic gloss: ranks after every direct translation. */
  indirect: boolean;
  order: number;
}

class Evidence {
  readonly byKey = new Map<string, Map<string, Support>>();
  readonly keysPerSource = new Map<number, Set<string>>();
  private order = 0;

  add(key: string, stems: readonly string[], source: number, indirect = false): void {
    if (stems.length === 0) return;
    let entry = this.byKey.get(key);
    if (!entry) this.byKey.set(key, (entry = new Map()));
    (this.keysPerSource.get(source) ?? this.keysPerSource.set(source, new Set()).get(source)!).add(key);
    for (const stem of stems) {
      const s = entry.get(stem);
      if (!s) entry.set(stem, { sources: source, senses: 1 / stems.length, indirect, order: this.order++ });
      else {
        s.sources |= source;
        s.senses += 1 / stems.length;
        s.indirect &&= indirect;
      }
    }
  }

  lines(): string[] {
    const out: string[] = [];
    for (const [key, entry] of this.byKey) {
      const ranked = [...entry].sort(([, a], [, b]) => bits(b.sources) - bits(a.sources)
        || Number(a.indirect) - Number(b.indirect) || b.senses - a.senses || a.order - b.order);
      out.push(`${key}\t${ranked.slice(0, MAX_STEMS).map(([stem]) => stem).join(' ')}`);
    }
    return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

function bits(n: number): number {
  let count = 0;
  for (; n; n &= n - 1) count++;
  return count;
}

/** Content-word stems of one English gloss; a gloss of function words only (في "in") keeps them. */
function glossStems(gloss: string, isVerb = false): string[] {
  const text = gloss.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').toLowerCase().replace(/^\s*to\s+/, '');
  const words = text.split(/[^a-z'’‘`´]+/).map((w) => normalizeEnglish(w).replace(/[^a-z]/g, '')).filter((w) => w.length >= 2);
  let content = words.filter((w) => !ENGLISH_STOP.has(w));
  if (content.length > MAX_GLOSS_WORDS) return [];
  if (content.length === 0) content = words.filter((w) => !ENGLISH_ARTICLES.has(w));
  // say → said, but not in "say the right thing" (أسد), whose "said" would match every news report.
  const forms = isVerb && content.length === 1 ? content.flatMap((w) => [w, ...(IRREGULAR.get(w) ?? [])]) : content;
  return [...new Set(forms.map(stemEnglish))];
}

const ARABIC_WORD = /^[\u0621-\u064A]+$/;

/** The key of one Arabic word, with a spelled-out article removed: lookups put it back via arabicCandidates. */
function arabicKey(word: string): string | null {
  const norm = normalizeArabic(word);
  if (!ARABIC_WORD.test(norm) || norm.length < 2) return null;
  // Only a bare alef is the article: أ/إ/آ + ل (ألم "pain", إلهام "inspiration") are root letters.
  const bare = word.replace(/[\u064B-\u065F\u0670\u0640]/g, '');
  if (bare.startsWith('ال') && norm.length - 2 >= 3) return norm.slice(2);
  return norm;
}

/** Keys for one Arabic dictionary string: each single-word alternative; a multi-word one by its content word. */
function arabicKeys(raw: string, multiword: boolean): Array<{ key: string; indirect: boolean }> {
  const out: Array<{ key: string; indirect: boolean }> = [];
  for (const alternative of raw.replace(/\([^)]*\)/g, ' ').split(/[،,؛;/]/)) {
    const words = alternative.trim().split(/\s+/).filter(Boolean);
    if (words.length === 1) {
      const key = arabicKey(words[0]!);
      if (key) out.push({ key, indirect: false });
    } else if (multiword && words.length > 1) {
      const norms = words.map(normalizeArabic);
      if (norms.some((w) => ARABIC_NEGATION.has(w))) continue;
      const content = words.filter((_, k) => !ARABIC_FRAME.has(norms[k]!));
      const key = content.length === 1 ? arabicKey(content[0]!) : null;
      if (key) out.push({ key, indirect: true });
    }
  }
  return out;
}

function readTsv(path: string): string[][] {
  return readFileSync(path, 'utf8').split('\n').slice(1).filter(Boolean).map((line) => line.split('\t'));
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
function readCsv(path: string): Array<Record<string, string>> {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (quoted) {
      if (c === '"' && text[k + 1] === '"') (field += '"'), k++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[k + 1] === '\n') k++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  const [header, ...body] = rows;
  return body.filter((r) => r.length > 1).map((r) => Object.fromEntries((header ?? []).map((h, k) => [h, r[k] ?? ''])));
}

interface Counts {
  pairs: number;
  used: number;
}

function addDictionaryPair(ev: Evidence, source: number, ar: string, en: string, multiword: boolean, isVerb = false): boolean {
  const stems = glossStems(en, isVerb);
  if (stems.length === 0) return false;
  const keys = arabicKeys(ar, multiword);
  for (const { key, indirect } of keys) ev.add(key, stems, source, indirect);
  return keys.length > 0;
}

function readFreeDict(ev: Evidence, dir: string, multiword: boolean): Counts {
  // eng-ara repeats nearly every pair of ara-eng: count a pair once so that it is one sense, not two.
  const seen = new Set<string>();
  const counts = { pairs: 0, used: 0 };
  for (const file of ['freedict-ara-eng.tsv', 'freedict-eng-ara.tsv']) {
    for (const [ar, en] of readTsv(join(dir, 'freedict-ara-eng', file))) {
      if (!ar || !en || seen.has(`${ar}\t${en}`)) continue;
      seen.add(`${ar}\t${en}`);
      counts.pairs++;
      for (const sense of en.split(/[;,]/)) if (addDictionaryPair(ev, FREEDICT, ar, sense, multiword)) counts.used++;
    }
  }
  return counts;
}

function readElixirFM(ev: Evidence, dir: string): Counts {
  const counts = { pairs: 0, used: 0 };
  for (const [ar, , pos, glosses] of readTsv(join(dir, 'elixirfm', 'elixirfm-lexicon.tsv'))) {
    if (!ar || !glosses) continue;
    for (const gloss of glosses.split(' | ')) {
      counts.pairs++;
      // Letter names and abbreviations (في "V.", إن "N.") are spelling, not translation.
      if (/^[A-Z]\.?$/.test(gloss.trim())) continue;
      if (addDictionaryPair(ev, ELIXIRFM, ar, gloss, false, pos === 'verb')) counts.used++;
    }
  }
  return counts;
}

function readTico(ev: Evidence, dir: string, multiword: boolean): Counts {
  const counts = { pairs: 0, used: 0 };
  for (const file of ['f_en-ar_AR.csv', 'g_ar_en.csv', 'g_en_ar.csv']) {
    for (const row of readCsv(join(dir, 'tico19-terms', file))) {
      const [ar, en] = row.sourceLang?.startsWith('ar') ? [row.sourceString, row.targetString] : [row.targetString, row.sourceString];
      if (!ar || !en) continue;
      counts.pairs++;
      if (addDictionaryPair(ev, TICO, ar, en, multiword)) counts.used++;
    }
  }
  return counts;
}

interface Pair {
  ar: string[];
  /** normalizeEnglish forms, so that stopwords can be told before stemming. */
  en: string[];
  enStems: string[];
}

function tatoebaPairs(dir: string): Pair[] | null {
  const base = join(dir, 'tatoeba-ara-eng', 'tatoeba-test-v2021-08-07');
  if (!existsSync(`${base}.ara`)) return null;
  const ar = readFileSync(`${base}.ara`, 'utf8').split('\n');
  const en = readFileSync(`${base}.eng`, 'utf8').split('\n');
  const pairs: Pair[] = [];
  for (let k = 0; k < Math.min(ar.length, en.length); k++) {
    if (!ar[k]!.trim() || !en[k]!.trim()) continue;
    const words = (en[k]!.match(/[\p{L}]+(?:['’][\p{L}]+)*/gu) ?? []).map(normalizeEnglish);
    pairs.push({ ar: arabicWords(ar[k]!), en: words, enStems: words.map(stemEnglish) });
  }
  return pairs;
}

function arabicWords(text: string): string[] {
  return normalizeArabic(text).match(/[\u0621-\u064A]{2,}/g) ?? [];
}

/**
 * Word translations from sentence pairs by the Dice coefficient of sentence co-occurrence, kept only
 * when strong and mutual: both words must be each other's best partner (competitive linking, Melamed
 * 2000, "Models of translational equivalence among words"). Arabic keys are the surface forms seen.
 */
function learn(ev: Evidence, pairs: readonly Pair[], minCount: number, minDice: number): number {
  const arCount = new Map<string, number>();
  const enCount = new Map<string, number>();
  const joint = new Map<string, number>();
  for (const p of pairs) {
    const ar = new Set(p.ar);
    const en = new Set(p.en.filter((w) => !ENGLISH_STOP.has(w)).map(stemEnglish));
    for (const a of ar) arCount.set(a, (arCount.get(a) ?? 0) + 1);
    for (const e of en) enCount.set(e, (enCount.get(e) ?? 0) + 1);
    for (const a of ar) for (const e of en) joint.set(`${a}\t${e}`, (joint.get(`${a}\t${e}`) ?? 0) + 1);
  }
  const bestForAr = new Map<string, [string, number]>();
  const bestForEn = new Map<string, [string, number]>();
  for (const [pair, n] of joint) {
    if (n < minCount) continue;
    const [a, e] = pair.split('\t') as [string, string];
    const dice = (2 * n) / (arCount.get(a)! + enCount.get(e)!);
    if (dice > (bestForAr.get(a)?.[1] ?? 0)) bestForAr.set(a, [e, dice]);
    if (dice > (bestForEn.get(e)?.[1] ?? 0)) bestForEn.set(e, [a, dice]);
  }
  let learned = 0;
  for (const [a, [e, dice]] of bestForAr) {
    if (dice < minDice || bestForEn.get(e)?.[0] !== a) continue;
    ev.add(a, [e], TATOEBA);
    learned++;
  }
  return learned;
}

function coverage(lexicon: Lexicon, words: readonly string[]): number {
  return words.length ? words.filter((w) => lexicon.knows(w)).length / words.length : 0;
}

/**
 * How well the lexicon tells a translation from other sentences: each held-out Arabic sentence is
 * scored against every held-out English sentence by the share of content words matched (Dice over
 * Arabic words with a translation and English content stems), and P@1 is how often its own
 * translation scores highest. Hit rates are the share of known Arabic words whose translations occur
 * in the translation, and in an unrelated sentence: the lexicon's signal and its noise.
 */
function reportHeldOut(lexicon: Lexicon, heldOut: readonly Pair[]): void {
  const stopStems = new Set([...ENGLISH_STOP].map(stemEnglish));
  const arabic = heldOut.map((p) => p.ar.map((w) => lexicon.englishFor(w).filter((s) => !stopStems.has(s))).filter((s) => s.length > 0));
  const english = heldOut.map((p) => new Set(p.en.filter((w) => !ENGLISH_STOP.has(w)).map(stemEnglish)));
  const hits = (ar: ReadonlyArray<readonly string[]>, en: ReadonlySet<string>) => ar.filter((s) => s.some((x) => en.has(x))).length;
  let top = 0;
  let trueHits = 0;
  let randomHits = 0;
  arabic.forEach((ar, k) => {
    const score = (en: ReadonlySet<string>) => (2 * hits(ar, en)) / (ar.length + en.size + 1);
    const own = score(english[k]!);
    if (english.every((en, j) => j === k || score(en) < own)) top++;
    // A fixed stride, not a neighbour: consecutive Tatoeba lines are often paraphrases of one another.
    trueHits += hits(ar, english[k]!) / (ar.length || 1);
    randomHits += hits(ar, english[(k + 997) % english.length]!) / (ar.length || 1);
  });
  const words = heldOut.flatMap((p) => p.ar);
  const n = heldOut.length;
  console.log(`tatoeba held-out (${n} pairs, ${words.length} Arabic tokens): coverage ${pct(coverage(lexicon, words))}; `
    + `content words matched in the translation ${pct(trueHits / n)}, in a random sentence ${pct(randomHits / n)}; `
    + `translation retrieved first among ${n}: ${pct(top / n)}`);
}

/** Coverage through all readings, beside the share of tokens that are keys as they stand (the dictionary-form baseline). */
function reportText(lexicon: Lexicon, keys: ReadonlyMap<string, unknown>, path: string): void {
  const words = (normalizeArabic(readFileSync(path, 'utf8')).match(/[\u0621-\u064A]+/g) ?? []);
  const missing = new Map<string, number>();
  for (const w of words) if (!lexicon.knows(w)) missing.set(w, (missing.get(w) ?? 0) + 1);
  const unknown = [...missing.values()].reduce((a, b) => a + b, 0);
  const asTheyStand = words.filter((w) => keys.has(w) || (w.startsWith('ال') && keys.has(w.slice(2)))).length;
  console.log(`${path}: coverage ${pct(1 - unknown / (words.length || 1))} of ${words.length} Arabic word tokens `
    + `(${pct(asTheyStand / (words.length || 1))} are keys as they stand or without the article); `
    + `unknown (${missing.size} types): ${[...missing].sort((a, b) => b[1] - a[1]).map(([w, n]) => (n > 1 ? `${w}×${n}` : w)).join(' ')}`);
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function main(argv: string[]): void {
  let dataDir = resolve(packageRoot(), '..', 'shared', 'data', 'lexicon');
  let out = join(packageRoot(), 'data', 'lexicon', 'ar-en.tsv.gz');
  let learnPairs = true;
  let multiword = true;
  const texts: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    const value = () => argv[++k] ?? fail(`${arg} needs a value`);
    if (arg === '--data') dataDir = resolve(value());
    else if (arg === '--out') out = resolve(value());
    else if (arg === '--no-learn') learnPairs = false;
    else if (arg === '--no-multiword') multiword = false;
    else if (arg === '--coverage') texts.push(resolve(value()));
    else fail(`unknown argument ${arg}`);
  }
  if (!existsSync(join(dataDir, 'freedict-ara-eng', 'freedict-ara-eng.tsv'))) {
    fail(`no lexicon sources at ${dataDir} (expected freedict-ara-eng/, elixirfm/, tico19-terms/; pass --data DIR)`);
  }
  const ev = new Evidence();
  // Read order breaks ties in rank: the curated ElixirFM glosses before the Arabeyes word list.
  const counts: Array<[number, Counts]> = [
    [ELIXIRFM, readElixirFM(ev, dataDir)],
    [TICO, readTico(ev, dataDir, multiword)],
    [FREEDICT, readFreeDict(ev, dataDir, multiword)],
  ];
  const pairs = tatoebaPairs(dataDir);
  const heldOut = pairs?.filter((_, k) => k % 5 === 4) ?? [];
  if (pairs && learnPairs) {
    const training = pairs.filter((_, k) => k % 5 !== 4);
    counts.push([TATOEBA, { pairs: training.length, used: learn(ev, training, 3, 0.3) }]);
  }
  const lines = ev.lines();
  const tsv = `${lines.join('\n')}\n`;
  const gz = gzipSync(Buffer.from(tsv, 'utf8'), { level: 9 });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, gz);
  for (const [source, c] of counts) {
    console.log(`${SOURCE_NAMES[source]}: ${c.pairs} pairs read, ${c.used} used, keys ${ev.keysPerSource.get(source)?.size ?? 0}`);
  }
  const stems = lines.reduce((n, line) => n + line.split('\t')[1]!.split(' ').length, 0);
  console.log(`wrote ${out}: ${lines.length} keys, ${stems} stems, ${tsv.length} chars, ${gz.length} bytes gzipped`);
  const lexicon = parseLexicon(tsv);
  if (heldOut.length) reportHeldOut(lexicon, heldOut);
  for (const text of texts) reportText(lexicon, ev.byKey, text);
}

function fail(message: string): never {
  console.error(`build-lexicon: ${message}`);
  process.exit(1);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  // A missing or unreadable source file: its path is in the message, a stack trace would bury it.
  fail(error instanceof Error ? error.message : String(error));
}
