import { describe, expect, it } from 'vitest';
import { joinSegments, splitSegment, type SegmentEditResult } from '../src/core/segment-edit.js';
import { segmentText } from '../src/core/text/segment.js';
import type { Alignment, Bead } from '../src/core/types.js';
import { expectSound } from './support/segment-check.js';

// The Arabic quote that ends without a full stop is the segmenter's common miss (issue 12): one segment holds two sentences.
const ARABIC = 'قال الرئيس إن المحادثات كانت مفيدة وأضاف "سنلتقي مجددا الأسبوع المقبل" ثم غادر.\nوقصفت فرنسا الرقة  بعد الهجمات.\n';
const ENGLISH = 'The president said the talks were useful.  He added: "We will meet again next week." Then he left.\nFrance bombed Raqqa after the attacks.\n';

function pair(): Alignment {
  const source = segmentText(ENGLISH, 'en');
  const target = segmentText(ARABIC, 'ar');
  const beads: Bead[] = [
    { source: [0, 1, 2], target: [0], flag: 'aligned', score: 0.6, status: 'auto' },
    { source: [3], target: [1], flag: 'aligned', score: 0.9, status: 'confirmed' },
  ];
  return { source: { lang: 'en', segments: source }, target: { lang: 'ar', segments: target }, beads };
}

function ok(result: SegmentEditResult): Extract<SegmentEditResult, { ok: true }> {
  if (!result.ok) throw new Error(result.reason);
  return result;
}

const texts = (a: Alignment, side: 'source' | 'target') => a[side].segments.map((s) => s.text);

