/**
 * Which encoding a user's file is in, and its text. mizan reads UTF-8 (with or without a BOM),
 * UTF-16 LE/BE with a BOM, and the two legacy Arabic code pages, Windows-1256 and ISO-8859-6
 * (decoded with iconv-lite). Anything else is refused with the encoding it looks like, because
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

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'iso-8859-6';

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

/** What a file that is none of the accepted encodings looks like, for the refusal. */
function describeUnknown(bytes: Uint8Array): string {
  const high = bytes.filter((b) => b >= 0x80);
  if (high.length > 0 && !high.some((b) => UNDEFINED_1252.has(b))) {
    return 'looks like Windows-1252 / Latin-1 (Western European) text';
  }
  return 'is in an unknown 8-bit encoding';
}

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

const ACCEPTED = 'mizan reads UTF-8, UTF-16 with a BOM, Windows-1256 and ISO-8859-6';

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

/** The text of a file's bytes, or an EncodingError saying what they look like. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  let decoded: Decoded;
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
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
      const legacy = legacyArabic(bytes);
      if (!legacy) throw new EncodingError(`is not valid UTF-8 and ${describeUnknown(bytes)}; ${ACCEPTED} (convert it first, e.g. iconv -f WINDOWS-1252 -t UTF-8)`);
      decoded = legacy;
    }
  }
  const mojibake = mojibakeOf(decoded.text);
  if (mojibake) throw new EncodingError(mojibake);
  return decoded;
}
