/**
 * Coarse-to-fine search, after vecalign (Thompson & Koehn 2019, §3): when the full grid is too
 * large, consecutive sentences are merged into blocks of BLOCK, the blocks are aligned (recursively,
 * the same way), and the sentence-level search runs only in a band around the block path widened by
 * a margin. Each level costs about as much as the one below, so time and memory grow linearly.
 */
import { CellTable } from '../score/cells.js';
import { BeadScorer, type ScoreParams } from '../score/bead-score.js';
import { type ArabicUnit, type EnglishUnit, mergeArabic, mergeEnglish } from '../score/features.js';
import { bandedDp, fullBand, type Band, type PathBead, type Shape } from './dp.js';

/** Sentence grids up to this many cells are searched whole (exact). */
const FULL_SEARCH_CELLS = 160 * 160;
/** Block grids are searched whole only when small: a block pair costs as much as BLOCK^depth sentence pairs. */
const FULL_SEARCH_BLOCKS = 48 * 48;
const BLOCK = 4;
/** How far, in sentences of the finer level, the band reaches beyond the projected block path. */
const MARGIN = BLOCK + 3;
/** The longest bead side (3, for 1-3 and 3-1 beads): cells this far below a boundary are read. */
const REACH = 3;

export interface SearchLevel {
  en: readonly EnglishUnit[];
  ar: readonly ArabicUnit[];
  vocabularySize: number;
  ratio: number;
  enParagraphStart: readonly boolean[] | null;
  arParagraphStart: readonly boolean[] | null;
  enBreakAfter: readonly boolean[] | null;
  arBreakAfter: readonly boolean[] | null;
}

export interface SearchResult {
  path: PathBead[];
  scorer: BeadScorer;
}

export const SENTENCE_SHAPES: readonly Shape[] = [[1, 1], [1, 0], [0, 1], [1, 2], [2, 1], [2, 2], [1, 3], [3, 1]];
const BLOCK_SHAPES: readonly Shape[] = [[1, 1], [1, 0], [0, 1], [1, 2], [2, 1]];

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let k = 0; k < items.length; k += size) out.push(items.slice(k, k + size));
  return out;
}

/** The sentence-level band covered by a block path, widened by the margin in both directions. */
export function projectBand(path: readonly PathBead[], factor: number, n: number, m: number, margin: number): Band {
  const lo = new Int32Array(n + 1).fill(m);
  const hi = new Int32Array(n + 1).fill(0);
  for (const bead of path) {
    const i0 = bead.i * factor;
    const i1 = Math.min((bead.i + bead.di) * factor, n);
    const j0 = bead.j * factor;
    const j1 = Math.min((bead.j + bead.dj) * factor, m);
    for (let i = Math.min(i0, n); i <= i1; i++) {
      lo[i] = Math.min(lo[i]!, j0);
      hi[i] = Math.max(hi[i]!, j1);
    }
  }
  // Widen across columns only: the rectangles of consecutive block beads already share corners,
  // and a path that strays from them strays sideways within some row.
  const wideLo = new Int32Array(n + 1);
  const wideHi = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    wideLo[i] = Math.max(0, lo[i]! - margin);
    wideHi[i] = Math.min(m, hi[i]! + margin);
  }
  wideLo[0] = 0;
  wideHi[n] = m;
  return { lo: wideLo, hi: wideHi };
}

/** Arabic sentences each English sentence must be compared with: every cell a bead in the band can read. */
function cellColumns(band: Band, n: number, m: number): { lo: Int32Array; hi: Int32Array } {
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let a = m;
    let b = 0;
    for (let boundary = i + 1; boundary <= Math.min(n, i + REACH); boundary++) {
      a = Math.min(a, band.lo[boundary]! - REACH);
      b = Math.max(b, band.hi[boundary]!);
    }
    lo[i] = Math.max(0, a);
    hi[i] = Math.min(m, b);
  }
  return { lo, hi };
}

/**
 * The band of a search that refines an earlier path over the same sentences (the second pass of
 * self-training): the path itself, widened by `margin` sentences only around the sentences that
 * may now decide otherwise (English rows, Arabic columns). Elsewhere the path stands as it was,
 * so the refinement costs a fraction of a whole search.
 */
export function refineBand(path: readonly PathBead[], n: number, m: number, english: readonly number[], arabic: readonly number[], margin: number): Band {
  const band = projectBand(path, 1, n, m, 0);
  const rows = new Uint8Array(n + 1);
  const widen = (from: number, to: number) => {
    for (let r = Math.max(0, from); r <= Math.min(n, to); r++) rows[r] = 1;
  };
  for (const i of english) widen(i - margin, i + 1 + margin);
  const column = new Uint8Array(m);
  for (const j of arabic) column[j] = 1;
  for (const bead of path) {
    let touched = false;
    for (let j = bead.j; j < bead.j + bead.dj && !touched; j++) touched = column[j] === 1;
    // A one-sided English bead at an Arabic sentence's place has no column: its row is close enough.
    if (touched) widen(bead.i - margin, bead.i + bead.di + margin);
  }
  for (let r = 0; r <= n; r++) {
    if (!rows[r]) continue;
    band.lo[r] = Math.max(0, band.lo[r]! - margin);
    band.hi[r] = Math.min(m, band.hi[r]! + margin);
  }
  return band;
}

/** With `fixedBand`, that band is searched (see refineBand) instead of one found coarse to fine. */
export function search(level: SearchLevel, params: ScoreParams, shapes = SENTENCE_SHAPES, depth = 0, fixedBand?: Band): SearchResult {
  const n = level.en.length;
  const m = level.ar.length;
  let band: Band;
  if (fixedBand) {
    band = fixedBand;
  } else if ((n + 1) * (m + 1) <= (depth === 0 ? FULL_SEARCH_CELLS : FULL_SEARCH_BLOCKS) || n < 2 * BLOCK || m < 2 * BLOCK) {
    band = fullBand(n, m);
  } else {
    const coarse = search(
      {
        ...level,
        en: chunk(level.en, BLOCK).map(mergeEnglish),
        ar: chunk(level.ar, BLOCK).map(mergeArabic),
        enParagraphStart: null,
        arParagraphStart: null,
        enBreakAfter: null,
        arBreakAfter: null,
      },
      // Blocks only locate the path: a lower threshold keeps weakly matched blocks on the diagonal.
      { ...params, threshold: params.threshold / 2, shapePenalty: {}, paragraphBonus: 0 },
      BLOCK_SHAPES,
      depth + 1,
    );
    band = projectBand(coarse.path, BLOCK, n, m, MARGIN);
  }
  const columns = cellColumns(band, n, m);
  const cells = new CellTable(level.en, level.ar, level.vocabularySize, columns.lo, columns.hi);
  const scorer = new BeadScorer(
    level.en,
    level.ar,
    cells,
    params,
    level.ratio,
    level.enParagraphStart,
    level.arParagraphStart,
    level.enBreakAfter,
    level.arBreakAfter,
  );
  // Block levels only locate the path, so the cheap bound serves as their gain.
  const path =
    depth === 0
      ? bandedDp(n, m, shapes, band, scorer.gain, { bound: scorer.gainBound, entryCost: params.entryCost, followBonus: params.followBonus })
      : bandedDp(n, m, shapes, band, scorer.gainBound);
  return { path, scorer };
}
