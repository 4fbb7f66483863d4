import { describe, expect, it } from 'vitest';
import { parseLexicon } from '../src/core/lexicon.js';
import { BeadScorer, type ScoreParams } from '../src/core/score/bead-score.js';
import { CellTable } from '../src/core/score/cells.js';
import { plainEvidence } from '../src/core/evidence.js';
import type { Lexicon } from '../src/core/lexicon.js';
import { buildFeatures as build, type DocumentFeatures } from '../src/core/score/features.js';
import { stemEnglish } from '../src/core/text/normalize.js';

const L2 = Math.log(2);
const L3 = Math.log(3);

/**
 * A tiny lexicon in the shipped TSV format: normalised bare Arabic key, TAB, English stems.
 * Values go through stemEnglish so the fixture stays right whatever the stemmer does to a word.
 */
/** These unit cases pin the dictionary evidence alone: no run-time learning or repair. */
const buildFeatures = (english: string[], arabic: string[], lexicon: Lexicon): DocumentFeatures => build(english, arabic, plainEvidence(lexicon));

function lexicon(entries: Record<string, string>): ReturnType<typeof parseLexicon> {
  const lines = Object.entries(entries).map(([ar, en]) => `${ar}\t${en.split(' ').map(stemEnglish).join(' ')}`);
  return parseLexicon(`# test lexicon\n${lines.join('\n')}\n`);
}

const LEX = lexicon({
  التقي: 'met',
  غادر: 'left',
  وزير: 'minister',
  تحرير: 'free liberate',
  سنه: 'year',
  هنالك: 'there', // a function word: its only translation is an English stopword
});

/** The ids Arabic token k of sentence j stands for. */
function arIds(f: DocumentFeatures, j: number, k: number): number[] {
  const u = f.ar[j]!;
  return [...u.trans.slice(u.start[k]!, u.start[k + 1]!)];
}
const enIds = (f: DocumentFeatures, i: number) => [...f.en[i]!.ids];

describe('parseLexicon (the data/lexicon TSV format)', () => {
  // key<TAB>stems; # comments and blank lines skipped; CRLF tolerated; a repeated key adds senses.
  const lex = parseLexicon('# comment\tignored\n\nوزير\tminist\r\nحرب\twar\nحرب\tfight\nبلا\t\n');

  it('reads keys and merges repeated ones', () => {
    expect(lex.size).toBe(2);
    expect(lex.englishFor('حرب')).toEqual(['war', 'fight']);
    expect(lex.englishFor('وزير')).toEqual(['minist']); // no stray \r
  });

  it('looks a token up through its clitics and normalisation', () => {
    expect(lex.englishFor('والوزير')).toEqual(['minist']);
    expect(lex.englishFor('«الحرب»')).toEqual(['war', 'fight']);
    expect(lex.knows('بالحرب')).toBe(true);
    expect(lex.knows('سلام')).toBe(false);
    expect(lex.englishFor('بلا')).toEqual([]); // an empty value is no entry
  });
});

describe('buildFeatures: English side', () => {
  // A unit lists its distinct content tokens in order of appearance; stopwords never get an id.
  it('keeps content words only, weighted by in-document idf = log(1 + n/df)', () => {
    const f = buildFeatures(['The minister of the state spoke.', 'The state voted.'], [], LEX);
    const [minister, state, spoke] = enIds(f, 0);
    expect(enIds(f, 0)).toHaveLength(3);
    expect(enIds(f, 1)).toHaveLength(2);
    expect(enIds(f, 1)[0]).toBe(state); // one id space: "state" is the same id in both sentences
    expect(new Set([minister, state, spoke, enIds(f, 1)[1]]).size).toBe(4);
    expect([...f.en[0]!.weights]).toEqual([L3, L2, L3]);
    expect(f.en[0]!.total).toBeCloseTo(2 * L3 + L2, 12);
    expect(f.en[1]!.total).toBeCloseTo(L2 + L3, 12);
    expect(f.en[0]!.chars).toBe('Theministerofthestatespoke.'.length);
  });

  it('gives a sentence of stopwords no weight at all', () => {
    const f = buildFeatures(['It was there, and so were we.'], [], LEX);
    expect(enIds(f, 0)).toEqual([]);
    expect(f.en[0]!.total).toBe(0);
  });

  it('sums the weight of a word repeated in one sentence', () => {
    const f = buildFeatures(['Syria and Syria.'], [], LEX);
    expect([...f.en[0]!.weights]).toEqual([2 * L2]);
  });
});

