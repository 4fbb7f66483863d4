/**
 * The built command line, spawned as a user runs it (`npm test` builds dist first with tsc).
 * Every failure a user can cause must come out as exactly one "mizan: …" line on stderr with a
 * non-zero status, never a stack trace; the output formats keep the DESIGN.md contracts.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { expectOneLineError, MAIN, runMizan } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mizan-cli-'));
const mizan = (args: string[], stdin = '') => runMizan(args, { cwd: dir, stdin });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const EN = ['Putin met Hollande in Moscow on Thursday.', 'The two leaders discussed the war in Syria.', 'France bombed Raqqa after the attacks in Paris.'];
const AR = ['التقى بوتين أولوند في موسكو يوم الخميس.', 'وناقش الزعيمان الحرب في سوريا.', 'وقصفت فرنسا الرقة بعد هجمات باريس.'];
const enFile = file('pair.en.txt', EN.join('\n') + '\n');
const arFile = file('pair.ar.txt', AR.join('\n') + '\n');

describe.concurrent('mizan CLI errors', () => {
  // The other tests spawn dist/: `npm test` runs tsc first; a bare `vitest run` needs `npx tsc -p .`.
  it('finds the built CLI', ({ expect }) => {
    expect(existsSync(MAIN), `${MAIN} is missing: run npx tsc -p . first`).toBe(true);
  });

  it('reports a missing file', async ({ expect }) => {
    const missing = join(dir, 'missing.en.txt');
    expectOneLineError(expect, await mizan(['align', missing, arFile]), new RegExp(`${missing.replace(/[.]/g, '\\.')}: no such file`), 1);
  });

  it('reports an empty file (whitespace only)', async ({ expect }) => {
    const empty = file('empty.txt', '  \n\n');
    expectOneLineError(expect, await mizan(['align', enFile, empty]), /empty\.txt is empty/, 1);
  });

  it('reports a binary file', async ({ expect }) => {
    const binary = file('image.bin', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02, 0x41, 0x00]));
    expectOneLineError(expect, await mizan(['align', enFile, binary]), /image\.bin looks like a binary file/, 1);
  });

  // Bytes Windows-1252 leaves undefined (0x81), and accented letters inside Arabic ones in either Arabic code page.
  it('reports a file that is not UTF-8 nor any 8-bit encoding mizan reads, with a hint', async ({ expect }) => {
    const unknown = file('legacy.en.txt', Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0xc7, 0xe9, 0xc7, 0x81, 0x81, 0x0a]));
    expectOneLineError(expect, await mizan(['align', unknown, arFile]), /legacy\.en\.txt is not valid UTF-8 and is in another 8-bit encoding; .*iconv/, 1);
  });

  it('refuses two English files', async ({ expect }) => {
    const other = file('other.en.txt', 'Another English text about the talks.\n');
    expectOneLineError(expect, await mizan(['align', enFile, other]), /are both English; mizan aligns an Arabic text with an English one/, 1);
  });

  it('refuses an unknown command with a usage status', async ({ expect }) => {
    expectOneLineError(expect, await mizan(['allign', enFile, arFile]), /unknown command "allign"/, 2);
  });

  it('refuses an unknown --format with a usage status', async ({ expect }) => {
    expectOneLineError(expect, await mizan(['align', enFile, arFile, '--format', 'xml']), /unknown format "xml"; choose one of: json, jsonl, ladder, tsv/, 2);
  });

  it('refuses an unknown option with a usage status', async ({ expect }) => {
    expectOneLineError(expect, await mizan(['align', enFile, arFile, '--colour']), /^mizan: unknown option --colour \(see --help\)\n$/, 2);
  });

  it('refuses a wrong number of files', async ({ expect }) => {
    expectOneLineError(expect, await mizan(['align', enFile]), /align takes two files/, 2);
  });

  it('reports a directory given as a file', async ({ expect }) => {
    expectOneLineError(expect, await mizan(['align', dir, arFile]), /is a directory, not a text file/, 1);
  });

  it('reports a text without Arabic or English letters', async ({ expect }) => {
    expectOneLineError(expect, await mizan(['align', enFile, file('digits.txt', '12345 678\n')]), /digits\.txt has no Arabic or English text/, 1);
  });

  // Regression: when --out cannot be written because a parent is a regular file, writeFileAtomic's
  // clean-up `rmSync(temporary, { force: true })` throws ENOTDIR itself (force ignores ENOENT
  // only), so the CliError "cannot write …" is never thrown and the user sees an internal error
  // with status 70. Minimal reproduction:
  //   touch /tmp/f; node dist/src/cli/main.js align a.en.txt a.ar.txt --out /tmp/f/x.json
  //   → "mizan: internal error: ENOTDIR: not a directory, lstat '/tmp/f/x.json.<pid>.<ms>.tmp'", exit 70
  it('reports an --out path it cannot write as a clean error, status 1', async ({ expect }) => {
    const notADirectory = file('plain-file', 'x');
    expectOneLineError(expect, await mizan(['align', enFile, arFile, '--out', join(notADirectory, 'x.json')]), /^mizan: cannot write .*x\.json: /, 1);
  });

  it('prints align --help on stdout and exits 0', async ({ expect }) => {
    const r = await mizan(['align', '--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Usage: mizan align SOURCE TARGET/);
    expect(r.stdout).toContain('--format FORMAT');
  });
});

describe.concurrent('mizan align output', () => {
  it('--format jsonl prints one JSON bead a line with the DESIGN.md fields', async ({ expect }) => {
    const r = await mizan(['align', enFile, arFile, '--format', 'jsonl']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines.pop()).toBe(''); // each line ends in a newline
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const rec of records) {
      expect(Array.isArray(rec.source) && (rec.source as unknown[]).every((s) => typeof s === 'string')).toBe(true);
      expect(Array.isArray(rec.target) && (rec.target as unknown[]).every((s) => typeof s === 'string')).toBe(true);
      expect(['aligned', 'source-only', 'target-only', 'boilerplate']).toContain(rec.flag);
      expect(['auto', 'confirmed', 'edited']).toContain(rec.status);
      expect(typeof rec.score).toBe('number');
      expect(rec.score as number).toBeGreaterThanOrEqual(0);
      expect(rec.score as number).toBeLessThanOrEqual(1);
    }
    // Every sentence of each input in exactly one bead, in order, with its text.
    expect(records.flatMap((rec) => rec.source as string[])).toEqual(EN);
    expect(records.flatMap((rec) => rec.target as string[])).toEqual(AR);
    expect(records.map((rec) => [rec.source, rec.target, rec.flag])).toEqual(EN.map((e, k) => [[e], [AR[k]], 'aligned']));
  });

  it('takes the files in either order: Arabic as the source', async ({ expect }) => {
    const r = await mizan(['align', arFile, enFile, '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const records = r.stdout.trim().split('\n').map((line) => JSON.parse(line) as { source: string[]; target: string[] });
    expect(records.map((rec) => [rec.source, rec.target])).toEqual(AR.map((a, k) => [[a], [EN[k]]]));
  });

  it('--format ladder prints vecalign lines', async ({ expect }) => {
    const r = await mizan(['align', enFile, arFile, '--format', 'ladder']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^\[(\d+(, \d+)*)?\]:\[(\d+(, \d+)*)?\]:\d+\.\d{2,4}$/);
    expect(lines.map((l) => l.replace(/:[\d.]+$/, ''))).toEqual(['[0]:[0]', '[1]:[1]', '[2]:[2]']);
  });

  it('--out writes a self-contained mizan-alignment JSON file', async ({ expect }) => {
    const out = join(dir, 'out', 'pair.json');
    const r = await mizan(['align', enFile, arFile, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`mizan: wrote 3 beads to ${out}\n`);
    const saved = JSON.parse(readFileSync(out, 'utf8')) as {
      format: string;
      version: number;
      source: { path: string; sha256: string; lang: string; segmentation: string; segments: Array<{ text: string }> };
      target: { path: string; sha256: string; lang: string; segmentation: string; segments: Array<{ text: string }> };
      beads: Array<{ source: number[]; target: number[]; flag: string; status: string; score: number }>;
    };
    expect(saved.format).toBe('mizan-alignment');
    expect(saved.version).toBe(2);
    expect([saved.source.segmentation, saved.target.segmentation]).toEqual(['input', 'input']);
    expect(saved.source.path).toBe(enFile);
    expect(saved.source.sha256).toBe(createHash('sha256').update(readFileSync(enFile)).digest('hex'));
    expect(saved.target.sha256).toBe(createHash('sha256').update(readFileSync(arFile)).digest('hex'));
    expect([saved.source.lang, saved.target.lang]).toEqual(['en', 'ar']);
    expect(saved.source.segments.map((s) => s.text)).toEqual(EN);
    expect(saved.beads.map((b) => [b.source, b.target, b.flag, b.status])).toEqual([
      [[0], [0], 'aligned', 'auto'],
      [[1], [1], 'aligned', 'auto'],
      [[2], [2], 'aligned', 'auto'],
    ]);
  });
});

describe.concurrent('mizan batch', () => {
  it('writes DIR/<id>.jsonl for the good pairs and reports the failing one at the end', async ({ expect }) => {
    const outdir = join(dir, 'batch-out');
    mkdirSync(join(dir, 'docs'), { recursive: true });
    file('docs/one.en.txt', EN.join('\n'));
    file('docs/one.ar.txt', AR.join('\n'));
    // Relative paths are read from the manifest's folder; "broken" names a file that does not exist.
    const manifest = file('manifest.tsv', ['# id\tsource\ttarget', 'one\tdocs/one.en.txt\tdocs/one.ar.txt', 'broken\tdocs/none.en.txt\tdocs/one.ar.txt', ''].join('\n'));
    const r = await mizan(['batch', manifest, '--outdir', outdir]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('    at ');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^mizan: aligned 1 of 2 pairs \(6 sentences\) in \d+\.\d\d s$/);
    expect(lines[1]).toBe('mizan: beads: 3 aligned, 0 source-only, 0 target-only, 0 boilerplate');
    expect(lines[2]).toBe(`mizan: failed broken: ${join(dir, 'docs/none.en.txt')}: no such file`);
    const records = readFileSync(join(outdir, 'one.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { source: string[]; target: string[]; flag: string });
    expect(records.map((rec) => [rec.source, rec.target, rec.flag])).toEqual(EN.map((e, k) => [[e], [AR[k]], 'aligned']));
    expect(existsSync(join(outdir, 'broken.jsonl'))).toBe(false);
  });

  it('--stdin answers each JSON line with beads or an error, in order', async ({ expect }) => {
    const input = [
      JSON.stringify({ id: 'good', source: EN.join('\n'), target: AR.join('\n') }),
      JSON.stringify({ id: 'bad', source: EN.join('\n') }),
    ].join('\n');
    const r = await mizan(['batch', '--stdin'], input + '\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('mizan: 1 record(s) failed; see their "error" fields\n');
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; beads?: Array<{ source: string[]; target: string[]; flag: string }>; error?: string });
    expect(out).toHaveLength(2);
    expect(out[0]!.id).toBe('good');
    expect(out[0]!.beads!.map((b) => [b.source, b.target, b.flag])).toEqual(EN.map((e, k) => [[e], [AR[k]], 'aligned']));
    expect(out[1]).toEqual({ id: 'bad', error: '"source" and "target" must be strings' });
  });

  it('--stdin reports a line that is not JSON and goes on', async ({ expect }) => {
    const input = ['{not json', JSON.stringify({ id: 'x', source: EN.join('\n'), target: EN.join('\n') }), JSON.stringify({ id: 'y', source: AR[0], target: EN[0] })].join('\n');
    const r = await mizan(['batch', '--stdin'], input);
    expect(r.code).toBe(1);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: unknown; beads?: unknown[]; error?: string });
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual({ id: null, error: 'line 1: not JSON' });
    expect(out[1]!.id).toBe('x');
    expect(out[1]!.error).toMatch(/both English/);
    expect(out[2]!.id).toBe('y');
    expect(out[2]!.beads).toHaveLength(1);
  });
});
