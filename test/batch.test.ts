/**
 * `mizan batch MANIFEST` on worker threads: the built CLI is spawned (`npm test` builds dist first),
 * because the worker is dist/src/cli/batch-worker.js; from the TS sources there is none to start.
 * The pool must write what the main thread alone writes, byte for byte, and fail pair by pair.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { MAIN, ROOT, runMizan } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mizan-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const mizan = (args: string[], env: Record<string, string>) => runMizan(args, { cwd: dir, env });

// Sentence pairs to draw documents from; each document takes a different slice, so the pairs differ.
const EN = [
  'Putin met Hollande in Moscow on Thursday.',
  'The two leaders discussed the war in Syria.',
  'France bombed Raqqa after the attacks in Paris.',
  'Russia said its planes struck targets near Aleppo.',
  'The president spoke to reporters on Friday.',
  'Oil prices fell by 3 percent in London.',
  'The minister visited Cairo for two days.',
];
const AR = [
  'التقى بوتين أولوند في موسكو يوم الخميس.',
  'وناقش الزعيمان الحرب في سوريا.',
  'وقصفت فرنسا الرقة بعد هجمات باريس.',
  'وقالت روسيا إن طائراتها ضربت أهدافا قرب حلب.',
  'وتحدث الرئيس إلى الصحفيين يوم الجمعة.',
  'وانخفضت أسعار النفط بنسبة 3 في المئة في لندن.',
  'وزار الوزير القاهرة لمدة يومين.',
];
const IDS = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
for (const [k, id] of IDS.entries()) {
  const pick = (lines: string[]) => [...lines.slice(k), ...lines.slice(0, k)].slice(0, 3 + (k % 4));
  writeFileSync(join(dir, `${id}.en.txt`), pick(EN).join('\n') + '\n');
  // An extra Arabic sentence in some pairs gives them a one-sided bead too.
  writeFileSync(join(dir, `${id}.ar.txt`), [...pick(AR), ...(k % 2 === 1 ? ['وأضاف أن المحادثات ستستمر.'] : [])].join('\n') + '\n');
}
const manifest = join(dir, 'manifest.tsv');
writeFileSync(manifest, IDS.map((id) => `${id}\t${id}.en.txt\t${id}.ar.txt`).join('\n') + '\n');

/** The outputs, without the run's record (.mizan-batch.json, which names input hashes and settings). */
const results = (outdir: string) => readdirSync(outdir).filter((name) => !name.startsWith('.')).sort();

function outputs(outdir: string): Record<string, string> {
  return Object.fromEntries(results(outdir).map((name) => [name, readFileSync(join(outdir, name), 'utf8')]));
}

