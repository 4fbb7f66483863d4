/**
 * FNV-1a over the UTF-16 code units (Fowler, Noll & Vo): a short, dependency-free, stable hash for
 * ids and deterministic splits, not for security. Unsigned 32-bit.
 */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
