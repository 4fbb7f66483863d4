import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { evalCommand } from '../src/cli/eval.js';
import { formatLadder } from '../src/formats/ladder.js';
import { readEvalJson } from '../bench/eval-json.js';
import { countLinks, linkScores, locate, standsFor } from '../bench/links.js';
import {
  dropOneSide,
  fromPairs,
  type GoldBead,
  insertForeign,
  joinSentences,
  mergeNeighbours,
  type Pair,
  perturbDocument,
  regroupParagraphs,
  renderParagraphs,
  sidesOf,
  toLadder,
} from '../bench/perturb.js';
import { createRng } from '../bench/rng.js';
import { chunkSizes } from '../bench/sources.js';
import { inPart, type Part, partOf } from '../bench/split.js';
import { addClauses, clauseOf, glueArabic, glueArabicLines, halveLexicon, insertClause } from '../bench/stress.js';

// Hand-made documents: made-up sentences, never dev-corpus text.
const doc = (n: number): Pair[] =>
  Array.from({ length: n }, (_, i) => ({ en: `English sentence number ${i + 1}.`, ar: `الجملة العربية رقم ${i + 1}.` }));
const FIVE = doc(5);
const FOREIGN: Pair[] = Array.from({ length: 6 }, (_, i) => ({ en: `Foreign line ${i + 1}.`, ar: `سطر أجنبي ${i + 1}.` }));

const shape = (b: GoldBead) => `${b.en.length}-${b.ar.length}`;

/**
 * The originals of one side as they appear in the gold, in order: a merged line is undone by
 * checking it is exactly the join of two consecutive originals; foreign lines are skipped.
 */
function originalsOf(gold: readonly GoldBead[], pairs: readonly Pair[], side: 'en' | 'ar'): string[] {
  const originals = pairs.map((p) => p[side]);
  const foreign = new Set(FOREIGN.map((p) => p[side]));
  const out: string[] = [];
  for (const line of sidesOf(gold)[side]) {
    if (foreign.has(line)) continue;
    if (originals.includes(line)) {
      out.push(line);
      continue;
    }
    const i = originals.findIndex((o, k) => k + 1 < originals.length && joinSentences(o, originals[k + 1]!, side) === line);
    expect(i, `"${line}" is neither an original, a foreign line nor a merge`).toBeGreaterThanOrEqual(0);
    out.push(originals[i]!, originals[i + 1]!);
  }
  return out;
}

