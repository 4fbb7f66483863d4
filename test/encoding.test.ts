/**
 * Every encoding mizan reads, with bytes made here by iconv-lite (no binary fixtures), and the
 * mis-decodings it must refuse rather than align.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { declaredCharset, decodeBytes, mojibakeOf } from '../src/cli/encoding.js';
import { extractHtmlText } from '../src/cli/html.js';

const AR = 'التقى بوتين أولوند في موسكو يوم الخميس. وناقش الزعيمان الحرب في سوريا، وقصفت فرنسا الرقة؟\n';
const EN = 'Putin met Hollande in Moscow on Thursday. The two leaders’ talks — on Syria — went on.\n';
const bytes = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

describe('decodeBytes', () => {
  it.each([
    ['UTF-8', bytes(AR, 'utf8'), 'utf-8'],
    ['UTF-8 with a BOM', concat(Uint8Array.from([0xef, 0xbb, 0xbf]), bytes(AR, 'utf8')), 'utf-8'],
    ['UTF-16LE with a BOM', concat(Uint8Array.from([0xff, 0xfe]), bytes(AR, 'utf16le')), 'utf-16le'],
    ['UTF-16BE with a BOM', concat(Uint8Array.from([0xfe, 0xff]), bytes(AR, 'utf16-be')), 'utf-16be'],
    ['Windows-1256', bytes(AR, 'windows-1256'), 'windows-1256'],
    ['ISO-8859-6', bytes(AR, 'iso-8859-6'), 'iso-8859-6'],
  ])('reads Arabic in %s', (_, input, encoding) => {
    expect(decodeBytes(input)).toEqual({ text: AR, encoding });
  });

  it('reads Western European English: Windows-1252, and ISO-8859-1 when no byte uses 1252 additions', () => {
    const cafe = 'The café “opened” in Zürich — at 5 €, naïvely.\n';
    expect(decodeBytes(bytes(cafe, 'windows-1252'))).toEqual({ text: cafe, encoding: 'windows-1252' });
    expect(decodeBytes(bytes('Fabius met the Élysée staff in Besançon.\n', 'latin1'))).toEqual({ text: 'Fabius met the Élysée staff in Besançon.\n', encoding: 'iso-8859-1' });
    // One accented word in English is not Arabic in ISO-8859-6 (é would read as ى).
    expect(decodeBytes(bytes('Putin met Hollande in a café.\n', 'windows-1252')).encoding).toBe('iso-8859-1');
  });

  it('reads an HTML page in the charset it declares, unless a BOM says otherwise', () => {
    const page = (charset: string) => `<html><head><meta charset="${charset}"><title>t</title></head><body><p>Café “Zürich”</p></body></html>\n`;
    expect(declaredCharset(bytes(page('windows-1252'), 'windows-1252'))).toBe('windows-1252');
    expect(declaredCharset(bytes(page('ISO-8859-1'), 'latin1'))).toBe('windows-1252');
    expect(declaredCharset(bytes(page('utf-8'), 'utf8'))).toBe('utf-8');
    const legacy = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><p>التقى بوتين أولوند.</p>';
    expect(declaredCharset(bytes(legacy, 'windows-1256'))).toBe('windows-1256');
    expect(decodeBytes(bytes(legacy, 'windows-1256'), 'windows-1256')).toEqual({ text: legacy, encoding: 'windows-1256' });
    // A page that declares KOI8-R is read as KOI8-R, which sniffing would never guess.
    const russian = '<meta charset="koi8-r"><p>Путин</p>';
    expect(decodeBytes(bytes(russian, 'koi8-r'), declaredCharset(bytes(russian, 'koi8-r')))).toEqual({ text: russian, encoding: 'koi8-r' });
    const withBom = concat(Uint8Array.from([0xef, 0xbb, 0xbf]), bytes(page('windows-1252'), 'utf8'));
    expect(decodeBytes(withBom, 'windows-1252')).toEqual({ text: page('windows-1252'), encoding: 'utf-8' });
  });

  it('reads English in UTF-8 and UTF-16, BOM stripped', () => {
    expect(decodeBytes(concat(Uint8Array.from([0xef, 0xbb, 0xbf]), bytes(EN, 'utf8'))).text).toBe(EN);
    expect(decodeBytes(concat(Uint8Array.from([0xff, 0xfe]), bytes(EN, 'utf16le'))).text).toBe(EN);
  });

  it('tells 1256 from 8859-6 in a short sentence that reads fault-free both ways', () => {
    for (const text of ['إذا أردت العمل، فإننا ندعمك.\n', 'ما المناطق المتضررة؟\n']) {
      expect(decodeBytes(bytes(text, 'iso-8859-6')).encoding).toBe('iso-8859-6');
      expect(decodeBytes(bytes(text, 'windows-1256')).encoding).toBe('windows-1256');
    }
  });

  it('keeps CR and CRLF line ends for the segmenter', () => {
    expect(decodeBytes(bytes('One.\r\nTwo.\rThree.\n', 'windows-1256')).text).toBe('One.\r\nTwo.\rThree.\n');
  });

  it.each([
    ['bytes no 8-bit encoding mizan reads explains', Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0xc7, 0xe9, 0xc7, 0x81, 0x81, 0x0a]), /not valid UTF-8 and is in another 8-bit encoding/],
    ['UTF-16 without a BOM', bytes(EN, 'utf16le'), /looks like UTF-16LE without a byte-order mark/],
    ['UTF-16BE without a BOM', bytes(EN, 'utf16-be'), /looks like UTF-16BE without a byte-order mark/],
    ['UTF-32', concat(Uint8Array.from([0xff, 0xfe, 0, 0]), bytes('Hi', 'utf32le' as string)), /is UTF-32/],
    ['binary', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x12, 0x01, 0x02, 0x41, 0x00, 0x00]), /binary/],
    ['UTF-8 Arabic read as 1252, saved as UTF-8', bytes(iconv.decode(Buffer.from(AR), 'windows-1252'), 'utf8'), /mis-decoded: UTF-8 read as Windows-1252.*"Ø§Ù„/],
    ['UTF-8 English read as 1252, saved as UTF-8', bytes(iconv.decode(Buffer.from(EN), 'windows-1252'), 'utf8'), /mis-decoded: UTF-8 read as/],
    ['1256 Arabic read as Latin-1, saved as UTF-8', bytes(iconv.decode(iconv.encode(AR, 'windows-1256'), 'latin1'), 'utf8'), /mis-decoded: Windows-1256 Arabic read as Latin-1/],
  ])('refuses %s', (_, input, message) => {
    expect(() => decodeBytes(input)).toThrow(message);
  });

  it('does not take real accented text or a stray pair for mojibake', () => {
    expect(mojibakeOf('Zürich, São Paulo, Øresund, Ångström, «déjà vu»: naïve façade.')).toBeNull();
    expect(mojibakeOf(AR + 'ÂŒ once.')).toBeNull();
  });
});

describe('extractHtmlText', () => {
  it('keeps blocks as lines and drops markup, scripts, styles and the head', () => {
    const html = `<!doctype html><html><head><title>Site | Story</title><style>p { color: red }</style>
      <script>document.write("<p>no</p>")</script></head><body><nav><ul><li>Home</li><li>World</li></ul></nav>
      <article><h1>Talks  in
      Moscow</h1><p>Putin met <b>Hollande</b> on Thursday.<br>They spoke &amp; ate.</p><div>A <i>div</i> block</div>
      <noscript>Enable JS</noscript><p>Tom &lt;3 &#x627;&#1604;</p></article></body></html>`;
    expect(extractHtmlText(html)).toBe('Home\nWorld\nTalks in Moscow\nPutin met Hollande on Thursday.\nThey spoke & ate.\nA div block\nTom <3 ال\n');
  });

  it('copes with unclosed tags as browsers do', () => {
    expect(extractHtmlText('<p>One.<p>Two.<li>Three')).toBe('One.\nTwo.\nThree\n');
  });
});
