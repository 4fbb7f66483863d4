/**
 * Files are data, not a screen: text with control characters and bidi overrides goes through save,
 * reload, export and stream mode byte for byte (JSON and XML carry it as escapes, so `cat FILE`
 * on a terminal cannot act on it either). Only TMX cannot carry C0 controls: XML 1.0 forbids them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAlignmentFile } from '../src/formats/alignment-file.js';
import { parseTmx } from '../src/formats/tmx.js';
import { runMizan } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mizan-inert-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EN = ['Putin met \u001b]0;PWNED\u0007Hollande in Moscow on Thursday.', 'The two \u001b[31mleaders\u001b[0m discussed the \u202ewar\u202c in Syria.\u007f', 'Oil \u009b31m prices fell by \u2066three\u2069 percent.'];
const AR = ['التقى بوتين أولوند في \u001b[41mموسكو يوم الخميس.', 'وناقش الزعيمان\u200c \u202eالحرب في سوريا.', 'وانخفضت أسعار النفط \u2067بنسبة\u2069 3 في المئة\u200f.'];
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const mizan = (args: string[], stdin?: string) => runMizan(args, { cwd: dir, ...(stdin !== undefined ? { stdin } : {}) });

describe('text with controls through files', () => {
  writeFileSync(join(dir, 'h.en.txt'), EN.join('\n') + '\n');
  writeFileSync(join(dir, 'h.ar.txt'), AR.join('\n') + '\n');

  it('saves and reloads byte for byte; exports jsonl, tsv and tmx with the same text', async () => {
    const saved = await mizan(['align', 'h.en.txt', 'h.ar.txt', '--presplit', '--out', 'h.json']);
    expect(saved.code, saved.stderr).toBe(0);
    const file = readFileSync(join(dir, 'h.json'), 'utf8');
    expect(file).not.toMatch(RAW);
    const { alignment } = parseAlignmentFile(file);
    expect(alignment.source.segments.map((s) => s.text)).toEqual(EN);
    expect(alignment.target.segments.map((s) => s.text)).toEqual(AR);
    expect((await mizan(['diff', 'h.json', 'h.json'])).stdout).toMatch(/^no changes; 3 beads unchanged\n$/);

    expect((await mizan(['export', 'h.json', '--format', 'jsonl', '--out', 'h.jsonl'])).code).toBe(0);
    const jsonl = readFileSync(join(dir, 'h.jsonl'), 'utf8');
    expect(jsonl).not.toMatch(RAW);
    const records = jsonl.trimEnd().split('\n').map((line) => JSON.parse(line) as { source: string[]; target: string[] });
    expect(records.flatMap((r) => r.source)).toEqual(EN);
    expect(records.flatMap((r) => r.target)).toEqual(AR);

    expect((await mizan(['export', 'h.json', '--format', 'tsv', '--out', 'h.tsv'])).code).toBe(0);
    const rows = readFileSync(join(dir, 'h.tsv'), 'utf8').trimEnd().split('\n').slice(1).map((line) => line.split('\t'));
    expect(rows.map((r) => r[0])).toEqual(EN);
    expect(rows.map((r) => r[1])).toEqual(AR);

    expect((await mizan(['export', 'h.json', '--format', 'tmx', '--out', 'h.tmx'])).code).toBe(0);
    const tmx = readFileSync(join(dir, 'h.tmx'), 'utf8');
    expect(tmx).not.toMatch(RAW);
    const dropC0 = (t: string) => t.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
    expect(parseTmx(tmx).map((u) => u.variants['en'])).toEqual(EN.map(dropC0));
    expect(parseTmx(tmx).map((u) => u.variants['ar'])).toEqual(AR.map(dropC0));
  });

  it('answers stream mode with the same text, escaped', async () => {
    const r = await mizan(['batch', '--stdin', '--presplit'], JSON.stringify({ id: 'h', source: EN.join('\n'), target: AR.join('\n') }) + '\n');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    const { beads } = JSON.parse(r.stdout) as { beads: Array<{ source: string[]; target: string[] }> };
    expect(beads.flatMap((b) => b.source)).toEqual(EN);
    expect(beads.flatMap((b) => b.target)).toEqual(AR);
  });
});