describe('perturbations keep the gold exact', () => {
  it('merge: one 1-2 or 2-1 bead holding two neighbours, joined on one side', () => {
    const gold = mergeNeighbours(fromPairs(FIVE), 1, createRng(1));
    expect(gold).toHaveLength(4);
    const merged = gold.filter((b) => shape(b) !== '1-1');
    expect(merged).toHaveLength(1);
    const bead = merged[0]!;
    const k = gold.indexOf(bead);
    const [a, b] = [FIVE[k]!, FIVE[k + 1]!];
    if (shape(bead) === '1-2') expect(bead).toEqual({ en: [joinSentences(a.en, b.en, 'en')], ar: [a.ar, b.ar] });
    else expect(bead).toEqual({ en: [a.en, b.en], ar: [joinSentences(a.ar, b.ar, 'ar')] });
    expect(originalsOf(gold, FIVE, 'en')).toEqual(FIVE.map((p) => p.en));
    expect(originalsOf(gold, FIVE, 'ar')).toEqual(FIVE.map((p) => p.ar));
  });

  it('joinSentences turns the full stop into a semicolon or an Arabic comma, so a splitter cannot undo it', () => {
    expect(joinSentences('One.', 'Two.', 'en')).toBe('One; Two.');
    expect(joinSentences('واحد.', 'اثنان.', 'ar')).toBe('واحد، اثنان.');
    expect(joinSentences('Why?', 'Because.', 'en')).toBe('Why? Because.');
  });

  it('merges never overlap and never exceed the count', () => {
    const gold = mergeNeighbours(fromPairs(FIVE), 2, createRng(7));
    expect(gold.filter((b) => shape(b) !== '1-1')).toHaveLength(2);
    expect(sidesOf(gold).en.length + sidesOf(gold).ar.length).toBe(8);
  });

  it('drop: the dropped pairs become one-sided beads holding the surviving side, in place', () => {
    const gold = dropOneSide(fromPairs(FIVE), 2, createRng(3));
    expect(gold).toHaveLength(5);
    const oneSided = gold.map((b, i) => [b, i] as const).filter(([b]) => shape(b) !== '1-1');
    expect(oneSided).toHaveLength(2);
    for (const [bead, i] of oneSided) {
      if (shape(bead) === '1-0') expect(bead).toEqual({ en: [FIVE[i]!.en], ar: [] });
      else expect(bead).toEqual({ en: [], ar: [FIVE[i]!.ar] });
    }
  });

  it('insert: foreign sentences come in as one-sided beads at distinct gaps, the originals untouched', () => {
    const gold = insertForeign(fromPairs(FIVE), 2, FOREIGN, createRng(5));
    expect(gold).toHaveLength(7);
    const inserted = gold.filter((b) => shape(b) !== '1-1');
    expect(inserted).toHaveLength(2);
    for (const bead of inserted) {
      const text = bead.en[0] ?? bead.ar[0]!;
      expect(FOREIGN.some((p) => p.en === text || p.ar === text)).toBe(true);
    }
    gold.forEach((b, i) => {
      if (shape(b) !== '1-1') expect(shape(gold[i + 1] ?? { en: [''], ar: [''] })).toBe('1-1');
    });
    expect(gold.filter((b) => shape(b) === '1-1')).toEqual(fromPairs(FIVE));
  });

  it('the whole recipe: every original sentence exactly once, in order, and the ladder numbers each line once', () => {
    const pairs = doc(30);
    const gold = perturbDocument(pairs, FOREIGN, createRng(11));
    const shapes = gold.map(shape);
    expect(shapes.filter((s) => s === '1-2' || s === '2-1')).toHaveLength(3);
    // 3 drops + 3 insertions, each one-sided bead a single line.
    expect(shapes.filter((s) => s === '1-0' || s === '0-1')).toHaveLength(6);
    expect(new Set(shapes)).toEqual(new Set(shapes.filter((s) => ['1-1', '1-0', '0-1', '1-2', '2-1'].includes(s))));
    // A pair lost its English iff its Arabic stands alone in a bead (and the other way round).
    const alone = (side: 'en' | 'ar') => new Set(gold.filter((b) => b[side === 'en' ? 'ar' : 'en'].length === 0).flatMap((b) => b[side]));
    const droppedEn = pairs.filter((p) => alone('ar').has(p.ar));
    const droppedAr = pairs.filter((p) => alone('en').has(p.en));
    expect(droppedEn.length + droppedAr.length).toBe(3);
    expect(originalsOf(gold, pairs, 'en')).toEqual(pairs.filter((p) => !droppedEn.includes(p)).map((p) => p.en));
    expect(originalsOf(gold, pairs, 'ar')).toEqual(pairs.filter((p) => !droppedAr.includes(p)).map((p) => p.ar));
    const lines = sidesOf(gold);
    const ladder = toLadder(gold);
    expect(ladder.flatMap((b) => b.source)).toEqual(lines.en.map((_, i) => i));
    expect(ladder.flatMap((b) => b.target)).toEqual(lines.ar.map((_, i) => i));
  });

  it('toLadder numbers each side from 0 in bead order', () => {
    const gold: GoldBead[] = [
      { en: ['a'], ar: ['x'] },
      { en: [], ar: ['y'] },
      { en: ['b', 'c'], ar: ['z'] },
      { en: ['d'], ar: [] },
    ];
    expect(toLadder(gold)).toEqual([
      { source: [0], target: [0] },
      { source: [], target: [1] },
      { source: [1, 2], target: [2] },
      { source: [3], target: [] },
    ]);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const pairs = doc(30);
    const a = perturbDocument(pairs, FOREIGN, createRng(42));
    expect(perturbDocument(pairs, FOREIGN, createRng(42))).toEqual(a);
    expect(perturbDocument(pairs, FOREIGN, createRng(43))).not.toEqual(a);
    expect(regroupParagraphs(a, createRng(9))).toEqual(regroupParagraphs(a, createRng(9)));
  });

  it('regrouped paragraphs cover each side exactly and render back to the same sentences', () => {
    const gold = perturbDocument(doc(40), FOREIGN, createRng(2));
    const sizes = regroupParagraphs(gold, createRng(4));
    const lines = sidesOf(gold);
    expect(sizes.en.reduce((a, b) => a + b, 0)).toBe(lines.en.length);
    expect(sizes.ar.reduce((a, b) => a + b, 0)).toBe(lines.ar.length);
    expect(sizes.en.every((s) => s > 0) && sizes.ar.every((s) => s > 0)).toBe(true);
    const text = renderParagraphs(lines.en, sizes.en);
    expect(text.trim().split('\n\n')).toHaveLength(sizes.en.length);
    expect(text.replace(/\s+/g, ' ').trim()).toBe(lines.en.join(' '));
  });

  it('ends a line after a sentence without terminal punctuation, as real transcripts do', () => {
    expect(renderParagraphs(['one.', 'and two', 'three?', 'four'], [4])).toBe('one. and two\nthree? four\n');
    expect(renderParagraphs(['a heading', 'Body text.', 'More.'], [1, 2])).toBe('a heading\n\nBody text. More.\n');
  });

  it('chunkSizes splits into near-equal chunks of about the target', () => {
    expect(chunkSizes(141, 32)).toEqual([35, 35, 35, 36]);
    expect(chunkSizes(4, 32)).toEqual([4]);
    expect(chunkSizes(64, 32)).toEqual([32, 32]);
  });
});

