/**
 * The edits a reviewer makes to an alignment, as pure functions over the bead list. They are the
 * moves of InterText's editor (Vondřička 2014): confirm, unlink a bead into one-sided beads, merge a
 * bead with the next, shift the first sentence of a side up into the previous bead or the last one
 * down into the next, and mark a bead as boilerplate or not.
 *
 * Every edit keeps mizan's invariant (each segment of each side in exactly one bead, in document
 * order) by construction: sentences only ever move between neighbouring beads, at their edges.
 * An edit that does not apply returns a reason instead of beads, so the UI can say why.
 */
import type { Bead, Flag } from './types.js';

export type Side = 'source' | 'target';

export type Edit =
  | { kind: 'confirm'; at: number }
  | { kind: 'confirm-through'; at: number }
  | { kind: 'unlink'; at: number }
  | { kind: 'merge-next'; at: number }
  | { kind: 'move-up'; at: number; side: Side }
  | { kind: 'move-down'; at: number; side: Side }
  | { kind: 'toggle-boilerplate'; at: number };

/** The edited beads and the bead the cursor should rest on, or why the edit does not apply. */
export type EditResult = { ok: true; beads: Bead[]; cursor: number } | { ok: false; reason: string };

/**
 * A bead a person has shaped is certain as far as the tool can tell: its score becomes 1 and its
 * status "edited". (The aligner's score described the bead it proposed, not this one.)
 */
const HUMAN_SCORE = 1;

/** The flag that a bead's shape implies: linked when both sides have sentences, else the side it has. */
export function flagForShape(bead: Pick<Bead, 'source' | 'target'>): Exclude<Flag, 'boilerplate'> {
  if (bead.source.length > 0 && bead.target.length > 0) return 'aligned';
  return bead.source.length > 0 ? 'source-only' : 'target-only';
}

function edited(source: number[], target: number[], boilerplate = false): Bead {
  return { source, target, flag: boilerplate ? 'boilerplate' : flagForShape({ source, target }), score: HUMAN_SCORE, status: 'edited' };
}

const fail = (reason: string): EditResult => ({ ok: false, reason });

function replace(beads: readonly Bead[], from: number, count: number, inserted: Bead[], cursor: number): EditResult {
  const next = beads.slice(0, from).concat(inserted, beads.slice(from + count));
  return { ok: true, beads: next, cursor: Math.max(0, Math.min(cursor, next.length - 1)) };
}

function confirm(beads: readonly Bead[], at: number): EditResult {
  const bead = beads[at]!;
  if (bead.status !== 'auto') return fail('this bead is already reviewed');
  return replace(beads, at, 1, [{ ...bead, status: 'confirmed' }], at);
}

function confirmThrough(beads: readonly Bead[], at: number): EditResult {
  if (!beads.slice(0, at + 1).some((b) => b.status === 'auto')) return fail('every bead up to here is already reviewed');
  const confirmed = beads.slice(0, at + 1).map((b): Bead => (b.status === 'auto' ? { ...b, status: 'confirmed' } : b));
  return replace(beads, 0, at + 1, confirmed, at);
}

/** Each sentence of the bead becomes a one-sided bead of its own, source sentences first (document order on each side holds). */
function unlink(beads: readonly Bead[], at: number): EditResult {
  const bead = beads[at]!;
  if (bead.source.length + bead.target.length < 2) return fail('a single sentence has nothing to unlink from');
  const boilerplate = bead.flag === 'boilerplate';
  const parts = [...bead.source.map((i) => edited([i], [], boilerplate)), ...bead.target.map((j) => edited([], [j], boilerplate))];
  return replace(beads, at, 1, parts, at);
}

function mergeNext(beads: readonly Bead[], at: number): EditResult {
  const bead = beads[at]!;
  const next = beads[at + 1];
  if (!next) return fail('the last bead has no next bead to merge with');
  const boilerplate = bead.flag === 'boilerplate' && next.flag === 'boilerplate';
  return replace(beads, at, 2, [edited([...bead.source, ...next.source], [...bead.target, ...next.target], boilerplate)], at);
}

/** `bead` with `side` replaced, or null when nothing is left on either side (the bead disappears). */
function reshaped(bead: Bead, side: Side, indices: number[]): Bead | null {
  const source = side === 'source' ? indices : bead.source;
  const target = side === 'target' ? indices : bead.target;
  if (source.length === 0 && target.length === 0) return null;
  return edited(source, target, bead.flag === 'boilerplate');
}

function moveUp(beads: readonly Bead[], at: number, side: Side): EditResult {
  const bead = beads[at]!;
  const moved = bead[side][0];
  if (moved === undefined) return fail(`this bead has no ${side} sentence to move up`);
  if (at === 0) return fail('the first bead has no bead above it');
  const previous = beads[at - 1]!;
  const receiver = reshaped(previous, side, [...previous[side], moved])!;
  const giver = reshaped(bead, side, bead[side].slice(1));
  return replace(beads, at - 1, 2, giver ? [receiver, giver] : [receiver], giver ? at : at - 1);
}

function moveDown(beads: readonly Bead[], at: number, side: Side): EditResult {
  const bead = beads[at]!;
  const moved = bead[side][bead[side].length - 1];
  if (moved === undefined) return fail(`this bead has no ${side} sentence to move down`);
  const following = beads[at + 1];
  if (!following) return fail('the last bead has no bead below it');
  const receiver = reshaped(following, side, [moved, ...following[side]])!;
  const giver = reshaped(bead, side, bead[side].slice(0, -1));
  return replace(beads, at, 2, giver ? [giver, receiver] : [receiver], at);
}

function toggleBoilerplate(beads: readonly Bead[], at: number): EditResult {
  const bead = beads[at]!;
  const flag = bead.flag === 'boilerplate' ? flagForShape(bead) : 'boilerplate';
  return replace(beads, at, 1, [{ ...bead, flag, status: 'edited', score: HUMAN_SCORE }], at);
}

export function applyEdit(beads: readonly Bead[], edit: Edit): EditResult {
  if (!beads[edit.at]) return fail('no bead here');
  switch (edit.kind) {
    case 'confirm':
      return confirm(beads, edit.at);
    case 'confirm-through':
      return confirmThrough(beads, edit.at);
    case 'unlink':
      return unlink(beads, edit.at);
    case 'merge-next':
      return mergeNext(beads, edit.at);
    case 'move-up':
      return moveUp(beads, edit.at, edit.side);
    case 'move-down':
      return moveDown(beads, edit.at, edit.side);
    case 'toggle-boilerplate':
      return toggleBoilerplate(beads, edit.at);
  }
}