describe('buildFeatures: what an Arabic token stands for', () => {
  it('stands for the ids of its lexicon translations, found through its clitics', () => {
    const f = buildFeatures(['The minister spoke.'], ['وقال الوزير'], LEX);
    const [minister] = enIds(f, 0);
    expect(arIds(f, 0, 1)).toEqual([minister]); // الوزير → وزير → minister
    expect(arIds(f, 0, 0)).toEqual([]); // وقال: not in this lexicon, not a name
  });

  // No lexicon entry is needed for a name the English side spells: بوتين finds Putin by skeleton.
  it('stands for a transliterated English name of the document, with or without a proclitic', () => {
    const f = buildFeatures(['Putin spoke in Moscow.'], ['بوتين وبوتين موسكو باريس'], LEX);
    const [putin, , moscow] = enIds(f, 0);
    expect(arIds(f, 0, 0)).toEqual([putin]);
    expect(arIds(f, 0, 1)).toEqual([putin]);
    expect(arIds(f, 0, 2)).toEqual([moscow]);
    expect(arIds(f, 0, 3)).toEqual([]); // Paris is not in the English text
  });

  it('finds Raqqa in الرقة once the article is off', () => {
    const f = buildFeatures(['They will free Raqqa.'], ['تحرير الرقة'], LEX);
    const [free, raqqa] = enIds(f, 0);
    // تحرير: "free" and the lexicon's second sense "liberate" (an id no English token has).
    expect(arIds(f, 0, 0)).toHaveLength(2);
    expect(arIds(f, 0, 0)[0]).toBe(free);
    expect(arIds(f, 0, 0)).not.toContain(raqqa);
    expect(arIds(f, 0, 1)).toEqual([raqqa]);
  });

  // Names come only from capitalised English words: a lower-case "sana" is no name.
  it('takes names only from capitalised English words', () => {
    const f = buildFeatures(['the sana word.'], ['صنعاء'], LEX);
    expect(arIds(f, 0, 0)).toEqual([]);
  });

  // سنة "year" has the two-consonant skeleton "sn" and would match any name like Sana by chance;
  // a word the lexicon knows needs a skeleton of four classes to count as a name.
  it('does not read a short dictionary word as a name', () => {
    const named = buildFeatures(['Sana spoke.'], ['سنة'], LEX);
    expect(arIds(named, 0, 0)).toHaveLength(1); // "year" only
    expect(arIds(named, 0, 0)).not.toContain(enIds(named, 0)[0]);
    const unknown = buildFeatures(['Sana spoke.'], ['سنة'], lexicon({}));
    expect(arIds(unknown, 0, 0)).toEqual([enIds(unknown, 0)[0]]);
  });

  it('stands for itself when it is a Latin word or a digit string', () => {
    const f = buildFeatures(['AFP reported it.'], ['وكالة AFP'], lexicon({}));
    expect(arIds(f, 0, 1)).toEqual([enIds(f, 0)[0]]);
  });

  it('drops Arabic function words: listed ones and those whose translations are all stopwords', () => {
    const f = buildFeatures(['The minister spoke.'], ['هنالك في الوزير'], LEX);
    expect(f.ar[0]!.weights.length).toBe(1);
    expect(arIds(f, 0, 0)).toEqual([enIds(f, 0)[0]]);
    expect(f.ar[0]!.total).toBeCloseTo(L2, 12);
  });
});

describe('buildFeatures: numbers and dates in one id space', () => {
  // "300,000" and "300 ألف" are both #300000; the scale word itself carries no weight.
  it('matches 300 ألف with 300,000', () => {
    const f = buildFeatures(['300,000 deaths.'], ['300 ألف قتيل'], lexicon({}));
    const [number, deaths] = enIds(f, 0);
    expect(enIds(f, 0)).toHaveLength(2);
    expect(f.ar[0]!.weights.length).toBe(2); // 300 ألف, قتيل
    expect(arIds(f, 0, 0)).toEqual([number]);
    expect(arIds(f, 0, 1)).toEqual([]);
    expect(deaths).not.toBe(number);
  });

  it('matches 3 million with 3 ملايين, and Arabic-Indic digits too', () => {
    const f = buildFeatures(['3 million refugees.'], ['٣ ملايين لاجئ'], lexicon({}));
    expect(enIds(f, 0)).toHaveLength(2); // #3000000, refugee — "million" is part of the number
    expect(arIds(f, 0, 0)).toEqual([enIds(f, 0)[0]]);
  });

  it('keeps different numbers apart: 300 ألف is not 300', () => {
    const f = buildFeatures(['300 deaths.'], ['300 ألف قتيل'], lexicon({}));
    expect(arIds(f, 0, 0)).not.toContain(enIds(f, 0)[0]);
  });

  // "Nov 13" ↔ "13 نوفمبر" and the Levantine "13 تشرين الثاني": #13 and @11 on both sides.
  it('matches Nov 13 with 13 نوفمبر and with 13 تشرين الثاني', () => {
    const f = buildFeatures(['On Nov 13 it began.'], ['في 13 نوفمبر', 'في 13 تشرين الثاني'], lexicon({}));
    const [month, day] = enIds(f, 0);
    expect([arIds(f, 0, 0), arIds(f, 0, 1)]).toEqual([[day], [month]]);
    expect(f.ar[1]!.weights.length).toBe(2); // تشرين الثاني is one token
    expect([arIds(f, 1, 0), arIds(f, 1, 1)]).toEqual([[day], [month]]);
  });

  // "March" and مارس are ordinary words too ("march", "practised"): months only beside a number.
  it('reads ambiguous month names as months only beside a number', () => {
    const f = buildFeatures(['They march on.', 'On March 5 they left.'], ['مارس الضغط', 'في 5 مارس'], lexicon({}));
    const [march] = enIds(f, 0);
    const [month, day] = enIds(f, 1);
    expect(enIds(f, 0)).toHaveLength(1);
    expect(month).not.toBe(march);
    expect(arIds(f, 0, 0)).not.toContain(month);
    expect([arIds(f, 1, 0), arIds(f, 1, 1)]).toEqual([[day], [month]]);
  });
});

