import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tmx2js from 'tmexchange/tmx2js';
import { describe, expect, it } from 'vitest';
import { exportCommand } from '../src/cli/export.js';
import { CliError, UsageError } from '../src/cli/errors.js';
import type { Alignment, Bead, Segment } from '../src/core/types.js';
import { formatAlignmentFile, parseAlignmentFile } from '../src/formats/alignment-file.js';
import { exportedBeads } from '../src/formats/export-filter.js';
import { formatMoses } from '../src/formats/moses.js';
import { escapeXml, formatTmx, parseTmx } from '../src/formats/tmx.js';

const segments = (texts: string[]): Segment[] => texts.map((text, index) => ({ index, text, paragraph: index, start: 0, end: text.length }));
const bead = (source: number[], target: number[], flag: Bead['flag'], status: Bead['status'] = 'auto'): Bead => ({ source, target, flag, score: 0.9, status });

/** Five beads: two aligned (one confirmed, with every character XML must escape), one one-sided each way, one boilerplate. */
const SAMPLE: Alignment = {
  source: { lang: 'en', segments: segments(['A & B <c> "d" \u0001 it\'s', 'Second line.', 'Only English.', 'Site footer']) },
  target: { lang: 'ar', segments: segments(['أ و ب', 'السطر الثاني.', 'عربي فقط.']) },
  beads: [
    bead([0], [0], 'aligned', 'confirmed'),
    bead([1], [1], 'aligned'),
    bead([2], [], 'source-only'),
    bead([], [2], 'target-only'),
    bead([3], [], 'boilerplate'),
  ],
};
const TMX = { confirmedOnly: false, includeOneSided: false, created: '2026-11-22T10:00:00.000Z', toolVersion: '0.1.0' };
const SEED = 'alignments/dawn-eremnews.json';
const TICO = '../shared/data/dev/tico19/all.en-ar.tmx';

describe('export filter', () => {
  it('never exports boilerplate; one-sided only on request; confirmed-only keeps reviewed beads', () => {
    expect(exportedBeads(SAMPLE, { confirmedOnly: false, includeOneSided: false }).map((b) => b.flag)).toEqual(['aligned', 'aligned']);
    expect(exportedBeads(SAMPLE, { confirmedOnly: false, includeOneSided: true })).toHaveLength(4);
    expect(exportedBeads(SAMPLE, { confirmedOnly: true, includeOneSided: true }).map((b) => b.status)).toEqual(['confirmed']);
  });
});

describe('TMX', () => {
  it('escapes &, <, >, quotes and drops characters XML cannot carry', () => {
    expect(escapeXml('A & B <c> "d" \u0001 it\'s')).toBe('A &amp; B &lt;c&gt; &quot;d&quot;  it&apos;s');
  });

  it('writes the header TMX 1.4b requires and one unit per aligned bead with its props', () => {
    const xml = formatTmx(SAMPLE, TMX);
    for (const attribute of ['creationtool="mizan"', 'creationtoolversion="0.1.0"', 'segtype="sentence"', 'o-tmf="mizan"', 'adminlang="en"', 'srclang="en"', 'datatype="plaintext"', 'creationdate="20261122T100000Z"']) {
      expect(xml).toContain(attribute);
    }
    const units = parseTmx(xml);
    expect(units).toEqual([
      { tuid: '1', variants: { en: 'A & B <c> "d"  it\'s', ar: 'أ و ب' }, props: { 'x-mizan-flag': 'aligned', 'x-mizan-status': 'confirmed', 'x-mizan-score': '0.9000' } },
      { tuid: '2', variants: { en: 'Second line.', ar: 'السطر الثاني.' }, props: { 'x-mizan-flag': 'aligned', 'x-mizan-status': 'auto', 'x-mizan-score': '0.9000' } },
    ]);
  });

  it('is read back the same by an independent TMX reader (tmexchange)', async () => {
    const xml = formatTmx(SAMPLE, { ...TMX, includeOneSided: true });
    // Without a "group" prop, tmexchange keys the units by tuid: { "1": { en: …, ar: … }, … }.
    const independent = (await tmx2js(xml)) as { sourceLanguage: string; resources: Record<string, Record<string, string>> };
    expect(independent.sourceLanguage).toBe('en');
    const ours = Object.fromEntries(parseTmx(xml).map((u) => [u.tuid, u.variants]));
    expect(independent.resources).toEqual(ours);
    expect(ours['3']).toEqual({ en: 'Only English.' });
  });

  it('round-trips the committed seed alignment through both readers', async () => {
    const { alignment } = parseAlignmentFile(readFileSync(SEED, 'utf8'));
    const xml = formatTmx(alignment, TMX);
    const ours = parseTmx(xml);
    expect(ours).toHaveLength(alignment.beads.filter((b) => b.flag === 'aligned').length);
    const independent = (await tmx2js(xml)) as { resources: Record<string, Record<string, string>> };
    expect(independent.resources).toEqual(Object.fromEntries(ours.map((u) => [u.tuid, u.variants])));
  });

  it('reads inline codes, CDATA, entities and TMX 1.1 lang attributes as other tools write them', () => {
    const xml = `<tmx version="1.1"><body><tu tuid='x'><prop type="note">a &amp; b</prop>
      <tuv lang="EN-US"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept> &#x2014; <hi>now</hi></seg></tuv>
      <tuv xml:lang="ar"><seg><![CDATA[<اضغط>]]> &#1581;</seg></tuv></tu></body></tmx>`;
    expect(parseTmx(xml)).toEqual([{ tuid: 'x', variants: { 'EN-US': 'Press Save — now', ar: '<اضغط> ح' }, props: { note: 'a & b' } }]);
  });

  it.skipIf(!existsSync(TICO))('reads TICO-19\'s real TMX: 3071 units, each with English and Arabic (skipped without ../shared/data)', () => {
    const units = parseTmx(readFileSync(TICO, 'utf8'));
    expect(units).toHaveLength(3071);
    expect(units.every((u) => (u.variants.en ?? '') !== '' && (u.variants.ar ?? '') !== '' && u.tuid !== undefined)).toBe(true);
  });
});

