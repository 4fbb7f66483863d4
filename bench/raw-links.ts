/**
 * Link F1 of one raw-text set, quickly: `mizan batch` on its manifest, then bench/links.ts's
 * scoring, the same as `npm run bench` does for the raw rows, without the rest of the bench. Made
 * for choosing the guided splitter's thresholds on a tune part (issue 10) and checking that the
 * regular raw sets do not get worse. It also counts Arabic segments that end inside a gold sentence:
 * a needless cut, which link F1 does not see (both pieces still stand for their sentence).
 * Usage (after `npm run build` and `node dist/bench/gen.js`):
 *   node dist/bench/raw-links.js nostop-raw-tune [main-raw-tune ...] [-- extra mizan args]
 */
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { packageRoot } from './gen.js';
import { countLinks, linkScores, locate, sumCounts } from './links.js';
import { failure, runTimed } from './proc.js';
import { readGoldBeads, readJsonlBeads, readManifest } from './systems.js';

const ROOT = packageRoot();
const dash = process.argv.indexOf('--');
const sets = process.argv.slice(2, dash < 0 ? undefined : dash);
const extra = dash < 0 ? [] : process.argv.slice(dash + 1);
const f = (x: number) => x.toFixed(3);

for (const set of sets) {
  const dir = join(ROOT, 'bench', 'out', set);
  const outDir = mkdtempSync(join(tmpdir(), 'mizan-raw-links-'));
  const run = runTimed(process.execPath, ['dist/src/cli/main.js', 'batch', join(dir, 'manifest.tsv'), '--outdir', outDir, '--format', 'jsonl', ...extra], ROOT, 1_200_000);
  const why = failure(run);
  if (why) process.stderr.write(`${set}: ${why}\n`);
  let inside = 0;
  let segments = 0;
  const counts = readManifest(join(dir, 'manifest.tsv')).map((e) => {
    const gold = readGoldBeads(join(dir, `${e.id}.gold.json`));
    const predicted = readJsonlBeads(join(outDir, `${e.id}.jsonl`));
    // Needless cuts, which link F1 cannot see: Arabic segment ends that are no gold sentence end.
    const goldAr = gold.flatMap((b) => b.ar);
    const ends = new Set<number>();
    let at = 0;
    for (const text of goldAr) ends.add((at += text.replace(/\s+/gu, '').length));
    const spans = locate(goldAr.map((t) => t.replace(/\s+/gu, '')).join(''), predicted.flatMap((b) => b.ar));
    segments += spans.length;
    inside += spans.filter((span) => span !== undefined && !ends.has(span[1])).length;
    return countLinks(gold, predicted);
  });
  const s = linkScores(sumCounts(counts));
  process.stdout.write(`${set}: link P ${f(s.links.precision)} R ${f(s.links.recall)} F1 ${f(s.links.f1)}  one-sided F1 ${f(s.oneSided.f1)}  Arabic segments ending inside a gold sentence ${inside} of ${segments}  (${(run.wallMs / 1000).toFixed(1)} s)\n`);
  rmSync(outDir, { recursive: true, force: true });
}
