/**
 * Partial coverage inside aligned beads: the words of one side with no counterpart anywhere on the
 * other side of the bead, by the aligner's own test (score/cells.ts: a word is matched when one of
 * the ids it stands for — a lexicon translation, a name skeleton, a number or date value — occurs
 * on the other side). Runs of unmatched content words become character spans; function words and
 * punctuation inside a run stay in it and never start or end one, so a span reads as a clause.
 * A lone unmatched word is more often a gap in the lexicon or a paraphrase than a dropped clause,
 * so a span needs `minWords` content words (2 unless told).
 */
import { hasCounterpart, idsOf, type Word } from '../score/word-evidence.js';

export interface UncoveredSpan {
  /** UTF-16 offsets in the sentence text. */
  start: number;
  end: number;
  text: string;
  /** Unmatched content words in the span. */
  words: number;
}

export interface SentenceMatch {
  /** Content words (words the tokenizer keeps) and how many found a counterpart in the bead. */
  content: number;
  matched: number;
  spans: UncoveredSpan[];
}

/** Each sentence of `mine` against all the words of `theirs`, the other side of one bead. */
export function matchSentences(mine: readonly (readonly Word[])[], texts: readonly string[], theirs: readonly (readonly Word[])[], minWords = 2): SentenceMatch[] {
  const other = idsOf(theirs);
  return mine.map((words, s) => {
    const text = texts[s]!;
    const spans: UncoveredSpan[] = [];
    let run: Word[] = [];
    let content = 0;
    let matched = 0;
    const close = () => {
      if (run.length >= minWords) {
        const start = run[0]!.start;
        const end = run[run.length - 1]!.end;
        spans.push({ start, end, text: text.slice(start, end), words: run.length });
      }
      run = [];
    };
    for (const word of words) {
      if (word.key === null) continue;
      content++;
      if (hasCounterpart(word, other)) {
        matched++;
        close();
      } else {
        run.push(word);
      }
    }
    close();
    return { content, matched, spans };
  });
}
