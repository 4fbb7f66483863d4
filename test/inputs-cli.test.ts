/**
 * Inputs as a user gives them, through the built CLI: every encoding mizan reads, HTML pages, line
 * ends, and every refusal as one "mizan: …" line with a non-zero status (never a trace), including
 * oversize files and saved alignments that are corrupt or from a newer mizan.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, it, type ExpectStatic } from 'vitest';
import { expectOneLineError as oneLineError, runMizan, type Run } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mizan-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const mizan = (args: string[], env: Record<string, string> = {}) => runMizan(args, { cwd: dir, env });
/** Every refusal here is a plain failure, status 1, unless said otherwise. */
const expectOneLineError = (expect: ExpectStatic, r: Run, message: RegExp, code = 1) => oneLineError(expect, r, message, code);

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const EN = ['Putin met Hollande in Moscow on Thursday.', 'The two leaders discussed the war in Syria.', 'France bombed Raqqa after the attacks in Paris.'];
const AR = ['التقى بوتين أولوند في موسكو يوم الخميس.', 'وناقش الزعيمان الحرب في سوريا.', 'وقصفت فرنسا الرقة بعد هجمات باريس.'];
const enFile = file('pair.en.txt', EN.join('\n') + '\n');
const arFile = file('pair.ar.txt', AR.join('\n') + '\n');

/** Source and target texts of each bead, from --format jsonl. */
async function beads(expect: ExpectStatic, args: string[]) {
  const r = await mizan([...args, '--format', 'jsonl']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout.trimEnd().split('\n').map((line) => {
    const bead = JSON.parse(line) as { source: string[]; target: string[]; flag: string };
    return [bead.source, bead.target, bead.flag];
  });
}
const ALIGNED = EN.map((e, k) => [[e], [AR[k]], 'aligned']);

describe.concurrent('inputs the CLI reads', () => {
  const encoded: Array<[string, Uint8Array]> = [
    ['windows-1256', iconv.encode(AR.join('\r\n') + '\r\n', 'windows-1256')],
    ['iso-8859-6', iconv.encode(AR.join('\n') + '\n', 'iso-8859-6')],
    ['utf-16le-bom', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(AR.join('\r') + '\r', 'utf16le')])],
    ['utf-16be-bom', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(AR.join('\n'), 'utf16-be')])],
    ['utf-8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(AR.join('\r\n'))])],
  ];
  for (const [name, bytes] of encoded) {
    it(`aligns Arabic in ${name} (CR, LF or CRLF line ends)`, async ({ expect }) => {
      expect(await beads(expect, ['align', enFile, file(`ar.${name}.txt`, bytes)])).toEqual(ALIGNED);
    });
  }

  it('aligns an HTML page: its text, blocks as lines, scripts and styles dropped', async ({ expect }) => {
    const page = file(
      'page.html',
      `<!doctype html><html><head><title>Moscow talks</title><style>p{margin:0}</style><script>var s = "France bombed Raqqa.";</script></head>
       <body><p>${EN[0]}</p><div>${EN[1]}<br>${EN[2]!.replace('Paris', '<a href="/p">Paris</a>')}</div></body></html>`,
    );
    expect(await beads(expect, ['align', page, arFile])).toEqual(ALIGNED);
    // The saved alignment keeps the page's sha256 and the extracted text's spans.
    const out = join(dir, 'page.json');
    const r = await mizan(['align', page, arFile, '--out', out]);
    expect(r.code).toBe(0);
    const saved = JSON.parse(readFileSync(out, 'utf8')) as { source: { segments: Array<{ text: string; start: number; end: number }> } };
    const extracted = `${EN[0]}\n${EN[1]}\n${EN[2]}\n`;
    for (const seg of saved.source.segments) expect(extracted.slice(seg.start, seg.end)).toBe(seg.text);
  });

  it('aligns Windows-1252 English exactly as its UTF-8 version, and records the encoding read', async ({ expect }) => {
    const western = ['Putin met Hollande — “in Moscow” — on Thursday at the Élysée’s request.', 'The two leaders discussed the war in Syria, naïvely.', 'France bombed Raqqa after the attacks in Paris (€5 bn).'];
    const utf8 = file('western.utf8.en.txt', western.join('\r\n') + '\r\n');
    const cp1252 = file('western.cp1252.en.txt', iconv.encode(western.join('\r\n') + '\r\n', 'windows-1252'));
    const expected = western.map((e, k) => [[e], [AR[k]], 'aligned']);
    expect(await beads(expect, ['align', utf8, arFile])).toEqual(expected);
    expect(await beads(expect, ['align', cp1252, arFile])).toEqual(expected);
    const out = join(dir, 'western.json');
    expect((await mizan(['align', cp1252, arFile, '--out', out])).code).toBe(0);
    const saved = JSON.parse(readFileSync(out, 'utf8')) as { source: { encoding?: string }; target: { encoding?: string } };
    expect([saved.source.encoding, saved.target.encoding]).toEqual(['windows-1252', 'utf-8']);
    // A page in Latin-1 that says so, and a Windows-1256 page that says so (no sniffing needed).
    const page = (charset: string, body: string[]) => `<html><head><meta charset="${charset}"></head><body>${body.map((p) => `<p>${p}</p>`).join('')}</body></html>\n`;
    const latin1 = file('western.html', iconv.encode(page('iso-8859-1', western), 'windows-1252'));
    expect(await beads(expect, ['align', latin1, arFile])).toEqual(expected);
    const arabic = file('arabic.html', iconv.encode(page('windows-1256', AR), 'windows-1256'));
    expect(await beads(expect, ['align', enFile, arabic])).toEqual(ALIGNED);
  });

  it('handles a 1 MB line without spaces or terminators in linear time', async ({ expect }) => {
    const long = file('long.en.txt', `${EN[0]}\n${'a'.repeat(1 << 20)}\n`);
    const longAr = file('long.ar.txt', `${AR[0]}\n${'ب'.repeat(1 << 19)}\n`);
    const r = await mizan(['align', long, longAr, '--format', 'ladder']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\[0\]:\[0\]:/);
    expect(r.ms).toBeLessThan(20_000); // ~1.5 s on the project machine; quadratic would be many minutes
  }, 30_000);
});

