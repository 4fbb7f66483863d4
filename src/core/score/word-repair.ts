/**
 * Words damaged by the way a text was made, put right for scoring only (the text itself is never
 * changed): Arabic from PDF extraction often loses its word spaces (في يوم الإثنين → فييومالإثنين),
 * and English from OCR or hyphenation gets stray spaces inside words ("in telligence").
 *
 * An Arabic run is broken into words by a dynamic programme over the lexicon: each piece is a word
 * the lexicon knows (under its clitic readings) or a function word, at cost 1, or an unknown stretch,
 * at a cost growing with its length, so the cheapest cover uses as many known words as it can and
 * as few pieces as it must (the word-break formulation of Chinese/Thai segmentation, e.g. Wong & Chan
 * 1996's maximum matching, made optimal). Unknown stretches are kept, so names can still be matched.
 */

/** Runs shorter than this are ordinary words: an unknown six-letter word is usually a name. */
export const MIN_GLUED = 8;
/** A split must explain this share of the letters with known words, or the run is left whole. */
const MIN_KNOWN_SHARE = 0.5;
/**
 * Longer runs are left whole: a line of glued words from a PDF is a few hundred letters, and the
 * break costs some dozen lexicon probes a letter, so a megabyte with no space (binary junk, a
 * base64 blob) would take many seconds for nothing.
 */
export const MAX_GLUED = 2000;
/** Longest piece tried: longer than any Arabic word with all its clitics. */
const MAX_PIECE = 12;
const KNOWN_COST = 1;
const UNKNOWN_COST = 1.5;
const UNKNOWN_PER_LETTER = 0.8;

/**
 * The cheapest split of `run` into pieces; `isWord` tells a known word or function word. Returns the
 * pieces in order (their concatenation is `run`), or null when the best cover is the run itself.
 */
export function breakGlued(run: string, isWord: (piece: string) => boolean): string[] | null {
  const n = run.length;
  if (n < MIN_GLUED || n > MAX_GLUED) return null;
  const cost = new Float64Array(n + 1).fill(Infinity);
  const from = new Int32Array(n + 1).fill(-1);
  cost[0] = 0;
  for (let end = 1; end <= n; end++) {
    for (let start = Math.max(0, end - MAX_PIECE); start < end; start++) {
      if (cost[start] === Infinity) continue;
      const piece = run.slice(start, end);
      const length = end - start;
      // An unknown stretch may be any length: a foreign name can be long.
      const step = length >= 2 && isWord(piece) ? KNOWN_COST : UNKNOWN_COST + UNKNOWN_PER_LETTER * length;
      if (cost[start]! + step < cost[end]!) {
        cost[end] = cost[start]! + step;
        from[end] = start;
      }
    }
  }
  const pieces: string[] = [];
  let knownLetters = 0;
  for (let end = n; end > 0; end = from[end]!) {
    const piece = run.slice(from[end]!, end);
    if (piece.length >= 2 && isWord(piece)) knownLetters += piece.length;
    pieces.push(piece);
  }
  pieces.reverse();
  // A word the tables lack (a name, a rare word) splits into chance pieces that explain little of it.
  return pieces.length > 1 && knownLetters >= MIN_KNOWN_SHARE * n ? pieces : null;
}

/**
 * Indices k where words k and k + 1 are one word broken by a stray space: at least one half is not a
 * word (`isWord`) and the two together are (`joinedIsWord`). Pairs do not overlap.
 */
export function brokenPairs(words: readonly string[], isWord: (w: string) => boolean, joinedIsWord: (w: string) => boolean): number[] {
  const out: number[] = [];
  for (let k = 0; k + 1 < words.length; k++) {
    const a = words[k]!;
    const b = words[k + 1]!;
    if (isWord(a) && isWord(b)) continue;
    if (!/^\p{L}+$/u.test(a) || !/^\p{Ll}+$/u.test(b)) continue;
    if (joinedIsWord(a + b)) {
      out.push(k);
      k++;
    }
  }
  return out;
}
