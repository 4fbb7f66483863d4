/**
 * The one result type of mizan. A `Bead` links a run of source segments to a run of target
 * segments (either run may be empty); an `Alignment` is the beads of two segmented texts in
 * document order. The aligner produces it, the review reducer edits it, the exporters and the
 * scorer read it.
 */

export type Lang = 'ar' | 'en';

/** One sentence (or one presplit line) with its place in the original text. */
export interface Segment {
  /** 0-based position among the segments of its text. */
  index: number;
  /** The segment as it stands in the input, trimmed; whitespace runs may be collapsed. */
  text: string;
  /** 0-based paragraph number. */
  paragraph: number;
  /** UTF-16 offsets of the segment in the original text: text === original.slice(start, end) up to whitespace. */
  start: number;
  end: number;
}

export interface SegmentedText {
  lang: Lang;
  segments: Segment[];
  /**
   * 'edited' once a segment was split or joined after segmentation (core/segment-edit.ts): the
   * segments are no longer what the segmenter makes of the input, though their spans stay exact.
   * Absent means as segmented.
   */
  segmentation?: Segmentation;
}

export type Segmentation = 'input' | 'edited';

export type Flag = 'aligned' | 'source-only' | 'target-only' | 'boilerplate';
export type Status = 'auto' | 'confirmed' | 'edited';

export interface Bead {
  /** Indices of source segments, ascending and contiguous; empty for a target-only bead. */
  source: number[];
  /** Indices of target segments, ascending and contiguous; empty for a source-only bead. */
  target: number[];
  flag: Flag;
  /** Confidence in [0, 1] that the bead is right as it stands. */
  score: number;
  status: Status;
}

export interface Alignment {
  source: SegmentedText;
  target: SegmentedText;
  beads: Bead[];
}

/** A bead in the bare shape the scorer and ladder format use: indices only. */
export interface LadderBead {
  source: number[];
  target: number[];
  score?: number;
}
