/**
 * Names across scripts by consonant skeleton. Arabic writes short vowels rarely and renders
 * foreign names with long vowels (و ي ا) and weak consonants (ه ح ع ء) that English spells
 * differently or not at all, so both sides are reduced to a skeleton of strong consonant classes
 * and compared by edit distance — the idea behind Soundex-style cross-script matching
 * (cf. AbdulJaleel & Larkey 2003, "Statistical transliteration for English-Arabic CLIR").
 * Putin and بوتين both become "btn"; Hollande and أولوند "lnd"; Daesh and داعش "dx".
 */
import type { NameModel } from './name-model.js';

/** Consonant class of each Arabic letter; letters absent here (vowels, glottals, h-sounds) are dropped. */
const ARABIC_CLASS: Record<string, string> = {
  ب: 'b', پ: 'b', ت: 't', ط: 't', ث: 't', ج: 'g', غ: 'g', گ: 'g', خ: 'k', ق: 'k', ك: 'k', ک: 'k',
  د: 'd', ض: 'd', ذ: 'd', ظ: 'd', ر: 'r', ز: 's', س: 's', ص: 's', ش: 'x', ف: 'f', ڤ: 'f',
  ل: 'l', م: 'm', ن: 'n',
};

/** English digraphs first, then single letters; vowels, h, w and y carry no class. */
// x first: its 'ks' must not swallow the 'x' class that sh and ch become (Daesh must be "dx").
const ENGLISH_DIGRAPHS: Array<[RegExp, string]> = [
  [/x/g, 'ks'], [/sch/g, 'x'], [/sh/g, 'x'], [/ch/g, 'x'], [/ph/g, 'f'], [/th/g, 't'], [/kh/g, 'k'],
  [/gh/g, 'g'], [/dh/g, 'd'], [/ck/g, 'k'], [/c(?=[eiy])/g, 's'],
];
const ENGLISH_CLASS: Record<string, string> = {
  b: 'b', p: 'b', t: 't', d: 'd', g: 'g', j: 'g', k: 'k', c: 'k', q: 'k', s: 's', z: 's',
  x: 'x', f: 'f', v: 'f', l: 'l', m: 'm', n: 'n', r: 'r',
};

function collapse(classes: string): string {
  let out = '';
  for (const c of classes) if (out[out.length - 1] !== c) out += c;
  return out;
}

export function arabicSkeleton(normalizedWord: string): string {
  let classes = '';
  for (const ch of normalizedWord) classes += ARABIC_CLASS[ch] ?? '';
  return collapse(classes);
}

