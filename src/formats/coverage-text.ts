/**
 * The coverage report as a person reads it: a table of figures per side, then per paragraph, then
 * each one-sided sentence, each uncovered span and each discrepancy with where it is. Positions are
 * 1-based. Arabic texts pass through `arabic` (the CLI reorders them for a terminal; identity in a pipe).
 */
import type { Count, CoverageReport, Figures, Mention } from '../core/coverage.js';
import { dimSymbols, inert } from '../core/text/inert.js';

export interface CoverageTextOptions {
  arabic?: (text: string) => string;
  /** Dim the symbols that stand for control characters of the texts (a colour terminal). */
  dim?: boolean;
}

const pct = (c: Count) => `${(c.ratio * 100).toFixed(1)}%`;
const cell = (c: Count) => `${`${c.covered}/${c.total}`.padStart(9)} ${pct(c).padStart(6)}`;
const tag = (s: { lang: string }) => s.lang.toUpperCase();

function sideRow(label: string, f: Figures & { contentWords?: Count }): string {
  const content = f.contentWords ? `   ${cell(f.contentWords)}` : '';
  return `${label.padEnd(14)}${cell(f.sentences)}   ${cell(f.words)}${content}   ${String(f.boilerplate.sentences).padStart(4)} sentences`;
}

export function formatCoverageText(report: CoverageReport, options: CoverageTextOptions = {}): string {
  const ar = options.arabic ?? ((t: string) => t);
  // Quoted text is made inert (core/text/inert.ts) in logical order, before Arabic is reordered.
  const show = (lang: string, text: string) => (lang === 'ar' ? ar(inert(text)) : inert(text));
  const lines: string[] = [];
  lines.push(`${''.padEnd(14)}${'sentences'.padStart(16)}   ${'words'.padStart(16)}   ${'matched words'.padStart(16)}   boilerplate`);
  for (const side of [report.source, report.target]) lines.push(sideRow(`${tag(side)} (${side.side})`, side));
  lines.push(`overall: ${(report.overall * 100).toFixed(1)}% (the lower of the two sides' sentence coverage)`);
  lines.push('', 'by paragraph:');
  for (const side of [report.source, report.target]) {
    for (const p of side.paragraphs) {
      if (p.sentences.total === 0) continue;
      lines.push(sideRow(`  ${tag(side)} ¶${p.paragraph}`, p));
    }
  }
  lines.push('', `only in one version (${report.oneSided.length}):`);
  for (const s of report.oneSided) lines.push(`  ${tag(s)} ¶${s.paragraph} s${s.sentence}  ${show(s.lang, s.text)}`);
  const spans = report.partial.reduce((n, p) => n + p.spans.length, 0);
  lines.push('', `uncovered inside aligned beads (${spans} spans in ${report.partial.length} sentences):`);
  for (const p of report.partial) {
    lines.push(`  ${tag(p)} ¶${p.paragraph} s${p.sentence} (bead ${p.bead + 1}): ${p.spans.map((s) => `«${show(p.lang, s.text)}» [${s.start}, ${s.end}), confidence ${s.confidence.toFixed(2)}`).join(' · ')}`);
  }
  const mentions = (lang: string, ms: Mention[]) => (ms.length === 0 ? '—' : ms.map((m) => show(lang, m.text)).join(', '));
  lines.push('', `discrepancies (${report.discrepancies.reduce((n, d) => n + d.discrepancies.length, 0)}):`);
  for (const d of report.discrepancies) {
    const where = `EN ${d.english.map((p) => `s${p.sentence}`).join('+')} / AR ${d.arabic.map((p) => `s${p.sentence}`).join('+')}`;
    for (const x of d.discrepancies) lines.push(`  bead ${d.bead + 1} (${where}) ${x.kind}: EN ${mentions('en', x.english)} · AR ${mentions('ar', x.arabic)}`);
  }
  const text = lines.join('\n') + '\n';
  return options.dim ? dimSymbols(text) : text;
}
