/**
 * The lines of `mizan batch --stdin`, with --max-input enforced while a line is read rather than
 * after: a distributed engine may hand over a 2 GB record, and holding it to find out it is too
 * big would take the worker down. Each line is a JSON record; a small state machine follows its
 * strings byte by byte and counts each string's decoded UTF-8 size (an escape such as \u0628 counts
 * the bytes it stands for, so Python's ensure_ascii output is measured like raw UTF-8). As soon as
 * one string passes the limit, what was kept of the line is dropped and the rest is skipped up to
 * its newline: memory stays at about the limit whatever the line's length. A raw newline cannot
 * occur inside a JSON string, so it always ends a record.
 */

export type StreamLine = { kind: 'line'; text: string } | { kind: 'too-large'; id: string | number | null };

/** Kept of a refused line to find its "id" in, when the id comes before the oversize text (it usually does). */
const HEAD_BYTES = 64 * 1024;

const State = { Out: 0, InString: 1, Escape: 2, Unicode: 3 } as const;
type State = (typeof State)[keyof typeof State];

/** UTF-8 bytes of the code unit a \uXXXX escape gives (a surrogate half counts 2, a pair 4). */
const escapedBytes = (unit: number) => (unit < 0x80 ? 1 : unit < 0x800 ? 2 : unit >= 0xd800 && unit <= 0xdfff ? 2 : 3);

function idOf(head: string): string | number | null {
  const m = /"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)/.exec(head);
  if (!m) return null;
  try {
    return JSON.parse(m[1]!) as string | number;
  } catch {
    return null;
  }
}

/**
 * Splits bytes into lines, refusing any line with a JSON string over `limit` decoded bytes.
 * Push chunks in order; each push returns the lines it completed; `end` returns the last one.
 */
export class BoundedLineSplitter {
  private parts: Buffer[] = [];
  private kept = 0;
  private head: Buffer | null = null;
  private skipping = false;
  private state: State = State.Out;
  private stringBytes = 0;
  private hex = 0;
  private hexDigits = 0;

  constructor(private readonly limit: number) {}

  push(chunk: Buffer): StreamLine[] {
    const out: StreamLine[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === 0x0a) {
        this.take(chunk.subarray(start, i));
        out.push(this.finish());
        start = i + 1;
        continue;
      }
      if (this.skipping) continue;
      switch (this.state) {
        case State.Out:
          if (b === 0x22) {
            this.state = State.InString;
            this.stringBytes = 0;
          }
          continue;
        case State.InString:
          if (b === 0x22) this.state = State.Out;
          else if (b === 0x5c) this.state = State.Escape;
          else this.stringBytes++;
          break;
        case State.Escape:
          if (b === 0x75) {
            this.state = State.Unicode;
            this.hex = 0;
            this.hexDigits = 0;
            continue;
          }
          this.state = State.InString;
          this.stringBytes++;
          break;
        case State.Unicode: {
          const digit = b <= 0x39 ? b - 0x30 : (b | 0x20) - 0x57;
          this.hex = this.hex * 16 + digit;
          if (++this.hexDigits < 4) continue;
          this.state = State.InString;
          this.stringBytes += escapedBytes(this.hex);
          break;
        }
      }
      if (this.stringBytes > this.limit) {
        // Keep the first bytes (for the id), drop the rest, skip to the newline.
        let headBytes = 0;
        const head: Buffer[] = [];
        for (const part of [...this.parts, chunk.subarray(start, i + 1)]) {
          if (headBytes >= HEAD_BYTES) break;
          head.push(part.subarray(0, HEAD_BYTES - headBytes));
          headBytes += head[head.length - 1]!.length;
        }
        this.head = Buffer.concat(head);
        this.skipping = true;
        this.parts = [];
        this.kept = 0;
      }
    }
    this.take(chunk.subarray(start));
    return out;
  }

  /** The last line, when the input does not end with a newline. */
  end(): StreamLine[] {
    return this.kept > 0 || this.skipping ? [this.finish()] : [];
  }

  private take(bytes: Buffer): void {
    if (bytes.length === 0 || this.skipping) return;
    // Copied: the stream may reuse its chunk's memory.
    this.parts.push(Buffer.from(bytes));
    this.kept += bytes.length;
  }

  private finish(): StreamLine {
    const line: StreamLine = this.skipping
      ? { kind: 'too-large', id: idOf((this.head ?? Buffer.alloc(0)).toString('utf8')) }
      : { kind: 'line', text: Buffer.concat(this.parts, this.kept).toString('utf8').replace(/\r$/, '') };
    this.parts = [];
    this.kept = 0;
    this.head = null;
    this.skipping = false;
    this.state = State.Out;
    this.stringBytes = 0;
    return line;
  }
}

/** The lines of `input`, as `BoundedLineSplitter` gives them, read as the consumer asks for them. */
export async function* boundedLines(input: AsyncIterable<Buffer | string>, limit: number): AsyncGenerator<StreamLine> {
  const splitter = new BoundedLineSplitter(limit);
  for await (const chunk of input) yield* splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  yield* splitter.end();
}
