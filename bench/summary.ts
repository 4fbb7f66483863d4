/**
 * The summary tables of results.md (pure: rows in, markdown out): the headline (mizan on the test
 * parts, the tune parts beside), the ablation grid (systems × the sets issue 9 is judged on), the
 * other systems on every set, and the targets of issue 9 with their verdicts.
 */
import { line, pct, type Row, type Target } from './report.js';

const f3 = (x: number | undefined): string => (x === undefined ? 'n/a' : x.toFixed(3));
const shareOf = (row: Row | undefined): number | undefined =>
  row?.share && row.share.beads > 0 ? row.share.oneSided / row.share.beads : undefined;

/** The figures of one row, for the headline: strict, lax, one-sided F1, link F1, one-sided bead share. */
function figures(row: Row | undefined): string[] {
  if (!row) return ['', '', '', '', ''];
  if (row.failed) return [`failed`, '', '', '', ''];
  // No gold bead of clauses is one-sided: detection has nothing to find, and the bead share says how wrong it went.
  const oneSided = (x: number | undefined) => (row.family === 'clauses' ? 'n/a' : f3(x));
  if (row.form === 'presplit') return [f3(row.beads?.strict.f1), f3(row.beads?.lax.f1), oneSided(row.beads?.oneSided.f1), '', pct(row.share)];
  return ['', '', oneSided(row.links?.oneSided.f1), f3(row.links?.links.f1), pct(row.share)];
}

/** The set's name without its part: `main-presplit`. */
const kindOf = (row: Row): string => `${row.family}-${row.form}`;

function kinds(rows: readonly Row[]): string[] {
  return [...new Set(rows.filter((r) => r.part !== undefined).map(kindOf))];
}

/** mizan on every set: the test part's figures, then the tune part's. */
export function headlineTable(rows: readonly Row[], primary: string): string {
  const of = (kind: string, part: string) => rows.find((r) => kindOf(r) === kind && r.part === part && r.system === primary);
  const head = ['strict F1', 'lax F1', '1-sided F1', 'link F1', '1-sided beads'];
  return [
    line(['set', ...head.map((h) => `**test** ${h}`), ...head.map((h) => `tune ${h}`)]),
    line(Array(11).fill('---')),
    ...kinds(rows).map((kind) => line([kind, ...figures(of(kind, 'test')), ...figures(of(kind, 'tune'))])),
  ].join('\n');
}

/** One cell of the ablation grid: strict F1 / one-sided F1 (on clauses, where no gold bead is one-sided: / one-sided bead share; raw text: link F1 / one-sided F1). */
function gridCell(row: Row | undefined): string {
  if (!row) return '';
  if (row.failed) return 'failed';
  if (row.form === 'raw') return `${f3(row.links?.links.f1)} / ${f3(row.links?.oneSided.f1)}`;
  const strict = f3(row.beads?.strict.f1);
  return row.family === 'clauses' ? `${strict} / ${pct(row.share)}` : `${strict} / ${f3(row.beads?.oneSided.f1)}`;
}

/** Systems × the ablation sets (test parts, presplit). */
export function ablationTable(rows: readonly Row[], ablationSets: readonly string[]): string {
  const systems = [...new Set(rows.filter((r) => ablationSets.includes(r.set)).map((r) => r.system))];
  const of = (system: string, set: string) => rows.find((r) => r.set === set && r.system === system);
  return [
    line(['system', ...ablationSets]),
    line(Array(ablationSets.length + 1).fill('---')),
    ...systems.map((system) => line([system, ...ablationSets.map((set) => gridCell(of(system, set)))])),
  ].join('\n');
}

/**
 * Every set × mizan, dict-only and the baseline: strict / one-sided F1, or link / one-sided F1 on
 * raw text (clauses: / the share of predicted beads that are one-sided).
 */
export function systemsTable(rows: readonly Row[], systems: readonly string[]): string {
  const sets = [...new Set(rows.map((r) => r.set))];
  const cell = (row: Row | undefined): string => {
    if (!row) return '';
    if (row.failed) return 'failed';
    const oneSided = (x: number | undefined) => (row.family === 'clauses' ? pct(row.share) : f3(x));
    if (row.form === 'presplit') return `${f3(row.beads?.strict.f1)} / ${oneSided(row.beads?.oneSided.f1)}`;
    return `${f3(row.links?.links.f1)} / ${oneSided(row.links?.oneSided.f1)}`;
  };
  return [
    line(['set', ...systems]),
    line(Array(systems.length + 1).fill('---')),
    ...sets.map((set) => line([set, ...systems.map((system) => cell(rows.find((r) => r.set === set && r.system === system)))])),
  ].join('\n');
}