// Donor sentences of "another document": a vocabulary of their own, so clause words can be traced.
const DONORS: Pair[] = Array.from({ length: 8 }, (_, i) => ({
  en: `Donor${i} alpha bravo charlie delta echo foxtrot golf hotel india juliet.`,
  ar: `مانح${i} ألف باء تاء ثاء جيم حاء خاء دال ذال راء.`,
}));

describe('stress sets (issue 9)', () => {
  it('clauses: gold stays 1-1, each clause is 5-12 consecutive words of one donor sentence, on one side', () => {
    const pairs = doc(40);
    const { beads, events } = addClauses(pairs, DONORS, 0.15, createRng(3));
    expect(beads).toEqual(
      pairs.map((p, i) => {
        const e = events.find((ev) => ev.index === i);
        return e ? { ...fromPairs([p])[0]!, [e.side]: [beads[i]![e.side][0]!] } : { en: [p.en], ar: [p.ar] };
      }),
    );
    expect(beads.every((b) => shape(b) === '1-1')).toBe(true);
    expect(events).toHaveLength(6);
    for (const e of events) {
      const other = e.side === 'en' ? 'ar' : 'en';
      expect(beads[e.index]![other]).toEqual([pairs[e.index]![other]]);
      const grown = beads[e.index]![e.side][0]!;
      expect(grown).toContain(e.clause);
      expect(grown).toContain(e.side === 'ar' ? '،' : ',');
      const words = e.clause.split(' ');
      expect(words.length).toBeGreaterThanOrEqual(5);
      expect(words.length).toBeLessThanOrEqual(12);
      // Consecutive words of one donor sentence (punctuation stripped), never of the host document.
      expect(DONORS.some((d) => d[e.side].replace(/[.]/g, '').includes(e.clause))).toBe(true);
      expect(pairs.some((p) => p[e.side].includes(words[0]!))).toBe(false);
    }
    // The side is drawn per event: over a few documents both sides occur, and both places.
    const all = [1, 2, 3, 4, 5].flatMap((seed) => addClauses(pairs, DONORS, 0.15, createRng(seed)).events);
    expect(new Set(all.map((e) => e.side))).toEqual(new Set(['en', 'ar']));
    expect(new Set(all.map((e) => e.where))).toEqual(new Set(['end', 'middle']));
  });

  it('clauses: too-short donors give none; the clause goes before the final stop or after a bare word', () => {
    expect(clauseOf('Too short here.', createRng(1))).toBeUndefined();
    const clause = clauseOf('"One two three. Four five six!"', createRng(1), 5, 5)!;
    expect(clause).toMatch(/^[\w ]+$/);
    expect(insertClause('He left.', 'one two three four five', 'en', false, createRng(1))).toBe('He left, one two three four five.');
    expect(insertClause('ذهب الرجل.', 'واحد اثنان ثلاثة أربعة خمسة', 'ar', false, createRng(1))).toBe('ذهب الرجل، واحد اثنان ثلاثة أربعة خمسة.');
    expect(insertClause('Alpha beta gamma.', 'x y z w v', 'en', true, createRng(1))).toBe('Alpha, x y z w v, beta gamma.');
    expect(insertClause('Alpha, beta gamma delta.', 'x y z w v', 'en', true, createRng(1))).toBe('Alpha, beta, x y z w v, gamma delta.');
    // No bare word in the middle: the clause goes to the end.
    expect(insertClause('Alpha, beta gamma.', 'x y z w v', 'en', true, createRng(1))).toBe('Alpha, beta gamma, x y z w v.');
  });

  it('nospace: Arabic spaces go except next to digits and Latin letters', () => {
    expect(glueArabic('قال الرئيس إن ٢٠ شخصا في Paris قتلوا')).toBe('قالالرئيسإن ٢٠ شخصافي Paris قتلوا');
    expect(glueArabic('في عام 2020 15 حالة')).toBe('فيعام 2020 15 حالة');
  });

  it('nospace: a share of the Arabic lines, gold and English untouched', () => {
    const gold = perturbDocument(doc(40), FOREIGN, createRng(8));
    const { beads, glued } = glueArabicLines(gold, 0.6, createRng(9));
    const arabic = sidesOf(gold).ar;
    expect(glued).toBe(Math.round(arabic.length * 0.6));
    expect(toLadder(beads)).toEqual(toLadder(gold));
    expect(sidesOf(beads).en).toEqual(sidesOf(gold).en);
    const after = sidesOf(beads).ar;
    expect(after.filter((line, i) => line !== arabic[i]).length).toBe(glued);
    expect(after.every((line, i) => line === arabic[i] || line === glueArabic(arabic[i]!))).toBe(true);
    expect(glueArabicLines(gold, 0.6, createRng(9))).toEqual({ beads, glued });
  });

  it('halflex: a deterministic half of the keys, every line of a kept key, comments kept', () => {
    const keys = Array.from({ length: 101 }, (_, i) => `مفتاح${i}`);
    const text = ['# a comment', ...keys.map((k) => `${k}\tstem${k.length}`), `${keys[0]}\textra`].join('\n');
    const half = halveLexicon(text, createRng(5));
    expect(halveLexicon(text, createRng(5))).toEqual(half);
    expect(halveLexicon(text, createRng(6)).text).not.toBe(half.text);
    expect([half.keys, half.kept]).toEqual([101, 50]);
    const lines = half.text.trimEnd().split('\n');
    expect(lines[0]).toBe('# a comment');
    const kept = new Set(lines.slice(1).map((l) => l.split('\t')[0]));
    expect(kept.size).toBe(50);
    expect([...kept].every((k) => keys.includes(k!))).toBe(true);
    expect(lines.filter((l) => l.startsWith(`${keys[0]}\t`))).toHaveLength(kept.has(keys[0]) ? 2 : 0);
  });
});

