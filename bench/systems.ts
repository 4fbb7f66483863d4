/**
 * The sets a run covers, and the ways the runner gets a test alignment for them: the mizan CLI
 * (`batch` for sets, `align` for the large pair; the baseline is the same CLI with `--aligner
 * gale-church`), or the gold itself (--self-check: every figure must come out 1.0). Reading and
 * writing of test files lives here too, so run.ts only orchestrates.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GenOptions, GenSummary } from './gen.js';
import type { TextBead } from './links.js';
import type { GoldBead } from './perturb.js';
import type { SetInfo } from './report.js';

export type SystemKind = 'cli' | 'gold';

export interface System {
  name: string;
  kind: SystemKind;
  /** Extra CLI arguments (e.g. --aligner gale-church). */
  args: string[];
}

export interface SetSpec extends SetInfo {
  dir: string;
  manifest: string;
  /** One pair, aligned with `mizan align` instead of `batch`. */
  single: boolean;
}

/** The sets a run covers, from the generator's summary (the large pair only when it was generated). */
export function setSpecs(options: GenOptions, summary: GenSummary): SetSpec[] {
  const described: Record<string, string> = {
    main: 'FLORES-200 devtest + TICO-19 documents, perturbed (drops, foreign insertions, 1-2/2-1 merges).',
    iwslt: 'IWSLT17 TED talks, segments as gold units, perturbed the same way; raw text re-split gives natural n:m.',
    large: 'One pair: all documents shuffled and concatenated (repeated with fresh perturbations) to ~10,000 lines a side.',
  };
  const specs: SetSpec[] = [];
  for (const [name, stats] of Object.entries(summary.sets)) {
    if (name === 'large' && !options.largeSize) continue;
    for (const form of ['presplit', 'raw'] as const) {
      const dir = join(options.outDir, `${name}-${form}`);
      const extra = form === 'raw' ? ' Raw text, paragraphs regrouped per side; scored by sentence-pair links.' : ' Presplit, one segment a line.';
      specs.push({
        name: `${name}-${form}`,
        form,
        docs: stats.docs,
        en: stats.en,
        ar: stats.ar,
        description: `${described[name] ?? ''}${extra}`,
        dir,
        manifest: join(dir, 'manifest.tsv'),
        single: name === 'large',
      });
    }
  }
  return specs;
}

export interface ManifestEntry {
  id: string;
  source: string;
  target: string;
}

/** Manifest rows sorted by id in code-unit order, the order `LC_ALL=C` globbing gives in printed commands. */
export function readManifest(file: string): ManifestEntry[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const [id = '', source = '', target = ''] = line.split('\t');
      return { id, source, target };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function freshDir(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

const fileLines = (file: string): string[] => readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0);

export function readGoldBeads(file: string): GoldBead[] {
  return JSON.parse(readFileSync(file, 'utf8')) as GoldBead[];
}

const arabicShare = (texts: readonly string[]): number => {
  const all = texts.join('');
  const arabic = all.match(/[\u0600-\u06ff]/g)?.length ?? 0;
  return all.length === 0 ? 0 : arabic / all.length;
};

/**
 * jsonl beads as text beads with English in `en`. The manifest names English as the source, but the
 * CLI may tell the languages apart by script and report Arabic as the source, so check the script.
 */
export function readJsonlBeads(file: string): TextBead[] {
  if (!existsSync(file)) return [];
  const beads = fileLines(file).map((line) => JSON.parse(line) as { source?: string[]; target?: string[] });
  const source = beads.flatMap((b) => b.source ?? []);
  const target = beads.flatMap((b) => b.target ?? []);
  const swap = arabicShare(source) > arabicShare(target);
  return beads.map((b) => (swap ? { en: b.target ?? [], ar: b.source ?? [] } : { en: b.source ?? [], ar: b.target ?? [] }));
}

export function writeJsonl(file: string, beads: readonly TextBead[]): void {
  const lines = beads.map((b) => JSON.stringify({ source: b.en, target: b.ar, flag: flagOf(b) }));
  writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
}

function flagOf(bead: TextBead): string {
  if (bead.en.length === 0) return 'target-only';
  return bead.ar.length === 0 ? 'source-only' : 'aligned';
}

/** --self-check on a raw pair: the gold beads themselves as the prediction. */
export function goldAsJsonl(goldFile: string, outFile: string): void {
  writeJsonl(outFile, readGoldBeads(goldFile));
}

export function goldLadderPath(dir: string, id: string): string {
  return join(dir, `${id}.gold.ladder`);
}
