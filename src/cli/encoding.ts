/**
 * Which encoding a user's file is in, and its text. mizan reads UTF-8 (with or without a BOM),
 * UTF-16 LE/BE with a BOM, the two legacy Arabic code pages, Windows-1256 and ISO-8859-6, and,
 * for the English side, Windows-1252 / ISO-8859-1 (decoded with iconv-lite); an HTML page may
 * also declare its own (`<meta charset>`, see `declaredCharset`). Anything else is refused with the encoding it looks like, because
 * aligning mis-decoded text silently produces nonsense; so is text that was mis-decoded once
 * already and saved again (mojibake, see `mojibakeOf`).
 *
 * Telling 1256 from 8859-6: both put the Arabic letters ء..ض at 0xC1..0xD6 but differ above, so
 * each reading of the other's bytes shows tell-tale faults. 8859-6 read as 1256 puts Latin letters
 * (à â ç è é ê) inside Arabic words (its ق ه و ى ي); 1256 read as 8859-6 hits bytes 8859-6 leaves
 * undefined (its غ ـ ف ق ك at 0xDB..0xDF, ، at 0xA1) and puts tanween inside words (its ى ي). We
 * decode both ways and keep the reading with fewer faults per Arabic letter; bench/encodings.ts
 * measures this on FLORES and TICO sentences.
 */
import iconv from 'iconv-lite';

/** What mizan sniffs; an HTML page's own declaration may name another (iconv-lite's name for it). */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'iso-8859-6' | 'windows-1252' | 'iso-8859-1' | (string & {});

export interface Decoded {
  text: string;
  encoding: Encoding;
}

/** Why a file cannot be read as text; the caller prefixes the path. */
export class EncodingError extends Error {
  override name = 'EncodingError';
}

const SNIFF_BYTES = 8192;

const isArabicLetter = (c: number) => (c >= 0x0621 && c <= 0x064a && c !== 0x0640) || (c >= 0x0671 && c <= 0x06d3);
const isTanween = (c: number) => c >= 0x064b && c <= 0x064d;
const isLatin1Letter = (c: number) => c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7;

/** Faults of one reading (see the module comment) and its Arabic letters. */
export function readingFaults(text: string): { faults: number; arabic: number } {
  let faults = 0;
  let arabic = 0;
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c >= 0x80 && c <= 0x9f)) faults++;
    else if (isArabicLetter(c)) {
      arabic++;
      if (isLatin1Letter(previous)) faults++;
      // Tanween ends a word; only fathatan may stand before the alef that carries it (شكراً / شكرًا).
      if (isTanween(previous) && !(previous === 0x064b && c === 0x0627)) faults++;
    } else if (isLatin1Letter(c) && isArabicLetter(previous)) faults++;
    previous = c;
  }
  return { faults, arabic };
}

/** Most legacy Arabic files hold some Latin letters (names, URLs); a reading whose faults stay under this share of its Arabic letters is sound. */
const MAX_FAULT_SHARE = 0.02;

/** The definite article opening a word: the commonest letter pair of Arabic, read right only in the right encoding. */
const ARTICLE = /(?<!\p{L})ال/gu;

function legacyArabic(bytes: Uint8Array): Decoded | null {
  let best: (Decoded & { share: number; articles: number }) | null = null;
  for (const encoding of ['windows-1256', 'iso-8859-6'] as const) {
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
    const { faults, arabic } = readingFaults(text);
    if (arabic === 0) continue;
    const share = faults / arabic;
    // A short text may read fault-free both ways (its letters all among those the two share or swap); the article decides.
    const articles = text.match(ARTICLE)?.length ?? 0;
    if (!best || share < best.share || (share === best.share && articles > best.articles)) best = { text, encoding, share, articles };
  }
  // One fault is allowed in a short text (a stray byte), beyond that the share decides.
  if (!best || (best.share > MAX_FAULT_SHARE && best.share * countArabic(best.text) > 1)) return null;
  return { text: best.text, encoding: best.encoding };
}

function countArabic(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isArabicLetter(text.charCodeAt(i))) n++;
  return n;
}

/** Bytes that Windows-1252 leaves undefined; text without them and with high bytes reads as Western European. */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
/** Letters Windows-1252 adds in 0x80..0x9F: Š š Œ œ Ž ž Ÿ ƒ. */
const isLatinLetter = (c: number) => isAsciiLetter(c) || isLatin1Letter(c) || [0x160, 0x161, 0x152, 0x153, 0x17d, 0x17e, 0x178, 0x192].includes(c);
/** Typographic marks of 1252 (quotes, dashes, ellipsis, bullet, €, ™, …) and the Latin-1 signs (NBSP to ¿, ×, ÷). */
const isWesternSign = (c: number) => (c >= 0xa0 && c <= 0xbf) || c === 0xd7 || c === 0xf7 || (c >= 0x2013 && c <= 0x2122) || c === 0x02c6 || c === 0x02dc || c === 0x20ac;

/**
 * The bytes as Western European text (Windows-1252, the superset of ISO-8859-1 that every browser
 * decodes "latin1" as), or null when they do not read as such: a byte 1252 leaves undefined, or
 * accented letters standing outside words. Named ISO-8859-1 when no byte uses 1252's additions.
 */
function westernEuropean(bytes: Uint8Array): Decoded | null {
  if (bytes.some((b) => UNDEFINED_1252.has(b))) return null;
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252');
  let high = 0;
  let stray = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    high++;
    const inWord = isLatinLetter(text.charCodeAt(i - 1)) || isLatinLetter(text.charCodeAt(i + 1));
    if (!(isWesternSign(c) || (isLatinLetter(c) && inWord))) stray++;
  }
  if (high === 0 || stray > Math.max(1, high * 0.05)) return null;
  return { text, encoding: bytes.some((b) => b >= 0x80 && b <= 0x9f) ? 'windows-1252' : 'iso-8859-1' };
}

