/**
 * One self-contained HTML page for reading an alignment: the two versions side by side (English
 * left, Arabic right with dir="rtl" lang="ar"), one row per bead coloured by its flag, boilerplate
 * greyed but shown (nothing is dropped, ever), and the coverage report drawn on the text: sentences
 * only one version has, uncovered spans and differing numbers, dates and names marked where they
 * stand. Inline CSS only: no scripts, no external resources, so the file can be mailed or archived.
 */
import type { CoverageReport } from '../core/coverage.js';
import type { Alignment, Bead, Lang } from '../core/types.js';
import { MARK_BRACKETS, reportMarks, type MarkKind, type MarkRange } from '../core/marks.js';
import { HTML_STYLE } from './html-style.js';

export interface HtmlOptions {
  title?: string;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

type Side = 'source' | 'target';

/** Text with marked ranges, which may overlap: each piece between boundaries carries every class over it. */
function marked(text: string, marks: readonly MarkRange[]): string {
  if (marks.length === 0) return escapeHtml(text);
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.start, m.end])])].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  let out = '';
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [a, b] = [cuts[k]!, cuts[k + 1]!];
    const over = marks.filter((m) => m.start <= a && m.end >= b);
    const piece = escapeHtml(text.slice(a, b));
    if (over.length === 0) out += piece;
    else out += `<mark class="${[...new Set(over.map((m) => m.kind))].join(' ')}" title="${escapeHtml(over.map((m) => m.title).join('; '))}">${piece}</mark>`;
  }
  return out;
}

/** What the marks mean, with the brackets the review draws them with on a terminal without colour. */
function legend(): string {
  const item = (kind: MarkKind, sample: string, meaning: string) =>
    `<span class="item"><mark class="${kind}">${sample}</mark> ${MARK_BRACKETS[kind][0]} ${MARK_BRACKETS[kind][1]} ${meaning}</span>`;
  return (
    '<p class="legend">Marks (as in <code>mizan review</code>): ' +
    item('gap', 'uncovered', 'words with no counterpart in the other version (mizan coverage’s uncovered spans)') +
    ' · ' +
    item('diff', 'differs', 'a number, date or name that differs between the two versions') +
    '</p>'
  );
}

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

function figures(report: CoverageReport): string {
  const row = (f: CoverageReport['source']) =>
    `<tr><th>${f.lang.toUpperCase()} (${f.side})</th><td>${f.sentences.covered}/${f.sentences.total}</td><td>${percent(f.sentences.ratio)}</td>` +
    `<td>${f.words.covered}/${f.words.total}</td><td>${percent(f.words.ratio)}</td><td>${percent(f.contentWords.ratio)}</td><td>${f.boilerplate.sentences}</td></tr>`;
  const spans = report.partial.reduce((n, p) => n + p.spans.length, 0);
  const differing = report.discrepancies.reduce((n, d) => n + d.discrepancies.length, 0);
  return [
    '<table class="figures"><tr><th></th><th colspan="2">sentences covered</th><th colspan="2">words covered</th><th>content words matched</th><th>boilerplate</th></tr>',
    row(report.source),
    row(report.target),
    '</table>',
    `<p class="summary">Overall coverage <b>${percent(report.overall)}</b> (the lower side) · <span class="key one-sided">${count(report.oneSided.length, 'one-sided sentence')}</span> · ` +
      `<mark class="gap">${count(spans, 'uncovered span')}</mark> · <mark class="diff">${count(differing, 'discrepancy', 'discrepancies')}</mark> · <span class="key boilerplate">boilerplate</span></p>`,
  ].join('\n');
}

function cell(alignment: Alignment, bead: Bead, side: Side, marks: Map<number, MarkRange[]>): string {
  const lang: Lang = alignment[side].lang;
  const attrs = lang === 'ar' ? ' dir="rtl" lang="ar"' : ' lang="en"';
  const body = bead[side]
    .map((k) => `<span class="s" title="sentence ${k + 1}, paragraph ${alignment[side].segments[k]!.paragraph + 1}">${marked(alignment[side].segments[k]!.text, marks.get(k) ?? [])}</span>`)
    .join(' ');
  return `<td${attrs}>${body}</td>`;
}

export function formatHtml(alignment: Alignment, report: CoverageReport, options: HtmlOptions = {}): string {
  const left: Side = alignment.source.lang === 'en' ? 'source' : 'target';
  const right: Side = left === 'source' ? 'target' : 'source';
  const marks = reportMarks(report);
  const title = escapeHtml(options.title ?? 'mizan alignment');
  const rows = alignment.beads.map(
    (bead, b) =>
      `<tr class="${bead.flag}"><td class="n">${b + 1}</td>${cell(alignment, bead, left, marks[left])}${cell(alignment, bead, right, marks[right])}` +
      `<td class="flag">${bead.flag}<br>${bead.score.toFixed(2)} ${bead.status}</td></tr>`,
  );
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${HTML_STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${title}</h1>`,
    figures(report),
    legend(),
    '<table class="beads">',
    `<thead><tr><th class="n">#</th><th>${alignment[left].lang.toUpperCase()}</th><th dir="rtl" lang="ar">${alignment[right].lang.toUpperCase()}</th><th class="flag">flag</th></tr></thead>`,
    '<tbody>',
    ...rows,
    '</tbody></table>',
    '</body>',
    '</html>',
  ].join('\n') + '\n';
}