describe('splitSegment', () => {
  it('splits an Arabic segment at a word boundary: the space goes to neither part, spans stay exact, both parts stay in the bead', () => {
    const before = pair();
    expect(before.target.segments).toHaveLength(2);
    const text = before.target.segments[0]!.text;
    const cut = text.indexOf(' ثم');
    const { alignment, cursor } = ok(splitSegment(before, 'target', 0, cut + 1, ARABIC));
    expect(cursor).toBe(0);
    expect(texts(alignment, 'target')).toEqual([text.slice(0, cut), 'ثم غادر.', before.target.segments[1]!.text]);
    expect(alignment.beads.map((b) => [b.source, b.target, b.status])).toEqual([
      [[0, 1, 2], [0, 1], 'edited'],
      [[3], [2], 'confirmed'],
    ]);
    expect(alignment.beads[0]).toMatchObject({ flag: 'aligned', score: 1 });
    expectSound(alignment, ENGLISH, ARABIC);
    // The input is untouched: the function is pure.
    expect(before.target.segments).toHaveLength(2);
  });

  it('cutting just before or just after the space gives the same parts', () => {
    const a = pair();
    const cut = a.target.segments[0]!.text.indexOf(' ثم');
    const before = ok(splitSegment(a, 'target', 0, cut, ARABIC)).alignment;
    const after = ok(splitSegment(a, 'target', 0, cut + 1, ARABIC)).alignment;
    expect(before).toEqual(after);
  });

  it('works out exact offsets across collapsed spaces with the input, and refuses without it', () => {
    const a = pair();
    const seg = a.target.segments[1]!;
    expect(seg.text.length).toBeLessThan(seg.end - seg.start); // "الرقة  بعد": two spaces collapsed to one
    const cut = seg.text.indexOf('بعد');
    const split = ok(splitSegment(a, 'target', 1, cut, ARABIC)).alignment;
    expect(texts(split, 'target').slice(1)).toEqual(['وقصفت فرنسا الرقة', 'بعد الهجمات.']);
    expectSound(split, ENGLISH, ARABIC);
    const refused = splitSegment(a, 'target', 1, cut);
    expect(refused.ok === false && refused.reason).toMatch(/input text is needed/);
    // A later part of the same line, after the collapsed run, is exact too.
    const late = ok(splitSegment(a, 'target', 1, seg.text.indexOf('الهجمات'), ARABIC)).alignment;
    expectSound(late, ENGLISH, ARABIC);
  });

  it('a segment with nothing collapsed splits exactly without the input', () => {
    const a = pair();
    const seg = a.source.segments[2]!; // Then he left.
    expect(seg.text).toBe('Then he left.');
    const split = ok(splitSegment(a, 'source', 2, 5)).alignment;
    expect(texts(split, 'source').slice(2, 4)).toEqual(['Then', 'he left.']);
    expectSound(split, ENGLISH, ARABIC);
    // Later indices shift by one in every bead.
    expect(split.beads.map((b) => b.source)).toEqual([[0, 1, 2, 3], [4]]);
  });

  it('refuses the ends, a cut inside a surrogate pair, a cut with only space on one side, and a missing segment', () => {
    const a = pair();
    const reason = (r: SegmentEditResult) => (r.ok ? 'ok' : r.reason);
    const length = a.source.segments[0]!.text.length;
    expect(reason(splitSegment(a, 'source', 0, 0))).toBe('a split needs text on both sides of the cut');
    expect(reason(splitSegment(a, 'source', 0, length))).toBe('a split needs text on both sides of the cut');
    expect(reason(splitSegment(a, 'source', 0, -1))).toBe('a split needs text on both sides of the cut');
    expect(reason(splitSegment(a, 'source', 0, 1.5))).toBe('a split needs text on both sides of the cut');
    expect(reason(splitSegment(a, 'source', 9, 1))).toBe('there is no source sentence 9');

    const emoji = 'Good 😀 news arrived today.';
    const e: Alignment = { source: { lang: 'en', segments: segmentText(emoji, 'en') }, target: { lang: 'ar', segments: [] }, beads: [{ source: [0], target: [], flag: 'source-only', score: 0.5, status: 'auto' }] };
    const inside = emoji.indexOf('😀') + 1;
    expect(reason(splitSegment(e, 'source', 0, inside))).toBe('the cut would fall inside a character');
    const afterEmoji = ok(splitSegment(e, 'source', 0, inside + 1)).alignment;
    expect(texts(afterEmoji, 'source')).toEqual(['Good 😀', 'news arrived today.']);
    expectSound(afterEmoji, emoji, '');
    // Cutting right after the emoji with no space (inside a "word") is allowed and exact.
    const glued = 'Joy😀now here.';
    const g: Alignment = { ...e, source: { lang: 'en', segments: segmentText(glued, 'en') } };
    const cut = ok(splitSegment(g, 'source', 0, 5)).alignment;
    expect(texts(cut, 'source')).toEqual(['Joy😀', 'now here.']);
    expectSound(cut, glued, '');
  });

  it('refuses a segment without recorded offsets, and an input that does not match', () => {
    const a = pair();
    const bare = { ...a, target: { ...a.target, segments: a.target.segments.map((s) => ({ ...s, start: undefined, end: undefined }) as unknown as typeof s) } };
    expect(splitSegment(bare, 'target', 0, 5)).toMatchObject({ ok: false, reason: expect.stringMatching(/does not record where/) });
    expect(splitSegment(a, 'target', 1, 5, 'something else entirely')).toMatchObject({ ok: false, reason: expect.stringMatching(/does not match/) });
  });
});

