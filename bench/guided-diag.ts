/**
 * Diagnosis of the guided splitter on a raw set (tune parts only): for every automatic bead whose
 * one Arabic segment faces 2-3 English sentences, where the gold puts the sentence ends in that
 * segment, and whether planCuts finds them (the same cut to the character, another cut, none; and
 * cuts where the gold has one sentence). MIZAN_GUIDED='{"minOwnBare":1}' overrides GUIDED_SPLIT;
 * DIAG_VERBOSE=1 prints each case. Usage: node dist/bench/guided-diag.js nostop-raw-tune
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GUIDED_SPLIT, planCuts } from '../src/core/align/guided-split.js';
import { documentWords } from '../src/core/score/word-evidence.js';
import { loadEvidence } from '../src/cli/evidence-file.js';
import { strategyNamed } from '../src/cli/pipeline.js';
import { alignTexts } from '../src/core/align/align.js';
import { detectLanguage, segmentText } from '../src/core/text/segment.js';
import { readInput } from '../src/cli/input.js';
import { packageRoot } from './gen.js';
import { readGoldBeads, readManifest } from './systems.js';

const set = process.argv[2] ?? 'nostop-raw-tune';
const params = process.env.MIZAN_GUIDED ? { ...GUIDED_SPLIT, ...JSON.parse(process.env.MIZAN_GUIDED) } : GUIDED_SPLIT;
const dir = join(packageRoot(), 'bench', 'out', set);
const evidence = loadEvidence({});
const squeeze = (s: string) => s.replace(/\s+/gu, '');
const tally = { beads: 0, glued: 0, right: 0, wrongCut: 0, missed: 0, falseSplit: 0 };
for (const e of readManifest(join(dir, 'manifest.tsv'))) {
  const gold = readGoldBeads(join(dir, `${e.id}.gold.json`));
  const goldAr = gold.flatMap((b) => b.ar).map(squeeze);
  const segmented = (path: string) => {
    const text = readInput(path).text;
    const lang = detectLanguage(text)!;
    return { lang, segments: segmentText(text, lang) };
  };
  // The aligner's beads before the guided split, which is what planCuts sees.
  const al = alignTexts(segmented(e.source), segmented(e.target), { strategy: strategyNamed(undefined), evidence, boilerplate: true });
  const enSide = al.source.lang === 'en' ? 'source' : 'target';
  const arSide = enSide === 'source' ? 'target' : 'source';
  const words = documentWords(al[enSide].segments.map((s) => s.text), al[arSide].segments.map((s) => s.text), evidence);
  for (const bead of al.beads) {
    if (bead.flag !== 'aligned' || bead[arSide].length !== 1 || bead[enSide].length < 2 || bead[enSide].length > 3) continue;
    tally.beads++;
    const seg = al[arSide].segments[bead[arSide][0]!]!;
    const text = seg.text;
    // Gold cuts: where, in the squeezed text, a gold Arabic sentence ends inside the segment.
    const sq = squeeze(text);
    const goldCuts: number[] = [];
    let pos = 0;
    for (const g of goldAr) {
      const at = sq.indexOf(g, 0);
      if (at === 0 && g.length < sq.length) {
        pos = g.length;
        goldCuts.push(pos);
        let rest = sq.slice(pos);
        for (const h of goldAr) if (rest.startsWith(h) && h.length < rest.length && h.length > 0) { pos += h.length; goldCuts.push(pos); rest = sq.slice(pos); }
        break;
      }
    }
    const short = bead[enSide].map((i) => al[enSide].segments[i]!);
    const cuts = planCuts(text, words.ar[seg.index]!, 'ar', short.map((s) => words.en[s.index]!), short.map((s) => s.text.length), params);
    const cutSq = (cuts?.offsets ?? []).map((c) => squeeze(text.slice(0, c)).length);
    const glued = goldCuts.length > 0;
    if (glued) tally.glued++;
    const same = glued && cuts !== null && cutSq.length === goldCuts.length && cutSq.every((c, k) => c === goldCuts[k]);
    if (same) tally.right++;
    else if (glued && cuts) tally.wrongCut++;
    else if (glued) tally.missed++;
    else if (cuts) tally.falseSplit++;
    if (process.env.DIAG_VERBOSE && !same && (glued || cuts)) {
      process.stdout.write(`${e.id} ${glued ? 'GLUED' : 'one'} cuts=${JSON.stringify(cutSq)} gold=${JSON.stringify(goldCuts)}\n  ${text}\n  ${short.map((s) => s.text).join('\n  ')}\n`);
    }
  }
}
process.stdout.write(`${JSON.stringify(tally)}\n`);
