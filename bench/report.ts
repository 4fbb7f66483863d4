/** Result records of a benchmark run and their markdown rendering (pure: no I/O). */
import type { Prf } from '../src/eval/score.js';
import type { BeadScores } from './eval-json.js';
import type { LinkScores } from './links.js';

export interface Row {
  set: string;
  form: 'presplit' | 'raw';
  system: string;
  /** Why there are no figures (the CLI is missing, a command failed...). */
  failed?: string;
  notes: string[];
  wallMs?: number;
  maxRssKb?: number;
  /** Gold lines on both sides, for segments per second. */
  segments: number;
  beads?: BeadScores;
  /** Which scorer the figures come from: `mizan eval` (presplit) or bench/links.ts (raw text). */
  scorer?: string;
  links?: LinkScores;
  commands: string[];
}

export interface SetInfo {
  name: string;
  form: 'presplit' | 'raw';
  docs: number;
  en: number;
  ar: number;
  description: string;
}

export interface Target {
  what: string;
  goal: string;
  value: string;
  met: boolean | undefined;
}

const num = (x: number | undefined, digits = 3): string => (x === undefined ? 'n/a' : x.toFixed(digits));
const prfCells = (p: Prf | undefined): string[] => [num(p?.precision), num(p?.recall), num(p?.f1)];

export function timeCells(row: Row): string[] {
  const wall = row.wallMs === undefined ? 'n/a' : (row.wallMs / 1000).toFixed(2);
  const rss = row.maxRssKb === undefined ? 'n/a' : (row.maxRssKb / 1024).toFixed(0);
  const rate = row.wallMs === undefined || row.wallMs === 0 ? 'n/a' : Math.round(row.segments / (row.wallMs / 1000)).toString();
  return [wall, rss, rate];
}

const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

export function setTable(info: SetInfo, rows: readonly Row[]): string {
  const out = [`### ${info.name} (${info.docs} docs, ${info.en} en / ${info.ar} ar lines)`, '', info.description, ''];
  if (info.form === 'presplit') {
    out.push(
      line(['system', 'strict P', 'strict R', 'strict F1', 'lax P', 'lax R', 'lax F1', '1-sided P', '1-sided R', '1-sided F1', 'wall s', 'peak RSS MB', 'seg/s']),
      line(Array(13).fill('---')),
    );
    for (const row of rows) {
      const cells = row.failed
        ? [row.system, `failed: ${row.failed}`, ...Array(8).fill(''), ...timeCells(row)]
        : [row.system, ...prfCells(row.beads?.strict), ...prfCells(row.beads?.lax), ...prfCells(row.beads?.oneSided), ...timeCells(row)];
      out.push(line(cells));
    }
  } else {
    out.push(
      line(['system', 'link P', 'link R', 'link F1', '1-sided P', '1-sided R', '1-sided F1', 'unlocated', 'wall s', 'peak RSS MB', 'seg/s']),
      line(Array(11).fill('---')),
    );
    for (const row of rows) {
      const l = row.links;
      const cells = row.failed
        ? [row.system, `failed: ${row.failed}`, ...Array(6).fill(''), ...timeCells(row)]
        : [row.system, ...prfCells(l?.links), ...prfCells(l?.oneSided), String(l?.counts.unlocated ?? 'n/a'), ...timeCells(row)];
      out.push(line(cells));
    }
  }
  const notes = rows.flatMap((row) => row.notes.map((n) => `- ${row.system}: ${n}`));
  if (notes.length > 0) out.push('', ...notes);
  out.push('', 'Commands:', '', ...rows.flatMap((row) => row.commands.map((c) => `    ${c}`)), '');
  return out.join('\n');
}

export function targetTable(targets: readonly Target[]): string {
  const mark = (met: boolean | undefined) => (met === undefined ? 'n/a' : met ? 'yes' : 'NO');
  return [
    line(['target', 'goal', 'measured', 'met']),
    line(['---', '---', '---', '---']),
    ...targets.map((t) => line([t.what, t.goal, t.value, mark(t.met)])),
  ].join('\n');
}

