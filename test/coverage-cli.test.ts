/** `mizan coverage` spawned as a user runs it (`npm test` builds dist first). */
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { ROOT, runMizan } from './support/cli.js';

const mizan = (args: string[]) => runMizan(args);

const SEED = join(ROOT, 'alignments/dawn-eremnews.json');

// Each run loads the lexicon; on a loaded two-core machine the default 5 s is too tight.
describe.concurrent('mizan coverage', { timeout: 30_000 }, () => {
  it('--json gives the figures, the one-sided sentences, spans and discrepancies', async ({ expect }) => {
    const r = await mizan(['coverage', SEED, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown> & { source: { sentences: { ratio: number } }; oneSided: Array<{ lang: string; paragraph: number; sentence: number; index: number; text: string }> };
    expect(Object.keys(report)).toEqual(['source', 'target', 'overall', 'oneSided', 'partial', 'discrepancies', 'minCoverage', 'pass']);
    expect(report.source.sentences.ratio).toBe(1);
    expect(report.oneSided.length).toBeGreaterThan(0);
    for (const s of report.oneSided) {
      expect(s.lang).toBe('ar');
      expect(s.sentence).toBe(s.index + 1);
    }
    expect(report.pass).toBe(true);
  });

  it('--min-confidence: every span carries a confidence, and a lower bar lists more of them', async ({ expect }) => {
    type Report = { partial: Array<{ spans: Array<{ confidence: number }> }> };
    const [all, some, none] = await Promise.all(['0', '0.3', '1'].map((c) => mizan(['coverage', SEED, '--json', '--min-confidence', c])));
    const spans = (r: { stdout: string }) => (JSON.parse(r.stdout) as Report).partial.flatMap((p) => p.spans);
    expect(spans(all!).length).toBeGreaterThan(spans(some!).length);
    expect(spans(some!).length).toBeGreaterThan(0);
    expect(spans(some!).every((s) => s.confidence >= 0.3 && s.confidence <= 1)).toBe(true);
    expect(spans(none!).every((s) => s.confidence === 1)).toBe(true);
    const bad = await mizan(['coverage', SEED, '--min-confidence', 'high']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('mizan: --min-confidence wants a ratio from 0 to 1, not "high" (see --help)\n');
  });

  it('prints a table in a pipe without --json', async ({ expect }) => {
    const r = await mizan(['coverage', SEED]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^EN \(source\) +19\/19 100\.0%/m);
    expect(r.stdout).toContain('only in one version (2):');
    expect(r.stdout).toContain('بقوات خاصة');
  });

  it('--min-coverage: 0 below the overall figure, 1 above it', async ({ expect }) => {
    const [pass, fail] = await Promise.all([mizan(['coverage', SEED, '--min-coverage', '0.9']), mizan(['coverage', SEED, '--min-coverage', '0.95'])]);
    expect(pass.code).toBe(0);
    expect(fail.code).toBe(1);
    expect(fail.stderr).toBe('mizan: coverage 90.0% is below --min-coverage 0.95\n');
    const json = await mizan(['coverage', SEED, '--json', '--min-coverage', '1']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ minCoverage: 1, pass: false });
  });

  it('a bad ratio or a missing file is one line and a non-zero exit', async ({ expect }) => {
    const runs = await Promise.all(['1.5', '-0.1', 'most', ''].map((bad) => mizan(['coverage', SEED, `--min-coverage=${bad}`])));
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^mizan: --min-coverage wants a ratio from 0 to 1[^\n]*\n$/);
      expect(r.stdout).toBe('');
    }
    const [missing, none] = await Promise.all([mizan(['coverage', 'nowhere.json']), mizan(['coverage'])]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('mizan: nowhere.json: no such file\n');
    expect(none.code).toBe(2);
  });

  it('--help', async ({ expect }) => {
    const r = await mizan(['coverage', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--min-coverage RATIO');
  });
});