export function englishSkeleton(word: string): string {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  for (const [pattern, replacement] of ENGLISH_DIGRAPHS) w = w.replace(pattern, replacement);
  let classes = '';
  for (const ch of w) classes += ENGLISH_CLASS[ch] ?? '';
  return collapse(classes);
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * Whether two skeletons plausibly spell one name. Two-consonant skeletons (Raqqa "rk", Obama "bm")
 * must match exactly; longer ones may differ by one class in four (Francois "frns" ~ فرانسوا "frns",
 * Zakharova "skrf" ~ زاخاروفا "skrf").
 */
export function skeletonsMatch(a: string, b: string): boolean {
  if (a.length < 2 || b.length < 2) return false;
  if (a.length === 2 || b.length === 2) return a === b;
  if (Math.abs(a.length - b.length) > 1) return false;
  return levenshtein(a, b) / Math.max(a.length, b.length) <= 0.25;
}

function deletions(skeleton: string): string[] {
  const out = [skeleton];
  for (let k = 0; k < skeleton.length; k++) out.push(skeleton.slice(0, k) + skeleton.slice(k + 1));
  return out;
}

/** Arabic skeletons this long are looked up with two deletions too (see matchesWord). */
const TWO_DELETIONS = 5;

/**
 * English name skeletons indexed by their one-deletion neighbourhood (Garbe's SymSpell), so an
 * Arabic word finds every name within one edit in a few map lookups instead of a scan of all
 * names: on a 10,000-sentence pair the scan would be tens of millions of comparisons.
 * Without a model every candidate is confirmed by skeletonsMatch. With a learned model
 * (name-model.ts) the index only proposes candidates — every name whose skeleton shares a
 * one-deletion variant with the word's, whatever the lengths — and the model, which reads the
 * letters, confirms them: the skeleton's rigid thresholds were what kept فابيوس from Fabius.
 */
export class NameIndex {
  private readonly byVariant = new Map<string, Set<string>>();
  private readonly idsBySkeleton = new Map<string, Set<number>>();
  /** With a model: the English words (lower case) behind each skeleton and the ids they stand for. */
  private readonly wordsBySkeleton = new Map<string, Map<string, Set<number>>>();

  constructor(private readonly model?: NameModel) {}

  /** `word`, the English word in lower case, is what a model scores; without a model it is unused. */
  add(skeleton: string, id: number, word?: string): void {
    // With a model the index only blocks, so it keys the word's own skeleton with accents folded
    // (Dimitrijević's ć is c, as an English text may write it) and keeps one-class skeletons too
    // (Hoek هوك "k"): the model, not the skeleton, keeps the chance matches out.
    if (this.model && word !== undefined) skeleton = englishSkeleton(word.normalize('NFD'));
    if (skeleton.length < (this.model ? 1 : 2)) return;
    let ids = this.idsBySkeleton.get(skeleton);
    if (!ids) {
      this.idsBySkeleton.set(skeleton, (ids = new Set()));
      for (const variant of deletions(skeleton)) {
        if (variant === '') continue;
        let skeletons = this.byVariant.get(variant);
        if (!skeletons) this.byVariant.set(variant, (skeletons = new Set()));
        skeletons.add(skeleton);
      }
    }
    ids.add(id);
    if (this.model && word !== undefined) {
      let words = this.wordsBySkeleton.get(skeleton);
      if (!words) this.wordsBySkeleton.set(skeleton, (words = new Map()));
      let wordIds = words.get(word);
      if (!wordIds) words.set(word, (wordIds = new Set()));
      wordIds.add(id);
    }
  }

  get hasModel(): boolean {
    return this.model !== undefined;
  }

  /** Ids of the English names whose skeleton matches this one. */
  matches(skeleton: string): number[] {
    const out = new Set<number>();
    // Up to three classes, skeletonsMatch accepts only the same skeleton or a name one class
    // longer: both are found under the skeleton itself, so its own deletions need no lookup.
    const variants = skeleton.length <= 3 ? [skeleton] : deletions(skeleton);
    for (const variant of variants) {
      for (const english of this.byVariant.get(variant) ?? []) {
        if (skeletonsMatch(skeleton, english)) for (const id of this.idsBySkeleton.get(english)!) out.add(id);
      }
    }
    return [...out];
  }

  /**
   * Ids of the English names an Arabic word (normalizeArabic form) spells. With a model, those the
   * model accepts among the index's candidates (`confident`: at its stricter threshold, for a word the
   * dictionary also reads); without one, `matches` on the word's skeleton.
   */
  matchesWord(arabicNormalizedWord: string, confident = false): number[] {
    const skeleton = arabicSkeleton(arabicNormalizedWord);
    if (!this.model) return skeleton.length < 2 ? [] : this.matches(skeleton);
    const model = this.model;
    const out = new Set<number>();
    for (const english of this.candidates(skeleton, confident)) {
      for (const [word, ids] of this.wordsBySkeleton.get(english) ?? []) {
        // English minus Arabic letters is within -2..4 for 99.4% of the Wikidata name pairs: outside
        // it the model would refuse anyway, and the check is far cheaper than a score.
        const spread = word.length - arabicNormalizedWord.length;
        if (spread < -2 || spread > 4) continue;
        const ok = confident ? model.confident(arabicNormalizedWord, word) : model.matches(arabicNormalizedWord, word);
        if (ok) for (const id of ids) out.add(id);
      }
    }
    return [...out];
  }

  /**
   * English skeletons worth a model score. Each costs about a microsecond, and on a 10,000-sentence
   * pair a loose blocking step proposes millions (bench/names.ts), so:
   * - a dictionary word (confident) is a name far less often than an unknown word and there are ten
   *   times more of them: only its own skeleton, and from three classes (فابيوس "fbs"; two-class
   *   سنة "sn" is the likeliest chance match);
   * - an unknown word of three classes or more looks up its one-deletion neighbourhood (SymSpell, as
   *   `matches` does from four), and from five classes two deletions: Slavic -vić is فيتش "ftx" against
   *   English "f" or "fk"; shorter ones only themselves, as their one-class deletions are shared by
   *   hundreds of a document's capitalised words (three times the scores for 3% more recall).
   */
  private candidates(skeleton: string, confident: boolean): Iterable<string> {
    if (confident) return skeleton.length >= 3 && this.idsBySkeleton.has(skeleton) ? [skeleton] : [];
    if (skeleton.length < 1) return [];
    const variants = new Set(skeleton.length <= 2 ? [skeleton] : deletions(skeleton));
    if (skeleton.length >= TWO_DELETIONS) for (const v of [...variants]) for (const w of deletions(v)) variants.add(w);
    const out = new Set<string>();
    for (const variant of variants) for (const english of this.byVariant.get(variant) ?? []) out.add(english);
    return out;
  }
}
