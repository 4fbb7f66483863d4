/**
 * TMX 1.4b (LISA/GALA, "Translation Memory eXchange"), the format translation-memory tools read.
 * The header carries the attributes the specification requires (creationtool, creationtoolversion,
 * segtype, o-tmf, adminlang, srclang, datatype); each exported bead is one <tu> whose <prop>s, of
 * user-defined "x-" types as §3.4 allows, keep mizan's flag, review status and confidence. Props
 * come before the <tuv>s, as the content model of <tu> requires.
 */
import type { Alignment } from '../core/types.js';
import { exportedBeads, sideText, type ExportOptions } from './export-filter.js';

export interface TmxOptions extends ExportOptions {
  /** ISO 8601 time of writing; TMX wants the basic form YYYYMMDDThhmmssZ. */
  created: string;
  toolVersion: string;
}

/**
 * Characters XML 1.0 forbids even as references (C0 controls other than tab, LF, CR; lone
 * surrogates; U+FFFE/U+FFFF) are dropped: they cannot be written, and carry no text.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** DEL, C1 and the bidi controls are allowed in XML but would act on a terminal showing the file: written as references, read back the same. */
const AS_REFERENCE = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(AS_REFERENCE, (ch) => `&#x${ch.charCodeAt(0).toString(16).toUpperCase()};`);
}

const tmxDate = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

export function formatTmx(alignment: Alignment, options: TmxOptions): string {
  const { source, target } = alignment;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="mizan" creationtoolversion="${escapeXml(options.toolVersion)}" segtype="sentence" ` +
      `o-tmf="mizan" adminlang="en" srclang="${source.lang}" datatype="plaintext" creationdate="${tmxDate(options.created)}"/>`,
    '  <body>',
  ];
  exportedBeads(alignment, options).forEach((bead, k) => {
    lines.push(`    <tu tuid="${k + 1}">`);
    lines.push(`      <prop type="x-mizan-flag">${bead.flag}</prop>`);
    lines.push(`      <prop type="x-mizan-status">${bead.status}</prop>`);
    lines.push(`      <prop type="x-mizan-score">${bead.score.toFixed(4)}</prop>`);
    // A one-sided bead gives a <tu> with one <tuv>: valid TMX, though some tools skip such units.
    for (const [side, lang] of [['source', source.lang], ['target', target.lang]] as const) {
      if (bead[side].length > 0) lines.push(`      <tuv xml:lang="${lang}"><seg>${escapeXml(sideText(alignment, bead, side))}</seg></tuv>`);
    }
    lines.push('    </tu>');
  });
  lines.push('  </body>', '</tmx>');
  return lines.join('\n') + '\n';
}

export interface TmxUnit {
  tuid?: string;
  /** Segment text by language code as written (xml:lang, or lang in TMX 1.1). */
  variants: Record<string, string>;
  props: Record<string, string>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

function attribute(attributes: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return m ? decode(m[1] ?? m[2] ?? '') : undefined;
}

/**
 * The text of a <seg>: CDATA kept as it is; the native codes of inline elements that stand for
 * formatting (<bpt>, <ept>, <it>, <ph>, <ut>) dropped with their content, since they are markup
 * of the original file, not text; other inline tags (<hi>, <sub>) dropped, their text kept.
 */
function segText(inner: string): string {
  const parts = inner.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/);
  return parts
    .map((part) =>
      part.startsWith('<![CDATA[')
        ? part.slice(9, -3)
        : decode(part.replace(/<(bpt|ept|it|ph|ut)\b[^>]*>[\s\S]*?<\/\1>|<(bpt|ept|it|ph|ut)\b[^>]*\/>/g, '').replace(/<[^>]+>/g, '')),
    )
    .join('');
}

/** mizan's TMX reader: enough of TMX 1.1–1.4b to read translation units from files other tools write. */
export function parseTmx(xml: string): TmxUnit[] {
  const units: TmxUnit[] = [];
  for (const tu of xml.matchAll(/<tu\b([^>]*)>([\s\S]*?)<\/tu>/g)) {
    const body = tu[2]!;
    const props: Record<string, string> = {};
    for (const prop of body.matchAll(/<prop\b([^>]*)>([\s\S]*?)<\/prop>/g)) {
      const type = attribute(prop[1]!, 'type');
      if (type !== undefined) props[type] = decode(prop[2]!);
    }
    const variants: Record<string, string> = {};
    for (const tuv of body.matchAll(/<tuv\b([^>]*)>([\s\S]*?)<\/tuv>/g)) {
      const lang = attribute(tuv[1]!, 'xml:lang') ?? attribute(tuv[1]!, 'lang');
      const seg = /<seg\b[^>]*>([\s\S]*?)<\/seg>/.exec(tuv[2]!);
      if (lang !== undefined && seg) variants[lang] = segText(seg[1]!);
    }
    const tuid = attribute(tu[1]!, 'tuid');
    units.push(tuid === undefined ? { variants, props } : { tuid, variants, props });
  }
  return units;
}