describe('tune/test split', () => {
  const ids = Array.from({ length: 400 }, (_, i) => `doc-${i}`);
  const parts = (items: readonly string[], part: Part) => inPart(items, part, (id) => ['flores', id]);

  it('is deterministic, disjoint, covers every document, and near 50/50', () => {
    expect(ids.map((id) => partOf('flores', id))).toEqual(ids.map((id) => partOf('flores', id)));
    const test = parts(ids, 'test');
    const tune = parts(ids, 'tune');
    expect(test.filter((id) => tune.includes(id))).toEqual([]);
    expect([...test, ...tune].sort()).toEqual([...ids].sort());
    expect(test.length / ids.length).toBeGreaterThan(0.42);
    expect(test.length / ids.length).toBeLessThan(0.58);
  });

  it('depends on the document alone: a subset keeps its parts, and order is kept', () => {
    const some = ids.filter((_, i) => i % 3 === 0);
    expect(parts(some, 'test')).toEqual(parts(ids, 'test').filter((id) => some.includes(id)));
    expect(partOf('tico', 'doc-1') === partOf('tico', 'doc-1')).toBe(true);
  });
});

type Bead = { source: number[]; target: number[] };

/** What `mizan eval --json --gold GOLD --test TEST` prints, run in process on temporary ladder files. */
async function evalJsonOutput(gold: readonly Bead[], test: readonly Bead[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-bench-eval-'));
  try {
    writeFileSync(join(dir, 'gold.ladder'), formatLadder(gold));
    writeFileSync(join(dir, 'test.ladder'), formatLadder(test));
    const chunks: string[] = [];
    const out = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    const code = await evalCommand(['--gold', join(dir, 'gold.ladder'), '--test', join(dir, 'test.ladder'), '--json'], out);
    expect(code).toBe(0);
    return chunks.join('');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('bench scorers', () => {
  it('reads the figures mizan eval --json prints (the layout of src/cli/eval.ts)', async () => {
    const gold = [
      { source: [0], target: [0] },
      { source: [1], target: [1, 2] },
      { source: [2], target: [] },
    ];
    const test = [
      { source: [0], target: [0] },
      { source: [1], target: [1] },
      { source: [], target: [2] },
      { source: [2], target: [] },
    ];
    const result = readEvalJson(await evalJsonOutput(gold, test));
    // precision: 4 test beads, 2 exact ([0]:[0], [2]:[]), 1 lax ([1]:[1]); recall over 2 gold two-sided beads.
    expect(result.strict.precision).toBeCloseTo(2 / 4);
    expect(result.strict.recall).toBeCloseTo(1 / 2);
    expect(result.lax.precision).toBeCloseTo(3 / 4);
    expect(result.lax.recall).toBeCloseTo(2 / 2);
    // one-sided: predicted {s2, t2}, gold {s2}.
    expect(result.oneSided.precision).toBeCloseTo(1 / 2);
    expect(result.oneSided.recall).toBeCloseTo(1);
    expect(result.documents).toBe(1);
    // --self-check's premise: gold scored as test is 1.0 everywhere.
    const self = readEvalJson(await evalJsonOutput(gold, gold));
    for (const m of ['strict', 'lax', 'oneSided'] as const) expect(self[m]).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('refuses anything but that layout, in one line', () => {
    expect(() => readEvalJson('strict 0.5')).toThrow(/printed no JSON/);
    expect(() => readEvalJson('{"precision_strict":0.1,"recall_strict":0.2,"f1_strict":0.3}')).toThrow(/no strict\.precision/);
    const noOneSided = '{"strict":{"precision":1,"recall":1,"f1":1},"lax":{"precision":1,"recall":1,"f1":1},"documents":1}';
    expect(() => readEvalJson(noOneSided)).toThrow(/no oneSided/);
  });

  it('links: gold against itself is perfect; over-split pieces stand for their sentence', () => {
    const gold: GoldBead[] = [
      { en: ['Alpha one. Alpha two.'], ar: ['ألف واحد.'] },
      { en: ['Beta.'], ar: ['باء.', 'باء ثانية.'] },
      { en: [], ar: ['جيم.'] },
    ];
    expect(linkScores(countLinks(gold, gold)).links.f1).toBe(1);
    const split = [
      { en: ['Alpha one.', 'Alpha two.'], ar: ['ألف واحد.'] },
      { en: ['Beta.'], ar: ['باء.'] },
      { en: [], ar: ['باء ثانية.'] },
      { en: [], ar: ['جيم.'] },
    ];
    const c = countLinks(gold, split);
    // predicted links {0:0, 1:1}; gold links {0:0, 1:1, 1:2}; one-sided predicted {ar2, ar3}, gold {ar3}.
    expect([c.hits, c.predicted, c.gold]).toEqual([2, 2, 3]);
    expect([c.oneSidedHits, c.oneSidedPredicted, c.oneSidedGold]).toEqual([1, 2, 1]);
    expect(c.unlocated).toBe(0);
  });

  it('links: a segment that swallows two sentences stands for both', () => {
    expect(standsFor([0, 10], [[0, 5], [5, 10]])).toEqual([0, 1]);
    expect(standsFor([0, 3], [[0, 10]])).toEqual([0]);
    expect(standsFor([8, 12], [[0, 10], [10, 30]])).toEqual([]);
    expect(locate('abcabc', ['abc', 'a b c', 'zz'])).toEqual([[0, 3], [3, 6], undefined]);
  });
});
