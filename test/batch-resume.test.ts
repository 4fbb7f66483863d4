/**
 * `mizan batch` at scale, through the built CLI: a stopped run resumes (complete, current outputs
 * are skipped; --force redoes them), a progress bar only on a terminal, the figures at the end,
 * and the --stdin stream mode end to end (good records, bad JSON, a failing pair, order kept).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { RECORD_NAME, type PairRecord } from '../src/cli/batch-record.js';
import { MAIN, runMizan } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mizan-resume-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const mizan = (args: string[], stdin = '', env: Record<string, string> = {}) => runMizan(args, { cwd: dir, stdin, env });

const EN = ['Putin met Hollande in Moscow on Thursday.', 'The two leaders discussed the war in Syria.', 'France bombed Raqqa after the attacks in Paris.', 'Oil prices fell by 3 percent in London.'];
const AR = ['التقى بوتين أولوند في موسكو يوم الخميس.', 'وناقش الزعيمان الحرب في سوريا.', 'وقصفت فرنسا الرقة بعد هجمات باريس.', 'وانخفضت أسعار النفط بنسبة 3 في المئة في لندن.'];
const IDS = ['d1', 'd2', 'd3', 'd4'];
for (const [k, id] of IDS.entries()) {
  writeFileSync(join(dir, `${id}.en.txt`), EN.slice(0, k + 1).join('\n') + '\n');
  writeFileSync(join(dir, `${id}.ar.txt`), AR.slice(0, k + 1).join('\n') + '\n');
}
const manifest = join(dir, 'manifest.tsv');
writeFileSync(manifest, IDS.map((id) => `${id}\t${id}.en.txt\t${id}.ar.txt`).join('\n') + '\n');

describe.concurrent('mizan batch resumes', () => {
  for (const format of ['jsonl', 'json', 'ladder']) {
    it(`skips complete outputs, redoes stale or broken ones, --force redoes all (${format})`, async ({ expect }) => {
      const outdir = join(dir, `out-${format}`);
      const run = (...extra: string[]) => mizan(['batch', manifest, '--outdir', outdir, '--format', format, ...extra], '', { MIZAN_WORKERS: '2' });
      const first = await run();
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toMatch(/^mizan: aligned 4 of 4 pairs \(20 sentences\) in \d+\.\d\d s\nmizan: beads: 10 aligned, 0 source-only, 0 target-only, 0 boilerplate\n$/);
      const out = (id: string) => join(outdir, `${id}.${format}`);
      const before = statSync(out('d2')).mtimeMs;

      const again = await run();
      expect(again.stderr).toMatch(/^mizan: aligned 0 of 4 pairs \(0 sentences\) in [\d.]+ s\nmizan: beads: 0 aligned, .*; 4 pair\(s\) already done, skipped \(--force redoes them\)\n$/);
      expect(statSync(out('d2')).mtimeMs).toBe(before);

      // A truncated output (not from mizan: its writes are atomic) and a changed input are redone.
      // The input is "changed" in the run's record (the texts are shared by the concurrent tests).
      writeFileSync(out('d1'), readFileSync(out('d1'), 'utf8').slice(0, -3));
      const recordPath = join(outdir, RECORD_NAME);
      const record = JSON.parse(readFileSync(recordPath, 'utf8')) as { pairs: Record<string, PairRecord> };
      record.pairs['d3']!.source = '0'.repeat(64);
      writeFileSync(recordPath, JSON.stringify(record));
      const resumed = await run();
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toMatch(/^mizan: aligned 2 of 4 pairs \(8 sentences\) .*\n.*; 2 pair\(s\) already done, skipped/);
      expect(resumed.stderr).toContain('mizan: redid 1 pair(s) whose input changed\n');
      expect(resumed.stderr).toContain('mizan: redid 1 pair(s) whose output was not the one this run recorded\n');

      // Another aligner shapes another result: every pair is redone, and the summary says why
      // (jsonl only, to keep the suite quick: the record serves every format alike).
      if (format !== 'jsonl') return;
      const other = await run('--aligner', 'gale-church');
      expect(other.stderr).toMatch(/^mizan: aligned 4 of 4 pairs .*\n.*\nmizan: redid 4 pair\(s\) made with other settings \(aligner/);
      const back = await run();
      expect(back.stderr).toMatch(/^mizan: aligned 4 of 4 pairs .*\n.*\nmizan: redid 4 pair\(s\) made with other settings/);
      expect((await run()).stderr).toMatch(/^mizan: aligned 0 of 4 pairs [^]*; 4 pair\(s\) already done/);

      const forced = await run('--force');
      expect(forced.stderr).toMatch(/^mizan: aligned 4 of 4 pairs \(20 sentences\) in [\d.]+ s\nmizan: beads: 10 aligned, 0 source-only, 0 target-only, 0 boilerplate\n$/);
    });
  }

  it('draws a progress bar on a terminal only', async ({ expect }) => {
    const piped = await mizan(['batch', manifest, '--outdir', join(dir, 'piped'), '--force']);
    expect(piped.stderr).not.toContain('\r');
    // `script` runs the command on a pseudo-terminal, as a user's shell would.
    const tty = await new Promise<string>((resolve) => {
      const command = `${process.execPath} ${MAIN} batch ${manifest} --outdir ${join(dir, 'tty')} --force`;
      execFile('script', ['-qec', command, '/dev/null'], { cwd: dir, env: { ...process.env, MIZAN_WORKERS: '1' } }, (_, stdout) => resolve(stdout));
    });
    expect(tty).toMatch(/\r\u001b\[K\[#+\] 4\/4 100% 0s left d4/);
    expect(tty).toMatch(/mizan: aligned 4 of 4 pairs/);
  });
});

describe.concurrent('mizan batch --stdin end to end', () => {
  it('answers every line in order: beads, errors for bad JSON and failing pairs', async ({ expect }) => {
    const record = (id: string, k: number) => JSON.stringify({ id, source: EN.slice(0, k).join(' '), target: AR.slice(0, k).join(' ') });
    const input = [
      record('first', 2),
      '{"id": "broken", "source": ',
      record('second', 4),
      JSON.stringify({ id: 'same-language', source: EN.join(' '), target: EN.join(' ') }),
      JSON.stringify({ id: 'empty', source: ' ', target: AR[0] }),
      '',
      JSON.stringify([1, 2]),
      JSON.stringify({ id: 7, source: AR.join('\n'), target: EN.join('\n') }),
    ].join('\n');
    const r = await mizan(['batch', '--stdin'], input);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('mizan: 4 record(s) failed; see their "error" fields\n');
    const out = r.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { id: unknown; beads?: Array<{ source: string[]; target: string[]; flag: string }>; error?: string });
    expect(out.map((o) => o.id)).toEqual(['first', null, 'second', 'same-language', 'empty', null, 7]);
    expect(out[0]!.beads!.map((b) => [b.source, b.target, b.flag])).toEqual(EN.slice(0, 2).map((e, k) => [[e], [AR[k]], 'aligned']));
    expect(out[1]).toEqual({ id: null, error: 'line 2: not JSON' });
    expect(out[2]!.beads).toHaveLength(4);
    expect(out[3]!.error).toMatch(/both English/);
    expect(out[4]!.error).toBe('source text is empty');
    expect(out[5]).toEqual({ id: null, error: 'line 7: expected a JSON object' });
    expect(out[6]!.beads!.map((b) => b.flag)).toEqual(['aligned', 'aligned', 'aligned', 'aligned']);
  });

  it('refuses a record over the input limit in its error field and goes on', async ({ expect }) => {
    const input = [JSON.stringify({ id: 'big', source: EN.join(' ').repeat(100), target: AR[0] }), JSON.stringify({ id: 'ok', source: EN[0], target: AR[0] })].join('\n');
    const r = await mizan(['batch', '--stdin', '--max-input', '1k'], input);
    const out = r.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string; error?: string; beads?: unknown[] });
    expect(out[0]).toEqual({ id: 'big', error: 'line 1: a text is over the 1 kB input limit (--max-input)' });
    expect(out[1]!.beads).toHaveLength(1);
  });

  it('refuses an oversize line while reading it, escaped or not, and answers the lines after it', async ({ expect }) => {
    // 40 kB of Arabic written as \u escapes (as Python's json.dumps does) is 80 kB of text: over 64k.
    const escaped = JSON.stringify({ id: 'esc', source: EN[0], target: 'ب'.repeat(40_000) }).replace(/ب/g, '\\u0628');
    const input = [
      escaped,
      JSON.stringify({ id: 'ok', source: EN[0], target: AR[0] }),
      `{"id": "huge", "source": "${'x'.repeat(300_000)}`, // no closing quote: refused before its end
      JSON.stringify({ id: 'after', source: EN[1], target: AR[1] }),
    ].join('\r\n');
    const r = await mizan(['batch', '--stdin', '--max-input', '64k'], input);
    const out = r.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string; error?: string; beads?: unknown[] });
    expect(out.map((o) => [o.id, o.error ?? o.beads!.length])).toEqual([
      ['esc', 'line 1: a text is over the 64 kB input limit (--max-input)'],
      ['ok', 1],
      ['huge', 'line 3: a text is over the 64 kB input limit (--max-input)'],
      ['after', 1],
    ]);
    expect(r.stderr).toBe('mizan: 2 record(s) failed; see their "error" fields\n');
  });
});