describe('joinSegments', () => {
  it('joins two segments of one bead: one space between them, exact span', () => {
    const a = pair();
    const { alignment, cursor } = ok(joinSegments(a, 'source', 1, ENGLISH));
    expect(cursor).toBe(0);
    expect(texts(alignment, 'source')).toEqual([a.source.segments[0]!.text, 'He added: "We will meet again next week." Then he left.', a.source.segments[3]!.text]);
    expect(alignment.beads.map((b) => [b.source, b.target])).toEqual([[[0, 1], [0]], [[2], [1]]]);
    expectSound(alignment, ENGLISH, ARABIC);
  });

  it('joins across collapsed spaces without the input, to the text the segmenter would give the span', () => {
    const a = pair();
    // "useful.  He added": two spaces in the input, one in the joined text.
    const joined = ok(joinSegments(a, 'source', 0)).alignment;
    expect(joined.source.segments[0]!.text).toBe('The president said the talks were useful. He added: "We will meet again next week."');
    expectSound(joined, ENGLISH, ARABIC);
  });

  it('across two beads the joined segment goes to the first bead; an emptied bead disappears, another is reflagged', () => {
    const text = 'One. Two. Three.';
    const source = segmentText(text, 'en');
    const make = (beads: Bead[]): Alignment => ({ source: { lang: 'en', segments: source }, target: { lang: 'ar', segments: segmentText('جاء الأول. ثم الثاني.', 'ar') }, beads });
    const bead = (s: number[], t: number[]): Bead => ({ source: s, target: t, flag: s.length && t.length ? 'aligned' : s.length ? 'source-only' : 'target-only', score: 0.5, status: 'auto' });

    const dropped = ok(joinSegments(make([bead([0], [0]), bead([1], []), bead([2], [1])]), 'source', 0, text));
    expect(dropped.alignment.beads.map((b) => [b.source, b.target, b.status])).toEqual([[[0], [0], 'edited'], [[1], [1], 'auto']]);
    expect(dropped.alignment.source.segments.map((s) => s.text)).toEqual(['One. Two.', 'Three.']);
    expectSound(dropped.alignment, text, 'جاء الأول. ثم الثاني.');

    const reflagged = ok(joinSegments(make([bead([0], [0]), bead([1], [1]), bead([2], [])]), 'source', 0, text)).alignment;
    expect(reflagged.beads.map((b) => [b.source, b.target, b.flag, b.status])).toEqual([
      [[0], [0], 'aligned', 'edited'],
      [[], [1], 'target-only', 'edited'],
      [[1], [], 'source-only', 'auto'],
    ]);
    expectSound(reflagged, text, 'جاء الأول. ثم الثاني.');
  });

  it('refuses across paragraphs, at the last segment, and against an input that does not match', () => {
    const a = pair();
    expect(joinSegments(a, 'source', 2)).toMatchObject({ ok: false, reason: expect.stringMatching(/another paragraph/) });
    expect(joinSegments(a, 'source', 3)).toMatchObject({ ok: false, reason: 'the last source sentence has no next sentence to join' });
    expect(joinSegments(a, 'target', 5)).toMatchObject({ ok: false, reason: 'there is no target sentence 5' });
    expect(joinSegments(a, 'source', 0, ENGLISH.replace('useful', 'USEFUL'))).toMatchObject({ ok: false, reason: expect.stringMatching(/does not match/) });
  });
});

describe('split then join', () => {
  it('gives back the original segments at every cut of both texts (bead status aside)', () => {
    const a = pair();
    for (const [side, input] of [['source', ENGLISH], ['target', ARABIC]] as const) {
      a[side].segments.forEach((seg, k) => {
        for (let offset = 1; offset < seg.text.length; offset++) {
          const split = splitSegment(a, side, k, offset, input);
          if (!split.ok) continue;
          expectSound(split.alignment, ENGLISH, ARABIC);
          const back = ok(joinSegments(split.alignment, side, k, input)).alignment;
          expect(back.source.segments).toEqual(a.source.segments);
          expect(back.target.segments).toEqual(a.target.segments);
          // The segments are the input's again, but the side went through edits and says so.
          expect(back[side].segmentation).toBe('edited');
          expect(back.beads.map((b) => [b.source, b.target, b.flag])).toEqual(a.beads.map((b) => [b.source, b.target, b.flag]));
        }
      });
    }
  });

  it('joins the parts of a cut inside a word back without a space', () => {
    const a = pair();
    const split = ok(splitSegment(a, 'source', 2, 2)).alignment; // "Th" | "en he left."
    expect(texts(split, 'source').slice(2, 4)).toEqual(['Th', 'en he left.']);
    expect(ok(joinSegments(split, 'source', 2)).alignment.source.segments).toEqual(a.source.segments);
  });
});
