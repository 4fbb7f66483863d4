import { describe, expect, it } from 'vitest';
import { loadEvidence } from '../src/cli/evidence-file.js';
import { coverageReport } from '../src/core/coverage.js';
import { applyEdit } from '../src/core/edit.js';
import { reportMarks } from '../src/core/marks.js';
import type { Alignment } from '../src/core/types.js';
import { coverageView } from '../src/ui/marks/coverage-view.js';
import { formatHtml } from '../src/formats/html.js';
import { marksAlignment } from './support/marks-fixtures.js';

const evidence = loadEvidence();
const wordsOf = (alignment: Alignment) => {
  const report = coverageReport(alignment, evidence);
  return { source: report.source.contentWords, target: report.target.contentWords };
};

describe('the review coverage view', () => {
  it('finds the marks mizan coverage reports, bead by bead: the HTML export draws the same', () => {
    const alignment = marksAlignment();
    const view = coverageView(alignment, evidence, null);
    const fromBeads = { source: new Map(), target: new Map() } as ReturnType<typeof reportMarks>;
    alignment.beads.forEach((_, b) => {
      const { marks } = view.bead(alignment, b);
      for (const side of ['source', 'target'] as const) for (const [k, list] of marks[side]) fromBeads[side].set(k, list);
    });
    expect(fromBeads).toEqual(reportMarks(coverageReport(alignment, evidence)));
    // Of the unlinked runs of this sentence, only the clause the Arabic lacks is sure enough to be shown (partial.ts).
    expect(fromBeads.source.get(1)!.map((m) => [markedText(alignment, 'source', 1, m), m.kind])).toEqual([
      ['television channel on Friday', 'gap'],
      ['130', 'diff'],
    ]);
    expect(fromBeads.target.get(1)!.map((m) => [markedText(alignment, 'target', 1, m), m.kind])).toEqual([['129', 'diff']]);
    expect(view.markedBeads(alignment)).toEqual([1, 4]);
  });

  it('the HTML export marks every character the review marks, with the same kinds, in both languages', () => {
    const alignment = marksAlignment();
    const view = coverageView(alignment, evidence, null);
    const html = formatHtml(alignment, coverageReport(alignment, evidence));
    const fromHtml = htmlMarkKinds(html, alignment);
    let marked = 0;
    for (const side of ['source', 'target'] as const) {
      alignment[side].segments.forEach((segment, k) => {
        const kinds = Array.from({ length: segment.text.length }, () => new Set<string>());
        alignment.beads.forEach((bead, b) => {
          if (!bead[side].includes(k)) return;
          for (const m of view.bead(alignment, b).marks[side].get(k) ?? []) for (let i = m.start; i < m.end; i++) kinds[i]!.add(m.kind);
        });
        const drawn = kinds.map((set) => [...set].sort().join('+') || '-');
        marked += drawn.filter((d) => d !== '-').length;
        expect(fromHtml.get(`${side}:${k}`), `${side} sentence ${k + 1}`).toEqual(drawn);
      });
    }
    expect(marked).toBeGreaterThan(50);
  });

  it('remembers a bead by its object, makes a new context only for new segments, and moves the word totals by the beads an edit replaced', () => {
    let alignment = marksAlignment();
    const view = coverageView(alignment, evidence, null);
    const first = view.bead(alignment, 1);
    expect(view.bead(alignment, 1)).toBe(first);
    const totals = view.totals(alignment);
    const expected = wordsOf(alignment);
    expect(totals.source).toEqual({ matched: expected.source.covered, total: expected.source.total });
    for (const edit of [{ kind: 'merge-next', at: 0 }, { kind: 'unlink', at: 2 }, { kind: 'move-down', at: 0, side: 'target' }] as const) {
      const result = applyEdit(alignment.beads, edit);
      if (!result.ok) throw new Error(result.reason);
      alignment = { ...alignment, beads: result.beads };
      expect(coverageView(alignment, evidence, view)).toBe(view);
      const now = wordsOf(alignment);
      expect(view.totals(alignment)).toEqual({
        source: { matched: now.source.covered, total: now.source.total },
        target: { matched: now.target.covered, total: now.target.total },
      });
    }
    const resegmented = { ...alignment, source: { ...alignment.source, segments: [...alignment.source.segments] } };
    expect(coverageView(resegmented, evidence, view)).not.toBe(view);
  });
});

function markedText(alignment: Alignment, side: 'source' | 'target', k: number, m: { start: number; end: number }) {
  return alignment[side].segments[k]!.text.slice(m.start, m.end);
}

const unescape = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Per sentence ("side:index"), the mark kinds the HTML puts over each character of its text ('-' for none). */
function htmlMarkKinds(html: string, alignment: Alignment): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [, lang, cell] of html.matchAll(/<td(?: dir="rtl")? lang="(en|ar)">(.*?)<\/td>/g)) {
    const side = alignment.source.lang === lang ? 'source' : 'target';
    for (const [, n, body] of cell!.matchAll(/<span class="s" title="sentence (\d+),[^"]*">(.*?)<\/span>/g)) {
      const kinds: string[] = [];
      for (const [, cls, inside, plain] of body!.matchAll(/<mark class="([^"]*)" title="[^"]*">(.*?)<\/mark>|([^<]+)/g)) {
        const text = unescape(inside ?? plain ?? '');
        const kind = cls ? cls.split(' ').sort().join('+') : '-';
        for (let i = 0; i < text.length; i++) kinds.push(kind);
      }
      out.set(`${side}:${Number(n) - 1}`, kinds);
    }
  }
  return out;
}