// Two sentences a side; the lexicon gives التقى=met and غادر=left, the names come by skeleton.
//   en0 "Putin met Hollande."    putin met hollande    idf log3, log3, log2
//   en1 "Hollande left Moscow."  hollande left moscow  idf log2, log3, log3
//   ar0 التقى بوتين أولوند        met putin hollande    idf log3, log3, log2
//   ar1 غادر أولوند موسكو         left hollande moscow  idf log3, log2, log3
// so en(i, j) = ar(i, j): the diagonal matches everything, the off-diagonal only Hollande (log2).
const PAIR = buildFeatures(['Putin met Hollande.', 'Hollande left Moscow.'], ['التقى بوتين أولوند.', 'غادر أولوند موسكو.'], LEX);

describe('CellTable on a 2×2 case', () => {
  const full = new CellTable(PAIR.en, PAIR.ar, PAIR.vocabularySize, Int32Array.from([0, 0]), Int32Array.from([2, 2]));
  const expected = [
    [2 * L3 + L2, L2],
    [L2, L3 + L2 + L3],
  ];

  it('has the features worked out by hand', () => {
    const [putin, met, hollande] = enIds(PAIR, 0);
    const [hollande2, left, moscow] = enIds(PAIR, 1);
    expect(hollande2).toBe(hollande);
    expect([0, 1, 2].map((k) => arIds(PAIR, 0, k))).toEqual([[met], [putin], [hollande]]);
    expect([0, 1, 2].map((k) => arIds(PAIR, 1, k))).toEqual([[left], [hollande], [moscow]]);
    expect([...PAIR.ar[0]!.weights]).toEqual([L3, L3, L2]);
    expect([...PAIR.ar[1]!.weights]).toEqual([L3, L2, L3]);
  });

  it('gives en(i, j) and ar(i, j) for every pair', () => {
    for (const i of [0, 1]) {
      for (const j of [0, 1]) {
        expect(full.en(i, j)).toBeCloseTo(expected[i]![j]!, 6);
        expect(full.ar(i, j)).toBeCloseTo(expected[i]![j]!, 6);
      }
    }
  });

  // Only column 0 precomputed: column 1 is computed on the spot and must agree.
  it('computes pairs outside the precomputed band the same way', () => {
    const narrow = new CellTable(PAIR.en, PAIR.ar, PAIR.vocabularySize, Int32Array.from([0, 0]), Int32Array.from([1, 1]));
    for (const i of [0, 1]) {
      for (const j of [1, 0, 1]) {
        expect(narrow.en(i, j)).toBeCloseTo(expected[i]![j]!, 6);
        expect(narrow.ar(i, j)).toBeCloseTo(expected[i]![j]!, 6);
      }
    }
  });

  // Two Arabic tokens for one English word: the English weight counts once, the Arabic tokens both.
  it('counts an English id once however many Arabic tokens hit it', () => {
    const f = buildFeatures(['Putin spoke.'], ['بوتين وبوتين'], lexicon({}));
    const cells = new CellTable(f.en, f.ar, f.vocabularySize, Int32Array.from([0]), Int32Array.from([1]));
    expect(cells.en(0, 0)).toBeCloseTo(L2, 6);
    expect(cells.ar(0, 0)).toBeCloseTo(2 * L2, 6);
  });
});

const PARAMS: ScoreParams = { threshold: 0.2, shapePenalty: { '2-1': 0.05 }, lengthWeight: 0, paragraphBonus: 0, entryCost: 0, followBonus: 0 };

