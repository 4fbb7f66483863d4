/**
 * How well mizan tells Windows-1256 from ISO-8859-6 (src/cli/encoding.ts): FLORES-200 and TICO-19
 * Arabic, cut into documents of 1, 3 and 10 sentences, encoded both ways with iconv-lite, decoded
 * by `decodeBytes`; and the English side in Windows-1252 (the documents 1252 can encode that have a
 * byte above 0x7F: curly quotes, accents), which must read as Western European text, never as
 * Arabic. Prints one line per document size; exits 1 if any document is read wrong.
 *   npm run build && node dist/bench/encodings.js [--data DIR]
 */
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { decodeBytes } from '../src/cli/encoding.js';
import { dataAvailable, loadFlores, loadTico } from './sources.js';

const args = process.argv.slice(2);
const dataDir = args[args.indexOf('--data') + 1] && args.includes('--data') ? args[args.indexOf('--data') + 1]! : join(import.meta.dirname, '../../../shared/data/dev');
if (!dataAvailable(dataDir)) {
  console.log(`no dev data in ${dataDir}; nothing to measure`);
  process.exit(0);
}
const sentences = [...loadFlores(dataDir), ...loadTico(dataDir)].flatMap((doc) => doc.pairs.map((p) => p.ar));
let wrong = 0;
for (const size of [1, 3, 10]) {
  const counts = { 'windows-1256': [0, 0], 'iso-8859-6': [0, 0] } as Record<string, [number, number]>;
  for (let k = 0; k + size <= sentences.length; k += size) {
    const text = sentences.slice(k, k + size).join('\n') + '\n';
    for (const encoding of ['windows-1256', 'iso-8859-6'] as const) {
      const bytes = iconv.encode(text, encoding);
      const tally = counts[encoding]!;
      tally[1]++;
      try {
        const got = decodeBytes(bytes);
        if (got.encoding === encoding && got.text === iconv.decode(bytes, encoding)) tally[0]++;
      } catch {
        // refused: counted as wrong
      }
    }
  }
  const line = Object.entries(counts).map(([enc, [right, all]]) => `${enc} ${right}/${all}`);
  wrong += Object.values(counts).reduce((sum, [right, all]) => sum + all - right, 0);
  console.log(`documents of ${size} sentence(s): read right ${line.join(', ')}`);
}
const english = [...loadFlores(dataDir), ...loadTico(dataDir)].flatMap((doc) => doc.pairs.map((p) => p.en));
for (const size of [1, 3, 10]) {
  let right = 0;
  let all = 0;
  for (let k = 0; k + size <= english.length; k += size) {
    const text = english.slice(k, k + size).join('\n') + '\n';
    const bytes = iconv.encode(text, 'windows-1252');
    if (iconv.decode(bytes, 'windows-1252') !== text || !bytes.some((b) => b >= 0x80)) continue;
    all++;
    try {
      const got = decodeBytes(bytes);
      if ((got.encoding === 'windows-1252' || got.encoding === 'iso-8859-1') && got.text === text) right++;
    } catch {
      // refused: counted as wrong
    }
  }
  wrong += all - right;
  console.log(`English documents of ${size} sentence(s) with non-ASCII: read right windows-1252 ${right}/${all}`);
}
process.exit(wrong > 0 ? 1 : 0);
