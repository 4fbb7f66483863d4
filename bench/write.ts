/**
 * Writing a generated set to bench/out (git-ignored: the dev text must never be committed).
 * Presplit form: `<id>.en`, `<id>.ar` (one segment a line), `<id>.gold.ladder` (source = English).
 * Raw form: paragraphs regrouped per side, gold beads as sentence texts in `<id>.gold.json`.
 * Manifests are `id<TAB>source<TAB>target` with absolute paths, so the CLI may run from anywhere.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatLadder } from '../src/formats/ladder.js';
import { type GoldBead, regroupParagraphs, renderParagraphs, sidesOf, toLadder } from './perturb.js';
import type { Rng } from './rng.js';

export interface BuiltDoc {
  id: string;
  gold: GoldBead[];
  /** Arabic sentences (0-based, in document order) run on in raw text though they lack a final stop (nostop). */
  inlineAr?: readonly number[];
}

const lines = (items: readonly string[]): string => items.map((line) => `${line}\n`).join('');

export function freshDir(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export const presplitRow = (dir: string, id: string): string => `${id}\t${join(dir, `${id}.en`)}\t${join(dir, `${id}.ar`)}\n`;

function writePresplit(dir: string, doc: BuiltDoc): string {
  const { en, ar } = sidesOf(doc.gold);
  writeFileSync(join(dir, `${doc.id}.en`), lines(en));
  writeFileSync(join(dir, `${doc.id}.ar`), lines(ar));
  writeFileSync(join(dir, `${doc.id}.gold.ladder`), formatLadder(toLadder(doc.gold)));
  return presplitRow(dir, doc.id);
}

function writeRaw(dir: string, doc: BuiltDoc, rng: Rng): string {
  const { en, ar } = sidesOf(doc.gold);
  const sizes = regroupParagraphs(doc.gold, rng.fork(`${doc.id}-paragraphs`));
  writeFileSync(join(dir, `${doc.id}.en.txt`), renderParagraphs(en, sizes.en));
  writeFileSync(join(dir, `${doc.id}.ar.txt`), renderParagraphs(ar, sizes.ar, new Set(doc.inlineAr ?? [])));
  writeFileSync(join(dir, `${doc.id}.gold.json`), `${JSON.stringify(doc.gold)}\n`);
  return `${doc.id}\t${join(dir, `${doc.id}.en.txt`)}\t${join(dir, `${doc.id}.ar.txt`)}\n`;
}

/** Writes `<name>-presplit<suffix>` and, unless `presplitOnly`, `<name>-raw<suffix>`. */
export function writeSet(outDir: string, name: string, suffix: string, built: readonly BuiltDoc[], rng: Rng, presplitOnly = false): void {
  const presplit = freshDir(join(outDir, `${name}-presplit${suffix}`));
  writeFileSync(join(presplit, 'manifest.tsv'), built.map((doc) => writePresplit(presplit, doc)).join(''));
  if (presplitOnly) return;
  writeRawSet(outDir, name, suffix, built, rng);
}

/** Writes `<name>-raw<suffix>` alone (sets that exist only as raw text, such as nostop). */
export function writeRawSet(outDir: string, name: string, suffix: string, built: readonly BuiltDoc[], rng: Rng): void {
  const raw = freshDir(join(outDir, `${name}-raw${suffix}`));
  writeFileSync(join(raw, 'manifest.tsv'), built.map((doc) => writeRaw(raw, doc, rng)).join(''));
}