describe('BeadScorer similarity', () => {
  // As bead-score.ts defines it: each sentence's coverage is the share of its weight with a
  // counterpart in the bead (matches counted over the whole bead, capped at 1); the similarity is
  // the mean coverage of the bead's sentences.
  //   en0 "Putin met Hollande."    putin met hollande   → all matched          coverage 1
  //   en1 "They spoke in Moscow."  spoke moscow (log3)  → moscow matched       coverage 1/2
  //   ar0 التقى بوتين أولوند في موسكو: four content tokens (log2), all matched  coverage 1
  // 2-1 bead: (1 + 1/2 + 1) / 3 = 5/6.
  // 1-1 (en0, ar0): ar0 has three of its four tokens matched → (1 + 3/4) / 2 = 7/8;
  // 1-1 (en1, ar0): (1/2 + 1/4) / 2 = 3/8.
  const f = buildFeatures(['Putin met Hollande.', 'They spoke in Moscow.'], ['التقى بوتين أولوند في موسكو.'], LEX);
  const cells = new CellTable(f.en, f.ar, f.vocabularySize, Int32Array.from([0, 0]), Int32Array.from([1, 1]));
  const scorer = new BeadScorer(f.en, f.ar, cells, PARAMS, 1, null, null);

  it('has the cells the comment assumes', () => {
    expect(cells.en(0, 0)).toBeCloseTo(3 * L3, 6);
    expect(cells.en(1, 0)).toBeCloseTo(L3, 6);
    expect(cells.ar(0, 0)).toBeCloseTo(3 * L2, 6);
    expect(cells.ar(1, 0)).toBeCloseTo(L2, 6);
  });

  it('scores a 2-1 bead as worked out by hand', () => {
    expect(scorer.similarity(0, 2, 0, 1)).toBeCloseTo(5 / 6, 6);
    expect(scorer.similarity(0, 1, 0, 1)).toBeCloseTo(7 / 8, 6);
    expect(scorer.similarity(1, 2, 0, 1)).toBeCloseTo(3 / 8, 6);
  });

  // gain = (di + dj)(similarity − threshold) − shape penalty (length and paragraph terms off here):
  // the 2-1 bead (3·(5/6 − 0.2) − 0.05 = 1.85) beats 1-1 + 1-0 (2·(7/8 − 0.2) + 0 = 1.35).
  it('gives the 2-1 bead its gain and prefers it to 1-1 plus a one-sided sentence', () => {
    expect(scorer.gain(2, 1, 2, 1)).toBeCloseTo(1.85, 6);
    expect(scorer.gain(1, 1, 1, 1)).toBeCloseTo(1.35, 6);
    expect(scorer.gain(2, 1, 1, 0)).toBe(0);
    expect(scorer.gain(2, 1, 2, 1)).toBeGreaterThan(scorer.gain(1, 1, 1, 1) + scorer.gain(2, 1, 1, 0));
  });

  // One English sentence whose tokens both Arabic sentences hit: a token counts once, so the
  // English coverage is 1, not 5/3, and the bead scores 1 (up to rounding), never more.
  it('counts a token hit from two sentences once, so a 1-2 bead scores at most 1', () => {
    const g = buildFeatures(['Putin met Hollande.'], ['بوتين التقى أولوند.', 'أولوند وبوتين.'], LEX);
    const c = new CellTable(g.en, g.ar, g.vocabularySize, Int32Array.from([0]), Int32Array.from([2]));
    expect(c.en(0, 0) + c.en(0, 1)).toBeCloseTo(5 * L2, 6);
    const s = new BeadScorer(g.en, g.ar, c, PARAMS, 1, null, null);
    expect(s.similarity(0, 1, 0, 2)).toBeCloseTo(1, 12);
    expect(s.similarity(0, 1, 0, 2)).toBeLessThanOrEqual(1 + 1e-12);
  });

  // A sentence without content words is neutral: its similarity is the threshold, so a bead of
  // such sentences gains nothing over leaving them one-sided.
  it('scores content-free sentences a little above the threshold, so length decides', () => {
    // Two sentences of function words only: 0.05 above the threshold each, so a 1-1 bead gains
    // 2 × 0.05 = 0.1 less the length cost (weighted 0 in these PARAMS).
    const g = buildFeatures(['It was there.'], ['في'], LEX);
    const c = new CellTable(g.en, g.ar, g.vocabularySize, Int32Array.from([0]), Int32Array.from([1]));
    const s = new BeadScorer(g.en, g.ar, c, PARAMS, g.ar[0]!.chars / g.en[0]!.chars, null, null);
    expect(s.similarity(0, 1, 0, 1)).toBeCloseTo(PARAMS.threshold + 0.05, 12);
    expect(s.gain(1, 1, 1, 1)).toBeCloseTo(0.1 - PARAMS.lengthWeight * s.lengthCost(0, 1, 0, 1), 12);
  });
});
