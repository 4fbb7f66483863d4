/**
 * What mizan tells a person on stderr. Every such line goes through `say`, which makes what it
 * quotes (paths, ids, input text) inert (core/text/inert.ts), so a file named with an escape
 * sequence cannot recolour or retitle the terminal it is reported on.
 */
import { terminalText } from '../core/text/inert.js';

/** Whether a stream is a person's terminal that takes colour: a TTY, and NO_COLOR (no-color.org) unset. */
export function colorOn(stream: { isTTY?: boolean }): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR;
}

/** `mizan: LINE` on stderr, made inert (its symbols dimmed on a colour terminal). */
export function say(line: string): void {
  process.stderr.write(`mizan: ${terminalText(line, colorOn(process.stderr))}\n`);
}