/** Arabic letters among the letters of a reading: a legacy Arabic file is mostly Arabic; 1252 English read as 8859-6 is not. */
function arabicShare(text: string): number {
  let arabic = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isArabicLetter(c)) arabic++;
    else if (isAsciiLetter(c)) latin++;
  }
  return arabic / Math.max(1, arabic + latin);
}

/** Below this share of Arabic letters, a text that also reads as Western European is taken as that. */
const MIN_ARABIC_SHARE = 0.25;


/** UTF-16 without a BOM shows up as zero bytes at every other position (ASCII, spaces, digits). */
function utf16WithoutBom(bytes: Uint8Array): 'LE' | 'BE' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (pairs < 2) return null;
  if (odd > pairs * 0.1 && even === 0) return 'LE';
  if (even > pairs * 0.1 && odd === 0) return 'BE';
  return null;
}

const ACCEPTED = 'mizan reads UTF-8, UTF-16 with a BOM, Windows-1256, ISO-8859-6 and Windows-1252 / ISO-8859-1';

/**
 * UTF-8 Arabic read as Windows-1252 or Latin-1 and saved again turns each letter into two: the lead
 * byte 0xD8..0xDB as Ø Ù Ú Û, then a continuation byte 0x80..0xBF as one of the 1252 symbols or
 * Latin-1 signs ("Ø§Ù„" for "ال"). English gets "â€™" for ’ and "Ã©" for é the same way. 1256
 * Arabic read as Latin-1 gives whole words of accented capitals and small letters ("ÇáÚÑÈíÉ").
 */
const CONTINUATION = '\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122';
const UTF8_AS_1252 = new RegExp(`[\u00c2-\u00df][${CONTINUATION}]|\u00e2\u20ac[${CONTINUATION}]`, 'g');
const ARABIC_1256_AS_LATIN1 = /(?<![\p{L}])[\u00c0-\u00ff]{4,}(?![\p{L}])/gu;

/** A description of the mojibake in `text`, or null when there is none to speak of. */
export function mojibakeOf(text: string): string | null {
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) nonAscii++;
  if (nonAscii === 0) return null;
  const pairs = text.match(UTF8_AS_1252) ?? [];
  // Each mis-decoded character became two or three; a few stray pairs in real text ("Ø¼") do not count.
  if (pairs.length >= 2 && (pairs.length * 2) / nonAscii >= 0.2) {
    return `looks mis-decoded: UTF-8 read as Windows-1252/Latin-1 and saved again ("${pairs.slice(0, 2).join('')}…"); decode it from the original file, or undo it with iconv -f UTF-8 -t WINDOWS-1252`;
  }
  const words = text.match(ARABIC_1256_AS_LATIN1) ?? [];
  if (words.length >= 2 && words.join('').length / nonAscii >= 0.5) {
    return `looks mis-decoded: Windows-1256 Arabic read as Latin-1 and saved again ("${words[0]}"); decode it from the original file`;
  }
  return null;
}

/**
 * The charset an HTML page declares in its first 1024 bytes (`<meta charset="…">` or the
 * `http-equiv="Content-Type"` form), as iconv-lite names it; null when none, or one iconv-lite
 * does not know. As the WHATWG encoding sniffing does: Latin-1 and ASCII mean Windows-1252, and a
 * UTF-16 declaration (impossible in bytes that read as ASCII) means UTF-8.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  const m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  if (!m) return null;
  const name = m[1]!.toLowerCase();
  if (/^(?:latin-?1|iso-?8859-1|iso_8859-1|l1|us-ascii|ascii|cp819|ibm819|windows-1252|cp1252|x-cp1252)$/.test(name)) return 'windows-1252';
  if (/^(?:utf-?8|unicode-1-1-utf-8|utf-?16(?:le|be)?)$/.test(name)) return 'utf-8';
  return iconv.encodingExists(name) ? name : null;
}

/**
 * The text of a file's bytes, or an EncodingError saying what they look like. A byte-order mark
 * decides first; then `declared`, an HTML page's own charset (`declaredCharset`); then sniffing.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string | null): Decoded {
  let decoded: Decoded;
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (declared && declared !== 'utf-8' && !hasBom) {
    decoded = { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), declared), encoding: declared };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
    throw new EncodingError(`is UTF-32 (little-endian); ${ACCEPTED}: convert it with iconv -f UTF-32 -t UTF-8`);
  } else if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) {
    throw new EncodingError(`is UTF-32 (big-endian); ${ACCEPTED}: convert it with iconv -f UTF-32 -t UTF-8`);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  } else if (bytes.subarray(0, SNIFF_BYTES).includes(0)) {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) throw new EncodingError(`looks like UTF-16${utf16} without a byte-order mark; save it as UTF-8 (or with a BOM)`);
    throw new EncodingError('looks like a binary file, not text');
  } else {
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
    } catch {
      // Arabic first, unless the Arabic reading is mostly Latin: English with a few accents read as 8859-6 gains stray letters.
      const legacy = legacyArabic(bytes);
      const western = legacy && arabicShare(legacy.text) >= MIN_ARABIC_SHARE ? null : westernEuropean(bytes);
      const chosen = western ?? legacy;
      if (!chosen) throw new EncodingError(`is not valid UTF-8 and is in another 8-bit encoding; ${ACCEPTED} (convert it first, e.g. iconv -f CP1250 -t UTF-8)`);
      decoded = chosen;
    }
  }
  const mojibake = mojibakeOf(decoded.text);
  if (mojibake) throw new EncodingError(mojibake);
  return decoded;
}
