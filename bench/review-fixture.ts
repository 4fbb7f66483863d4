/**
 * What the review benchmarks share: a large alignment made of the bundled seed alignment's beads
 * (real bead texts, real Arabic), and a simulated terminal and keyboard that drive Ink as
 * `mizan review` does and tell when each frame is written.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/cli/resources.js';
import type { Alignment, Bead, Segment } from '../src/core/types.js';
import { parseAlignmentFile } from '../src/formats/alignment-file.js';

/** The seed alignment's beads, repeated with fresh segment numbers until there are `count` beads. */
export function largeAlignment(count: number): Alignment {
  const seed = parseAlignmentFile(readFileSync(join(packageRoot(), 'alignments/dawn-eremnews.json'), 'utf8')).alignment;
  const source: Segment[] = [];
  const target: Segment[] = [];
  const beads: Bead[] = [];
  const copy = (from: Segment, into: Segment[], round: number, paragraphs: number) => {
    into.push({ ...from, index: into.length, paragraph: from.paragraph + round * paragraphs });
    return into.length - 1;
  };
  const sourceParagraphs = seed.source.segments.at(-1)!.paragraph + 1;
  const targetParagraphs = seed.target.segments.at(-1)!.paragraph + 1;
  for (let round = 0; beads.length < count; round++) {
    for (const bead of seed.beads) {
      if (beads.length === count) break;
      // Unreviewed, as the aligner leaves them, so that confirming changes every frame.
      beads.push({
        ...bead,
        status: 'auto',
        source: bead.source.map((i) => copy(seed.source.segments[i]!, source, round, sourceParagraphs)),
        target: bead.target.map((j) => copy(seed.target.segments[j]!, target, round, targetParagraphs)),
      });
    }
  }
  return { source: { lang: seed.source.lang, segments: source }, target: { lang: seed.target.lang, segments: target }, beads };
}

export class FakeTerminal extends EventEmitter {
  isTTY = true;
  frames = 0;
  private waiter: (() => void) | null = null;
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }
  write = (_frame: string) => {
    this.frames++;
    this.waiter?.();
    this.waiter = null;
    return true;
  };
  /** The next frame written; a key that redraws nothing would wait forever, so that is an error. */
  nextFrame(what: string, ms = 5_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no frame was drawn after ${what}`)), ms);
      this.waiter = () => (clearTimeout(timer), resolve());
    });
  }
}

export class FakeKeyboard extends EventEmitter {
  isTTY = true;
  private pending: string | null = null;
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => {
    const data = this.pending;
    this.pending = null;
    return data;
  };
  press(data: string) {
    this.pending = data;
    this.emit('readable');
  }
}
