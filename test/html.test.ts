import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadEvidence } from '../src/cli/evidence-file.js';
import { plainEvidence } from '../src/core/evidence.js';
import { coverageReport } from '../src/core/coverage.js';
import { parseLexicon } from '../src/core/lexicon.js';
import type { Alignment, Bead, Segment } from '../src/core/types.js';
import { parseAlignmentFile } from '../src/formats/alignment-file.js';
import { escapeHtml, formatHtml } from '../src/formats/html.js';

const segs = (texts: string[]): Segment[] => texts.map((text, index) => ({ index, text, paragraph: index, start: 0, end: text.length }));
const bead = (source: number[], target: number[], flag: Bead['flag']): Bead => ({ source, target, flag, score: 0.9, status: 'auto' });
const LEX = parseLexicon('قتل\tkill\nهجوم\tattack');

const SAMPLE: Alignment = {
  source: { lang: 'en', segments: segs(['Tom & "Jerry" <b>fought</b> it\'s', 'The attack killed 130 people.', 'Only here.', 'Footer']) },
  target: { lang: 'ar', segments: segs(['توم وجيري', 'قتل الهجوم 129 شخصا.', 'هنا فقط.']) },
  beads: [bead([0], [0], 'aligned'), bead([1], [1], 'aligned'), bead([2], [], 'source-only'), bead([], [2], 'target-only'), bead([3], [], 'boilerplate')],
};

describe('HTML export', () => {
  const html = formatHtml(SAMPLE, coverageReport(SAMPLE, plainEvidence(LEX)), { title: 'a <test> & more' });

  it('escapes &, <, >, quotes', () => {
    expect(escapeHtml(`a & b <c> "d" 'e'`)).toBe('a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;');
    // Marks may cut the sentence into pieces: read it without tags.
    expect(html.replace(/<[^>]+>/g, '')).toContain('Tom &amp; &quot;Jerry&quot; &lt;b&gt;fought&lt;/b&gt; it&#39;s');
    expect(html).not.toMatch(/<b>fought|<\/b>\s*it/);
    expect(html).toContain('<title>a &lt;test&gt; &amp; more</title>');
  });

  it('is one self-contained page: Arabic cells right to left, no scripts or external resources', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<td dir="rtl" lang="ar">/);
    expect(html).not.toMatch(/<script|<link|src=|url\(|https?:/);
  });

  it('shows every bead, boilerplate included, with its flag, and every sentence', () => {
    for (const flag of ['aligned', 'source-only', 'target-only', 'boilerplate']) expect(html).toContain(`<tr class="${flag}">`);
    expect(html.match(/<tr class="/g)).toHaveLength(SAMPLE.beads.length);
    for (const s of [...SAMPLE.source.segments, ...SAMPLE.target.segments]) expect(html).toContain(escapeHtml(s.text).split(' ')[0]!);
  });

  it('marks the differing numbers and puts the figures on top', () => {
    // 130 and 129 have no counterpart either, so they are in uncovered spans too.
    expect(html).toMatch(/<mark class="[^"]*diff[^"]*" title="[^"]*number differs">130<\/mark>/);
    expect(html).toMatch(/<mark class="[^"]*diff[^"]*" title="[^"]*number differs">129<\/mark>/);
    expect(html.indexOf('class="figures"')).toBeLessThan(html.indexOf('class="beads"'));
  });

  it('carries every sentence of the seed alignment', () => {
    const { alignment } = parseAlignmentFile(readFileSync('alignments/dawn-eremnews.json', 'utf8'));
    const page = formatHtml(alignment, coverageReport(alignment, loadEvidence()));
    const text = page.replace(/<[^>]+>/g, '');
    for (const s of [...alignment.source.segments, ...alignment.target.segments]) expect(text).toContain(escapeHtml(s.text));
    expect(page).toContain('<mark class="gap"');
  });

  it('gives each uncovered span its confidence, as mizan coverage --json does', () => {
    const { alignment } = parseAlignmentFile(readFileSync('alignments/dawn-eremnews.json', 'utf8'));
    const report = coverageReport(alignment, loadEvidence());
    const page = formatHtml(alignment, report);
    const spans = report.partial.flatMap((p) => p.spans);
    expect(spans.length).toBeGreaterThan(0);
    for (const span of spans) expect(page).toContain(`title="no counterpart in the other version (confidence ${span.confidence.toFixed(2)})"`);
  });
});