describe.concurrent('mizan batch on worker threads', () => {
  it('finds the built CLI', ({ expect }) => {
    expect(existsSync(MAIN), `${MAIN} is missing: run npx tsc -p . first`).toBe(true);
    expect(existsSync(join(ROOT, 'dist/src/cli/batch-worker.js'))).toBe(true);
  });

  it('writes the same ladders with 2 workers as in the main thread alone', async ({ expect }) => {
    const runs = await Promise.all(
      ['2', '1'].map(async (workers) => {
        const outdir = join(dir, `out-${workers}`);
        for (const presplit of [[], ['--presplit']]) {
          const r = await mizan(['batch', manifest, '--outdir', join(outdir, presplit.length ? 'presplit' : 'split'), '--format', 'ladder', ...presplit], {
            MIZAN_WORKERS: workers,
            MIZAN_DEBUG: '1',
          });
          expect(r.code, r.stderr).toBe(0);
          // MIZAN_DEBUG names the threads, so a pool that silently fell back to one thread is caught.
          if (workers === '2') expect(r.stderr).toContain('mizan: aligning 6 pairs on 2 worker threads\n');
          else expect(r.stderr).not.toContain('worker');
          expect(r.stderr).not.toContain('unavailable');
          expect(r.stderr).toMatch(/^mizan: aligned 6 of 6 pairs \(\d+ sentences\) in \d+\.\d\d s$/m);
        }
        return { split: outputs(join(outdir, 'split')), presplit: outputs(join(outdir, 'presplit')) };
      }),
    );
    const [pool, single] = runs as [(typeof runs)[0], (typeof runs)[0]];
    expect(Object.keys(pool.split)).toEqual(IDS.map((id) => `${id}.ladder`));
    expect(Object.keys(pool.presplit)).toEqual(IDS.map((id) => `${id}.ladder`));
    expect(pool).toEqual(single);
    // Every pair has at least one aligned bead: the workers had the lexicon and the aligner.
    for (const text of Object.values(pool.presplit)) expect(text).toMatch(/^\[\d+\]:\[\d+\]:/m);
    expect(pool.presplit['p2.ladder']).toMatch(/^\[\]:\[\d+\]:/m);
  }, 30_000); // four runs one after another; with the whole suite running on 2 cores 5 s is not enough

  it('the summary counts the same sentences whichever way the pairs run', async ({ expect }) => {
    const summaries = await Promise.all(
      ['2', '1'].map(async (workers) => {
        const r = await mizan(['batch', manifest, '--outdir', join(dir, `count-${workers}`), '--format', 'jsonl'], { MIZAN_WORKERS: workers });
        expect(r.code).toBe(0);
        return r.stderr.replace(/in \d+\.\d\d s/, 'in T s');
      }),
    );
    expect(summaries[0]).toMatch(/^mizan: aligned 6 of 6 pairs \(\d+ sentences\) in T s\nmizan: beads: \d+ aligned, \d+ source-only, \d+ target-only, \d+ boilerplate\n$/);
    expect(summaries[0]).toBe(summaries[1]);
  });

  it('reports a pair whose file is missing and writes the others', async ({ expect }) => {
    const broken = join(dir, 'broken.tsv');
    const lines = IDS.map((id) => `${id}\t${id}.en.txt\t${id}.ar.txt`);
    lines.splice(2, 0, `gone\tnone.en.txt\tp1.ar.txt`);
    writeFileSync(broken, lines.join('\n') + '\n');
    for (const workers of ['2', '1']) {
      const outdir = join(dir, `broken-${workers}`);
      const r = await mizan(['batch', broken, '--outdir', outdir, '--format', 'ladder'], { MIZAN_WORKERS: workers });
      expect(r.code).toBe(1);
      expect(r.stderr).not.toContain('    at ');
      const stderr = r.stderr.trimEnd().split('\n');
      expect(stderr).toHaveLength(3);
      expect(stderr[0]).toMatch(/^mizan: aligned 6 of 7 pairs \(\d+ sentences\) in \d+\.\d\d s$/);
      expect(stderr[1]).toMatch(/^mizan: beads: /);
      expect(stderr[2]).toBe(`mizan: failed gone: ${join(dir, 'none.en.txt')}: no such file`);
      expect(results(outdir)).toEqual(IDS.map((id) => `${id}.ladder`));
    }
  });

  it('lists failures in manifest order, whichever worker finished first', async ({ expect }) => {
    const failing = join(dir, 'failing.tsv');
    // Same-language pairs fail after reading; missing files fail at once.
    const lines = ['a\tp1.en.txt\tp2.en.txt', 'b\tnope.en.txt\tp1.ar.txt', ...IDS.map((id) => `${id}\t${id}.en.txt\t${id}.ar.txt`), 'c\tp3.ar.txt\tp4.ar.txt'];
    writeFileSync(failing, lines.join('\n') + '\n');
    const r = await mizan(['batch', failing, '--outdir', join(dir, 'failing-out'), '--format', 'ladder'], { MIZAN_WORKERS: '3' });
    expect(r.code).toBe(1);
    const stderr = r.stderr.trimEnd().split('\n');
    expect(stderr).toHaveLength(5);
    expect(stderr[0]).toMatch(/^mizan: aligned 6 of 9 pairs /);
    expect(stderr.slice(2).map((line) => line.replace(/^mizan: failed (\w+): .*/, '$1'))).toEqual(['a', 'b', 'c']);
    expect(stderr[2]).toMatch(/both English/);
    expect(stderr[4]).toMatch(/both Arabic/);
  });

  it('reports an output folder it cannot make once, not once per pair', async ({ expect }) => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder\n');
    const r = await mizan(['batch', manifest, '--outdir', join(blocker, 'out'), '--format', 'ladder'], { MIZAN_WORKERS: '2' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^mizan: cannot create folder [^\n]*a-file\/out: [^\n]*\n$/);
  });

  it('refuses a MIZAN_WORKERS that is not a positive whole number, in one line', async ({ expect }) => {
    for (const value of ['0', 'two', '-1', '1.5']) {
      const r = await mizan(['batch', manifest, '--outdir', join(dir, 'never')], { MIZAN_WORKERS: value });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`mizan: MIZAN_WORKERS must be a whole number of at least 1, not "${value}"\n`);
    }
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });
});
