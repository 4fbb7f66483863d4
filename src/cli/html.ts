/**
 * The article text of an HTML page, for aligning saved web pages directly. htmlparser2 tokenises
 * the page as browsers do (implied end tags, entities, raw text in script/style); its text then
 * becomes plain lines: each block (p, h1-h6, li, div, br, td, blockquote, …) a line of its own, so
 * every paragraph is one segmenter paragraph, whitespace inside a block collapsed to single spaces
 * as a browser renders it. Scripts, styles, the head and other non-content elements are dropped.
 * Site chrome that is text (menus, footers) is kept: the boilerplate detector flags it, as it does
 * in plain text, and nothing of the page's text is silently lost.
 *
 * Segment spans (`start`/`end`) then point into this extracted text, not into the HTML bytes;
 * the saved alignment stores that text's segments, so it stays self-contained.
 */
import { Parser } from 'htmlparser2';

/** Elements whose content is not page text at all. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math', 'canvas', 'iframe', 'object', 'select', 'option', 'button']);

/** Elements that start and end a line of their own. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** The page's text, one block a line, ending in a newline when there is any text. */
export function extractHtmlText(html: string): string {
  const lines: string[] = [];
  let line = '';
  let dropped = 0;
  const endLine = () => {
    const text = line.replace(/\s+/g, ' ').trim();
    if (text !== '') lines.push(text);
    line = '';
  };
  const parser = new Parser(
    {
      onopentagname(name) {
        if (DROPPED.has(name)) dropped++;
        else if (dropped === 0 && (BLOCKS.has(name) || name === 'br')) endLine();
      },
      onclosetag(name) {
        if (DROPPED.has(name)) dropped = Math.max(0, dropped - 1);
        else if (dropped === 0 && BLOCKS.has(name)) endLine();
      },
      ontext(text) {
        if (dropped === 0) line += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  endLine();
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** By name (.html/.htm) or, for a page saved without one, by its first tag. */
export function isHtml(path: string, text: string): boolean {
  return /\.x?html?$/i.test(path) || /^\s*(<!--[^]*?-->\s*)*<(!doctype\s+html|html[\s>])/i.test(text.slice(0, 4096));
}
