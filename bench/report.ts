/** Result records of a benchmark run and their markdown rendering (pure: no I/O). */
import type { Prf } from '../src/eval/score.js';
import type { BeadScores } from './eval-json.js';
import type { LinkScores } from './links.js';
import type { Part } from './split.js';

/** Predicted beads with one side empty, of all predicted beads (counted from the test files). */
export interface BeadShare {
  oneSided: number;
  beads: number;
}

export interface Row {
  set: string;
  /** The set without form and part: main, iwslt, clauses, nospace, halflex, large. */
  family: string;
  form: 'presplit' | 'raw';
  part?: Part;
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
  share?: BeadShare;
  commands: string[];
}

export interface SetInfo {
  name: string;
  family: string;
  form: 'presplit' | 'raw';
  part?: Part;
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

export const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

/** A one-sided bead share as a percentage with one decimal. */
export const pct = (share: BeadShare | undefined): string =>
  share === undefined || share.beads === 0 ? 'n/a' : `${((100 * share.oneSided) / share.beads).toFixed(1)}%`;

export function setTable(info: SetInfo, rows: readonly Row[]): string {
  const out = [`### ${info.name} (${info.docs} docs, ${info.en} en / ${info.ar} ar lines)`, '', info.description, ''];
  if (info.form === 'presplit') {
    out.push(
      line(['system', 'strict P', 'strict R', 'strict F1', 'lax P', 'lax R', 'lax F1', '1-sided P', '1-sided R', '1-sided F1', '1-sided beads', 'wall s', 'peak RSS MB', 'seg/s']),
      line(Array(14).fill('---')),
    );
    for (const row of rows) {
      const cells = row.failed
        ? [row.system, `failed: ${row.failed}`, ...Array(9).fill(''), ...timeCells(row)]
        : [row.system, ...prfCells(row.beads?.strict), ...prfCells(row.beads?.lax), ...prfCells(row.beads?.oneSided), pct(row.share), ...timeCells(row)];
      out.push(line(cells));
    }
  } else {
    out.push(
      line(['system', 'link P', 'link R', 'link F1', '1-sided P', '1-sided R', '1-sided F1', '1-sided beads', 'unlocated', 'wall s', 'peak RSS MB', 'seg/s']),
      line(Array(12).fill('---')),
    );
    for (const row of rows) {
      const l = row.links;
      const cells = row.failed
        ? [row.system, `failed: ${row.failed}`, ...Array(7).fill(''), ...timeCells(row)]
        : [row.system, ...prfCells(l?.links), ...prfCells(l?.oneSided), pct(row.share), String(l?.counts.unlocated ?? 'n/a'), ...timeCells(row)];
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
  /** Summary sections (bench/summary.ts), placed before the targets: headline first. */
  before: readonly string[];
  /** Summary sections placed after the targets (ablations, every system on every set). */
  after: readonly string[];
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
    'seg/s counts gold lines of both sides per second of wall time (process start to exit). "1-sided beads" is the',
    'share of predicted beads with one side empty. Every figure\'s commands are under its set in "Sets" below.',
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
  return [...header, ...r.before, '## Targets (issues 9 and 10; test parts)', '', targetTable(r.goals), '', ...r.after, '## Sets', '', ...sections, ...speedSection].join('\n');
}
