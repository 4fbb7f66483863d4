/**
 * The tune/test split of the dev corpora. Parameters may be chosen on the `tune` part; the `test`
 * part is what results.md reports as the headline, and nothing may be tuned on it. The unit is the
 * corpus's own document (a FLORES source URL, a TICO document, an IWSLT talk), so no document
 * contributes sentences to both parts, and the split is a hash of that id alone: it does not move
 * with --seed (which only changes the perturbations), nor when documents are added or removed.
 */
import { fnv1a } from '../src/core/hash.js';

export type Part = 'tune' | 'test';

export const PARTS: readonly Part[] = ['test', 'tune'];

/** Bump to draw a different split (it would change every published figure). */
const SALT = 'mizan-split-1';

/** FNV-1a over the text, then murmur3's finalizer so that every bit depends on every input bit. */
export function hash32(text: string): number {
  let h = fnv1a(text);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** The part a document belongs to, from its corpus and its id in that corpus (about 50/50). */
export function partOf(corpus: string, documentId: string): Part {
  return hash32(`${SALT}:${corpus}:${documentId}`) < 0x80000000 ? 'test' : 'tune';
}

/** Items of one part, in their original order. */
export function inPart<T>(items: readonly T[], part: Part, corpusAndId: (item: T) => [string, string]): T[] {
  return items.filter((item) => partOf(...corpusAndId(item)) === part);
}