export function targets(rows: readonly Row[], speed: Row | undefined, primary: string): Target[] {
  const out: Target[] = [];
  const of = (set: string) => rows.find((r) => r.set === set && r.system === primary);
  const f1 = (value: number | undefined, goal: number, what: string) =>
    out.push({ what, goal: `≥ ${goal}`, value: value === undefined ? 'n/a' : value.toFixed(3), met: value === undefined ? undefined : value >= goal });
  for (const row of rows.filter((r) => r.system === primary)) {
    if (row.form === 'presplit') {
      f1(row.beads?.strict.f1, 0.95, `${row.set} strict F1`);
      f1(row.beads?.lax.f1, 0.98, `${row.set} lax F1`);
      f1(row.beads?.oneSided.f1, 0.9, `${row.set} one-sided F1`);
    } else f1(row.links?.links.f1, 0.95, `${row.set} link F1`);
  }
  const under = (ms: number | undefined, goal: number, what: string, unit = 's', scale = 1000, partial = false) =>
    out.push({
      what,
      goal: `< ${goal} ${unit}`,
      value: ms === undefined ? 'n/a' : (ms / scale).toFixed(2),
      // A run that stopped early timed less work than the target is about: no verdict.
      met: ms === undefined || partial ? undefined : ms / scale < goal,
    });
  if (speed && !speed.failed) {
    const partial = speed.notes.some((n) => n.startsWith('the command failed'));
    under(speed.wallMs, 2, `${speed.set} batch wall${partial ? ' (partial: the command failed)' : ''}`, 's', 1000, partial);
  }
  const large = of('large-presplit');
  if (large && primary !== 'gold') {
    under(large.wallMs, 4, 'large-presplit align wall');
    under(large.maxRssKb, 300, 'large-presplit align peak RSS', 'MB', 1024);
  }
  return out;
}

export interface ResultsInput {
  command: string;
  environment: string;
  commandsFile: string;
  seed: number;
  outDir: string;
  /** The generator's description of the sets. */
  summary: string;
  specs: readonly SetInfo[];
  rows: readonly Row[];
  speed: Row | undefined;
  goals: readonly Target[];
}

/** The whole results.md. */
export function renderResults(r: ResultsInput): string {
  const header = [
    '# mizan benchmark',
    '',
    `Run ${new Date().toISOString()} on ${r.environment}.`,
    `Command: \`${r.command}\` (= \`npm run bench\` after \`npm run build\`);`,
    `every command it ran, exactly, is in ${r.commandsFile}.`,
    `Seed ${r.seed}; sets in ${r.outDir}:`,
    '',
    '```',
    r.summary,
    '```',
    '',
    'Gold beads shapes are en-ar counts (1-0 = English only). Presplit figures: vecalign/Bleualign strict and lax P/R/F1',
    '(precision keeps one-sided beads, recall drops them, pooled over documents) and one-sided segment detection.',
    'Raw-text figures: links between gold sentences inside beads; a predicted segment stands for every gold sentence',
    'it overlaps by more than half of its own or of the gold sentence\'s characters (whitespace ignored); see bench/links.ts.',
    'seg/s counts gold lines of both sides per second of wall time (process start to exit).',
    '',
  ];
  const sections = r.specs.map((spec) => setTable(spec, r.rows.filter((row) => row.set === spec.name)));
  const speed = r.speed;
  const speedSection = speed
    ? [
        '### speed',
        '',
        '| run | wall s | peak RSS MB | seg/s |',
        '| --- | --- | --- | --- |',
        `| ${speed.set}${speed.failed ? ` (failed: ${speed.failed})` : ''} | ${timeCells(speed).join(' | ')} |`,
        ...r.rows
          .filter((row) => row.system === 'mizan' && !row.failed)
          .map((row) => `| ${row.set} | ${timeCells(row).join(' | ')} |`),
        '',
        ...speed.notes.map((n) => `- ${n}`),
        '',
        `    ${speed.commands[0] ?? ''}`,
        '',
      ]
    : [];
  return [...header, '## Targets', '', targetTable(r.goals), '', '## Sets', '', ...sections, ...speedSection].join('\n');
}
