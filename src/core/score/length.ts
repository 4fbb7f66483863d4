/**
 * Length evidence after Gale & Church (1993): the target length of a translation is roughly
 * proportional to the source length, with variance growing with length. The ratio c is estimated
 * from the pair itself (total target characters over total source characters), because
 * Arabic/English ratios vary with script, orthography and translator.
 */
const VARIANCE = 6.8; // Gale & Church's s² for character lengths
const MAX_COST = 10;

/** erfc by Abramowitz & Stegun 7.1.26 (error < 1.5e-7): enough for a cost. */
function erfc(x: number): number {
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return poly * Math.exp(-x * x);
}

/** −log P(|δ| this large) for the two lengths, capped; 0 when both are empty. */
export function lengthCost(sourceChars: number, targetChars: number, ratio: number): number {
  if (sourceChars === 0 && targetChars === 0) return 0;
  const mean = (ratio * sourceChars + targetChars) / 2;
  const delta = (targetChars - ratio * sourceChars) / Math.sqrt(VARIANCE * Math.max(mean, 1));
  const p = erfc(Math.abs(delta) / Math.SQRT2);
  return p <= Math.exp(-MAX_COST) ? MAX_COST : -Math.log(p);
}

export function estimateRatio(sourceChars: readonly number[], targetChars: readonly number[]): number {
  const s = sourceChars.reduce((a, b) => a + b, 0);
  const t = targetChars.reduce((a, b) => a + b, 0);
  return s > 0 && t > 0 ? t / s : 1;
}
