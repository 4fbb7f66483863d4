import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { EVAL_HELP, evalCommand } from '../src/cli/eval.js';
import { CliError, UsageError } from '../src/cli/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'mizan-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function collector(): { out: Writable; text: () => string } {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { out, text: () => chunks.join('') };
}

async function run(argv: string[]): Promise<{ code: number; text: string }> {
  const { out, text } = collector();
  const code = await evalCommand(argv, out);
  return { code, text: text() };
}

// The two documents of test/eval-score.test.ts, whose pooled figures are worked out there.
const gold1 = file('gold1.ladder', '[0]:[0]\n[1]:[1]\n[]:[2]\n[2]:[3]\n[3]:[]\n');
const test1 = file('test1.ladder', '[0]:[0]:0.9\n[1]:[1, 2]:0.5\n[2]:[3]:0.7\n[3]:[]:0.0\n');
const gold2 = file('gold2.ladder', '[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[2]\n[4]:[3]\n[5]:[4]\n');
// Document 2's test as JSONL bead records (only the index fields matter for scoring).
const test2 = file(
  'test2.jsonl',
  [
    [[0], [0]],
    [[1, 2], [1]],
    [[3], [3]],
    [[4], [2]],
    [[5], []],
    [[], [4]],
  ]
    .map(([s, t]) => JSON.stringify({ source: [], target: [], flag: 'aligned', score: 0.5, sourceIndex: s, targetIndex: t }))
    .join('\n'),
);
// Document 1's gold again, as a saved (pretty-printed) mizan alignment.
const saved = file(
  'gold1.json',
  JSON.stringify(
    {
      format: 'mizan-alignment',
      version: 1,
      beads: [
        { source: [0], target: [0], flag: 'aligned', score: 1, status: 'confirmed' },
        { source: [1], target: [1], flag: 'aligned', score: 1, status: 'confirmed' },
        { source: [], target: [2], flag: 'target-only', score: 0, status: 'confirmed' },
        { source: [2], target: [3], flag: 'aligned', score: 1, status: 'confirmed' },
        { source: [3], target: [], flag: 'source-only', score: 0, status: 'confirmed' },
      ],
    },
    null,
    2,
  ),
);

describe('mizan eval', () => {
  it('pools ladder and jsonl files and prints a table', async () => {
    const { code, text } = await run(['--gold', gold1, gold2, '--test', test1, test2]);
    expect(code).toBe(0);
    expect(text).toMatch(/strict\s+0\.4000\s+0\.3750\s+0\.3871/);
    expect(text).toMatch(/lax\s+0\.6000\s+0\.6250\s+0\.6122/);
    expect(text).toMatch(/one-sided\s+0\.3333\s+0\.3333\s+0\.3333/);
    expect(text).toContain('documents 2, gold beads 11, test beads 10');
  });

  it('takes repeated flags too, and prints JSON with --json', async () => {
    const { code, text } = await run(['-g', gold1, '-g', gold2, '-t', test1, '-t', test2, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(text);
    expect(result.strict.precision).toBeCloseTo(0.4, 12);
    expect(result.lax.f1).toBeCloseTo(30 / 49, 12);
    expect(result).toMatchObject({ documents: 2, goldBeads: 11, testBeads: 10 });
    expect(result.counts.precision).toEqual({ strictTp: 4, strictFp: 6, laxTp: 6, laxFp: 4 });
  });

  it('reads a saved alignment JSON', async () => {
    const { text } = await run(['--gold', saved, '--test', gold1, '--json']);
    const result = JSON.parse(text);
    expect(result.strict).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(result.oneSided).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('prints help', async () => {
    const { code, text } = await run(['--help']);
    expect(code).toBe(0);
    expect(text).toBe(EVAL_HELP);
    expect(text).toMatch(/^Usage: mizan eval --gold FILE\.\.\. --test FILE\.\.\./);
  });

  it('rejects bad usage with UsageError', async () => {
    await expect(run(['--gold', gold1, gold2, '--test', test1])).rejects.toThrow(UsageError);
    await expect(run(['--gold', gold1])).rejects.toThrow(/needs --gold FILE\.\.\. and --test/);
    await expect(run([gold1, '--gold', gold1, '--test', test1])).rejects.toThrow(UsageError);
    await expect(run(['--gold', gold1, '--test', test1, '--bogus'])).rejects.toThrow(UsageError);
  });

  it('names the file that is missing', async () => {
    const missing = join(dir, 'nope.ladder');
    const error = await run(['--gold', missing, '--test', test1]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe(`cannot read ${missing}: no such file`);
  });

  it('names the file and line of a parse error', async () => {
    const bad = file('bad.ladder', '[0]:[0]\n\n[1]:oops\n');
    await expect(run(['--gold', gold1, '--test', bad])).rejects.toThrow(
      new RegExp(`^${bad.replace(/[.\\]/g, '\\$&')}: line 3: .*\\[1\\]:oops`),
    );
    const badJsonl = file('bad.jsonl', '{"sourceIndex": [0], "targetIndex": [0]}\n{"source": ["a"]}\n');
    const error = await run(['--gold', badJsonl, '--test', test1]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toMatch(/bad\.jsonl: line 2: .*sourceIndex/);
    expect((error as Error).message).not.toContain('\n');
    const badSaved = file('bad.json', '{\n  "beads": [{"source": "0"}]\n}\n');
    await expect(run(['--gold', badSaved, '--test', test1])).rejects.toThrow(/bad\.json: "beads" must be/);
  });
});
