/**
 * Reads what `mizan eval --json` prints (src/cli/eval.ts): the pooled EvalResult of src/eval/score.ts
 * with its raw counts, `{strict, lax, oneSided: {precision, recall, f1}, documents, goldBeads,
 * testBeads, counts}`. Anything else is an error: the bench has no scorer of its own to fall back on.
 */
import type { EvalCounts, EvalResult, Prf } from '../src/eval/score.js';

export type BeadScores = Pick<EvalResult, 'strict' | 'lax' | 'oneSided'>;
export type EvalJson = EvalResult & { counts: EvalCounts };

export const MEASURES = ['strict', 'lax', 'oneSided'] as const;

const isPrf = (value: unknown): value is Prf =>
  typeof value === 'object' &&
  value !== null &&
  (['precision', 'recall', 'f1'] as const).every((k) => typeof (value as Record<string, unknown>)[k] === 'number');

/** The parsed output; throws a one-line Error when it is not JSON of that layout. */
export function readEvalJson(text: string): EvalJson {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`mizan eval --json printed no JSON (${(error as Error).message})`);
  }
  const result = parsed as Partial<Record<string, unknown>> | null;
  if (typeof result !== 'object' || result === null) throw new Error('mizan eval --json printed no JSON object');
  for (const m of MEASURES) {
    if (!isPrf(result[m])) throw new Error(`mizan eval --json has no ${m}.precision/recall/f1`);
  }
  if (typeof result.documents !== 'number') throw new Error('mizan eval --json has no documents count');
  return parsed as EvalJson;
}
