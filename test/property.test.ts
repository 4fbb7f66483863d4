/**
 * Property tests on random text (fast-check): whatever Unicode a user's file holds, segmentation
 * and alignment do not crash, every sentence is in exactly one bead and in order, and each
 * segment's span points at its text. Texts mix Arabic, Latin, digits, terminators, line ends
 * (LF, CR, CRLF), spaces of every kind, emoji and lone surrogates, to reach the segmenter's and
 * the tokenizers' corner cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignTexts } from '../src/core/align/align.js';
import { mizanStrategy } from '../src/core/align/mizan.js';
import { galeChurchStrategy } from '../src/core/align/gale-church.js';
import { lexiconEvidence } from '../src/core/evidence.js';
import { parseLexicon } from '../src/core/lexicon.js';
import { segmentPresplit, segmentText } from '../src/core/text/segment.js';
import type { Lang } from '../src/core/types.js';
import { checkCoverage } from '../src/formats/alignment-file.js';

const LEXICON = parseLexicon('كتاب\tbook\nبيت\thous\n');
const PIECES = [
  'كتاب', 'بيت', 'الرئيس', 'و', 'ال', 'ﻻ', 'د.', '٣٠٠', 'book', 'house', 'Dr.', 'U.S.', 'e.g.', 'Mr', '3.5', '300,000',
  '.', '..', '...', '!', '?', '؟', '…', '۔', '،', '"', '”', '»', ')', ' ', '  ', '\t', '\u00a0', '\u200f', '\u0640', '\n', '\r', '\r\n',
  '\n\n', '😀', '\ud800', 'é', 'Ø§', 'www.x.com', 'a@b.org', 'Nov 13', 'ً',
];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 60 }).map((parts) => parts.join(''));

function checkSegments(input: string, lang: Lang) {
  const segments = segmentText(input, lang);
  segments.forEach((seg, k) => {
    expect(seg.index).toBe(k);
    expect(seg.text).toBe(input.slice(seg.start, seg.end).replace(/\s+/g, ' '));
    expect(seg.text.trim()).not.toBe('');
    if (k > 0) expect(seg.start).toBeGreaterThanOrEqual(segments[k - 1]!.end);
  });
  return segments;
}

describe('random text through segmentation and alignment', () => {
  it('segments: spans point at their text, in order, nothing empty', () => {
    fc.assert(
      fc.property(text, fc.constantFrom<Lang>('ar', 'en'), (input, lang) => {
        checkSegments(input, lang);
      }),
      { numRuns: 300 },
    );
  });

  it('aligns: no crash, every sentence of each side in exactly one bead, in order', () => {
    fc.assert(
      fc.property(text, text, fc.boolean(), fc.boolean(), (a, b, presplit, baseline) => {
        const seg = (input: string, lang: Lang) => ({ lang, segments: presplit ? segmentPresplit(input) : checkSegments(input, lang) });
        const source = seg(a, 'en');
        const target = seg(b, 'ar');
        const alignment = alignTexts(source, target, { strategy: baseline ? galeChurchStrategy : mizanStrategy, evidence: lexiconEvidence(LEXICON), boilerplate: !presplit });
        expect(checkCoverage(alignment.beads, source.segments.length, target.segments.length)).toBeNull();
        for (const bead of alignment.beads) {
          expect(bead.source.length + bead.target.length).toBeGreaterThan(0);
          expect(bead.score).toBeGreaterThanOrEqual(0);
          expect(bead.score).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
