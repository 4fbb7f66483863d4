/**
 * Realign around the confirmed (z in the review, core/align/realign.ts) on the presplit tune sets:
 * a simulated reviewer corrects the first wrong stretch of mizan's alignment (puts the gold beads
 * there, which the review counts as edited), `--fixes` times in a row, once pressing z after each
 * correction and once not. Counted: beads not in the gold, before any correction, after the
 * corrections alone and after the corrections with z; and the documents where z made it worse or
 * better. Tune part only (bench/README.md: choices are made on tune). Needs `node dist/bench/gen.js`.
 *
 *   npm run build && node dist/bench/realign.js [--sets main-presplit-tune,iwslt-presplit-tune] [--fixes 3]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEvidence } from '../src/cli/evidence-file.js';
import { alignTexts } from '../src/core/align/align.js';
import { mizanStrategy } from '../src/core/align/mizan.js';
import { realignUnconfirmed } from '../src/core/align/realign.js';
import { diffAlignments } from '../src/core/alignment-diff.js';
import { segmentPresplit } from '../src/core/text/segment.js';
import type { Alignment, Bead } from '../src/core/types.js';
import { parseLadder } from '../src/formats/ladder.js';

const key = (b: Pick<Bead, 'source' | 'target'>) => `${b.source.join(',')}|${b.target.join(',')}`;

/** The first region where `alignment` differs from `gold` put right, its gold beads marked edited. */
function correctFirst(alignment: Alignment, gold: Alignment): Alignment {
  const change = diffAlignments(alignment, gold).changes.find((c) => c.kind !== 'flag' && c.kind !== 'status');
  if (!change || change.old.length === 0) return alignment;
  const from = change.old[0]!.index;
  const to = change.old.at(-1)!.index;
  const fixed = change.new.map(({ index: _index, ...b }): Bead => ({ ...b, status: 'edited' }));
  return { ...alignment, beads: [...alignment.beads.slice(0, from), ...fixed, ...alignment.beads.slice(to + 1)] };
}

function main() {
  const { values } = parseArgs({ options: { sets: { type: 'string', default: 'main-presplit-tune,iwslt-presplit-tune' }, fixes: { type: 'string', default: '3' }, out: { type: 'string', default: 'bench/out' } } });
  const evidence = loadEvidence();
  const aligner = { strategy: mizanStrategy, evidence };
  const fixes = Number(values.fixes);
  const total = { docs: 0, goldBeads: 0, auto: 0, corrected: 0, correctedWithZ: 0, zWorse: 0, zBetter: 0, ms: 0 };
  for (const set of values.sets.split(',')) {
    const dir = join(values.out, set);
    if (!existsSync(dir)) {
      process.stdout.write(`no ${dir}: generate the sets first (node dist/bench/gen.js)\n`);
      return;
    }
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.gold.ladder')).sort()) {
      const id = file.replace(/\.gold\.ladder$/, '');
      const source = { lang: 'en' as const, segments: segmentPresplit(readFileSync(join(dir, `${id}.en`), 'utf8')) };
      const target = { lang: 'ar' as const, segments: segmentPresplit(readFileSync(join(dir, `${id}.ar`), 'utf8')) };
      const goldBeads = parseLadder(readFileSync(join(dir, file), 'utf8')).map((b): Bead => ({ source: b.source, target: b.target, flag: 'aligned', score: 1, status: 'auto' }));
      const gold: Alignment = { source, target, beads: goldBeads };
      const inGold = new Set(goldBeads.map(key));
      const wrong = (a: Alignment) => a.beads.filter((b) => !inGold.has(key(b))).length;
      const auto = alignTexts(source, target, { strategy: mizanStrategy, evidence, boilerplate: false });
      let plain = auto;
      let withZ = auto;
      for (let k = 0; k < fixes; k++) {
        plain = correctFirst(plain, gold);
        withZ = correctFirst(withZ, gold);
        const t0 = performance.now();
        withZ = { ...withZ, beads: realignUnconfirmed(withZ, aligner).beads };
        total.ms += performance.now() - t0;
      }
      total.docs++;
      total.goldBeads += goldBeads.length;
      total.auto += wrong(auto);
      total.corrected += wrong(plain);
      total.correctedWithZ += wrong(withZ);
      if (wrong(withZ) > wrong(plain)) total.zWorse++;
      if (wrong(withZ) < wrong(plain)) total.zBetter++;
    }
  }
  process.stdout.write(
    [
      `realign around the confirmed: ${values.sets}, ${total.docs} documents, ${total.goldBeads} gold beads, ${fixes} corrections a document`,
      `beads not in the gold: mizan ${total.auto}; after the corrections ${total.corrected}; after the corrections, each followed by z, ${total.correctedWithZ}`,
      `z made ${total.zWorse} documents worse and ${total.zBetter} better; z took ${(total.ms / Math.max(1, total.docs * fixes)).toFixed(0)} ms a press on average`,
      '',
    ].join('\n'),
  );
}

main();