describe('Moses', () => {
  it('writes two line-aligned files, an empty line for a missing side', () => {
    const { source, target } = formatMoses(SAMPLE, { confirmedOnly: false, includeOneSided: true });
    expect(source.split('\n')).toEqual(['A & B <c> "d" \u0001 it\'s', 'Second line.', 'Only English.', '', '']);
    expect(target.split('\n')).toEqual(['أ و ب', 'السطر الثاني.', '', 'عربي فقط.', '']);
  });
});

describe('mizan export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-export-'));
  const saved = join(dir, 'sample.json');
  const meta = { created: TMX.created, aligner: 'test', presplit: false, source: { path: 'a.en', sha256: 'x' }, target: { path: 'a.ar', sha256: 'y' } };
  writeFileSync(saved, formatAlignmentFile(SAMPLE, meta));
  const sink = () => {
    let text = '';
    return { stream: { write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WritableStream, text: () => text };
  };

  it('prints TSV and JSONL of the exported beads', async () => {
    const tsv = sink();
    expect(await exportCommand([saved, '--format', 'tsv', '--include-one-sided'], tsv.stream)).toBe(0);
    expect(tsv.text().trim().split('\n')).toHaveLength(1 + 4);
    const jsonl = sink();
    await exportCommand([saved, '--format', 'jsonl', '--confirmed-only'], jsonl.stream);
    expect(jsonl.text().trim().split('\n').map((l) => (JSON.parse(l) as { status: string }).status)).toEqual(['confirmed']);
  });

  it('writes Moses as FILE.en and FILE.ar', async () => {
    await exportCommand([saved, '--format', 'moses', '--out', join(dir, 'corpus')], sink().stream);
    expect(readFileSync(join(dir, 'corpus.en'), 'utf8')).toBe('A & B <c> "d" \u0001 it\'s\nSecond line.\n');
    expect(readFileSync(join(dir, 'corpus.ar'), 'utf8')).toBe('أ و ب\nالسطر الثاني.\n');
  });

  it('refuses what it cannot do with one clear message', async () => {
    await expect(exportCommand([saved, '--format', 'moses'], sink().stream)).rejects.toThrow(UsageError);
    await expect(exportCommand([saved, '--format', 'xliff'], sink().stream)).rejects.toThrow(/unknown format "xliff"/);
    await expect(exportCommand([join(dir, 'missing.json'), '--format', 'tsv'], sink().stream)).rejects.toThrow(/no such file/);
    const corrupt = join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{"format": "mizan-alignment", "version": 1, "beads": [');
    await expect(exportCommand([corrupt, '--format', 'tsv'], sink().stream)).rejects.toThrow(CliError);
  });
});