describe.concurrent('inputs the CLI refuses in one line', () => {
  it('mojibake: UTF-8 Arabic read as Windows-1252 and saved again', async ({ expect }) => {
    const mojibake = file('mojibake.ar.txt', iconv.decode(Buffer.from(AR.join('\n')), 'windows-1252'));
    expectOneLineError(expect, await mizan(['align', enFile, mojibake]), /mojibake\.ar\.txt looks mis-decoded: UTF-8 read as Windows-1252\/Latin-1 and saved again \("Ø§/);
  });

  it('UTF-16 without a byte-order mark, naming it', async ({ expect }) => {
    expectOneLineError(expect, await mizan(['align', file('bomless.en.txt', iconv.encode(EN.join('\n'), 'utf16le')), arFile]), /bomless\.en\.txt looks like UTF-16LE without a byte-order mark/);
  });

  it('an HTML page with no text', async ({ expect }) => {
    expectOneLineError(expect, await mizan(['align', file('blank.html', '<html><head><title>x</title><script>1</script></head><body> </body></html>'), arFile]), /blank\.html is an HTML page with no text/);
  });

  it('a file with no sentences left once boilerplate is set aside', async ({ expect }) => {
    const chrome = file('chrome.en.txt', 'Published in Dawn, November 27th, 2015\nhttp://www.dawn.com/news/1222\nMost read\n');
    expectOneLineError(expect, await mizan(['align', chrome, arFile]), /chrome\.en\.txt has no sentences left once its boilerplate .* is set aside/);
  });

  it('a file over the input limit, before reading it, with the way to raise it', async ({ expect }) => {
    const big = file('big.en.txt', `${EN.join(' ')}\n`.repeat(3000)); // ~400 kB
    const [flag, env, bad, raised] = await Promise.all([
      mizan(['align', big, arFile, '--max-input', '100k']),
      mizan(['align', big, arFile], { MIZAN_MAX_INPUT: '200k' }),
      mizan(['align', big, arFile, '--max-input', 'lots']),
      mizan(['align', big, arFile, '--max-input', '1M', '--format', 'ladder']),
    ]);
    expectOneLineError(expect, flag, /big\.en\.txt is \d+ kB, over the 100 kB input limit; raise it with --max-input SIZE or MIZAN_MAX_INPUT=SIZE/);
    expectOneLineError(expect, env, /over the 200 kB input limit/);
    expectOneLineError(expect, bad, /--max-input wants a size such as 64M or 1G, not "lots"/, 2);
    expect(raised.code, raised.stderr).toBe(0);
  }, 30_000);

  it('a device or pipe that never ends, read only up to the limit', async ({ expect }) => {
    expectOneLineError(expect, await mizan(['align', '/dev/zero', arFile, '--max-input', '1M']), /\/dev\/zero is larger than the 1 MB input limit/);
  });
});

describe.concurrent('saved alignments the CLI refuses in one line', () => {
  const saved = join(dir, 'saved.json');
  const ready = mizan(['align', enFile, arFile, '--out', saved]);
  const variant = async (name: string, change: (file: Record<string, any>) => void) => {
    await ready;
    const data = JSON.parse(readFileSync(saved, 'utf8')) as Record<string, any>;
    change(data);
    return file(name, JSON.stringify(data));
  };
  const cases: Array<[string, (file: Record<string, any>) => void, RegExp]> = [
    ['newer.json', (f) => (f.version = 3), /newer\.json: not a valid mizan alignment: version 3 is newer than this mizan reads \(2\); update mizan$/m],
    ['bad-flag.json', (f) => (f.beads[1].flag = 'maybe'), /bad-flag\.json: not a valid mizan alignment: beads\[1\]\.flag: /],
    ['bad-index.json', (f) => (f.target.segments[2].index = 5), /not a valid mizan alignment: target\.segments\[2\]\.index: expected 2/],
    ['no-sha.json', (f) => delete f.source.sha256, /not a valid mizan alignment: source\.sha256: /],
    ['uncovered.json', (f) => f.beads.pop(), /not a valid mizan alignment: beads cover 2 of 3 source segments/],
    ['format.json', (f) => (f.format = 'other'), /not a valid mizan alignment: format is not "mizan-alignment"/],
  ];
  for (const [name, change, message] of cases) {
    it(`${name}`, async ({ expect }) => {
      expectOneLineError(expect, await mizan(['export', await variant(name, change), '--format', 'tsv']), message);
    });
  }
  it('truncated JSON', async ({ expect }) => {
    await ready;
    const truncated = file('truncated.json', readFileSync(saved, 'utf8').slice(0, 200));
    expectOneLineError(expect, await mizan(['export', truncated, '--format', 'tsv']), /truncated\.json: not a valid mizan alignment: bad JSON/);
  });
});