/** The targets of issue 9, on the test parts, for the primary system. */
export function targets(rows: readonly Row[], speed: Row | undefined, primary: string): Target[] {
  const out: Target[] = [];
  const of = (set: string) => rows.find((r) => r.set === set && r.system === primary && !r.failed);
  const atLeast = (value: number | undefined, goal: number, what: string) =>
    out.push({ what, goal: `≥ ${goal}`, value: f3(value), met: value === undefined ? undefined : value >= goal });
  const clauses = shareOf(of('clauses-presplit-test'));
  out.push({
    what: 'clauses-presplit-test one-sided beads (share of predicted beads)',
    goal: '≤ 1%',
    value: clauses === undefined ? 'n/a' : `${(100 * clauses).toFixed(1)}%`,
    met: clauses === undefined ? undefined : clauses <= 0.01,
  });
  const main = of('main-presplit-test')?.beads;
  atLeast(main?.strict.f1, 0.985, 'main-presplit-test strict F1');
  atLeast(main?.lax.f1, 0.99, 'main-presplit-test lax F1');
  atLeast(main?.oneSided.f1, 0.95, 'main-presplit-test one-sided F1');
  const iwslt = of('iwslt-presplit-test')?.beads;
  atLeast(iwslt?.strict.f1, 0.95, 'iwslt-presplit-test strict F1');
  atLeast(iwslt?.oneSided.f1, 0.9, 'iwslt-presplit-test one-sided F1');
  atLeast(of('nospace-presplit-test')?.beads?.strict.f1, 0.9, 'nospace-presplit-test strict F1');
  const half = of('halflex-presplit-test')?.beads?.strict.f1;
  const gap = half === undefined || main === undefined ? undefined : main.strict.f1 - half;
  out.push({
    what: 'halflex-presplit-test strict F1 below main-presplit-test (full lexicon)',
    goal: '≤ 0.03',
    value: gap === undefined ? 'n/a' : `${gap.toFixed(3)} (${f3(half)} vs ${f3(main?.strict.f1)})`,
    met: gap === undefined ? undefined : gap <= 0.03,
  });
  for (const set of ['main-raw-test', 'iwslt-raw-test']) atLeast(of(set)?.links?.links.f1, 0.95, `${set} link F1 (earlier issue)`);
  if (of('nostop-raw-test')) atLeast(of('nostop-raw-test')?.links?.links.f1, 0.95, 'nostop-raw-test link F1 (issue 10)');
  const under = (value: number | undefined, goal: number, what: string, unit: string, partial = false) =>
    out.push({
      what,
      goal: `< ${goal} ${unit}`,
      value: value === undefined ? 'n/a' : value.toFixed(2),
      // A run that stopped early timed less work than the target is about: no verdict.
      met: value === undefined || partial ? undefined : value < goal,
    });
  if (speed && !speed.failed) {
    const partial = speed.notes.some((n) => n.startsWith('the command failed'));
    under(speed.wallMs === undefined ? undefined : speed.wallMs / 1000, 2, `${speed.set} batch wall${partial ? ' (partial: the command failed)' : ''}`, 's', partial);
  }
  const large = of('large-presplit');
  if (large && primary !== 'gold') {
    under(large.wallMs === undefined ? undefined : large.wallMs / 1000, 4, 'large-presplit align wall', 's');
    under(large.maxRssKb === undefined ? undefined : large.maxRssKb / 1024, 300, 'large-presplit align peak RSS', 'MB');
  }
  return out;
}

/** The summary sections of results.md: the headline before the targets; the ablations and every system after them. */
export function summarySections(
  rows: readonly Row[],
  primary: string,
  ablationSets: readonly string[],
  shown: readonly string[],
): { before: string[]; after: string[] } {
  const before = [
    `## Headline: ${primary} on the test parts (tune parts beside)`,
    '',
    'The dev corpora are split by document (FLORES URL, TICO document, IWSLT talk; bench/split.ts) into a test part,',
    'reported and never tuned on, and a tune part, where parameters may be chosen. Strict/lax/one-sided F1 from',
    '`mizan eval` (presplit); link F1 and one-sided F1 from bench/links.ts (raw text).',
    '',
    headlineTable(rows, primary),
    '',
  ];
  const after = [
    '## Ablations (test parts; presplit: strict F1 / one-sided F1; raw text (nostop): link F1 / one-sided F1)',
    '',
    'dict-only is `--evidence dict`; no-X is `--evidence` with every part but X. halflex passes the halved lexicon',
    '(--lexicon) to every system; the CLI loads that file even without `dict`, so halflex has no no-dict row. On',
    'clauses no gold bead is one-sided, so its cells give strict F1 / the share of predicted beads that are',
    'one-sided (all of them wrong). Parts not implemented yet give the same figures as mizan.',
    '',
    ablationTable(rows, ablationSets),
    '',
    `## Every set: ${shown.join(', ')} (strict / one-sided F1; raw text: link / one-sided F1; clauses: / one-sided bead share)`,
    '',
    systemsTable(rows, shown),
    '',
  ];
  return { before, after };
}
