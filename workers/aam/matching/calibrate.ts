/**
 * Raw evidence → calibrated probability. A logistic curve in the chosen option's raw score and its margin over the
 * runner-up (monotone in both). The constants were set by hand while reading the dev set's and our holdouts'
 * scores (`npm run eval:matching`), not fitted; the default threshold keeps auto-applied matches above 99 % right
 * on the dev set while applying most mappable fields.
 */

/** Raw score below which no target is proposed: the field stays in extras. */
export const NULL_FLOOR = 0.34;

/** Confidence at or above which a match is applied without review, unless the tenant chose otherwise. */
export const DEFAULT_AUTO_APPLY_THRESHOLD = 0.9;

/** Whether a confidence is applied without review; a threshold of 1 means a person approves every change. */
export const autoApplies = (confidence: number, threshold: number): boolean => threshold < 1 && confidence >= threshold;

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Probability that a proposed target is right, from its raw score and its lead over the next option. */
export function targetConfidence(score: number, margin: number): number {
  return logistic(9 * (score - 0.5) + 7 * Math.max(0, margin) - 0.2);
}

/** Probability that keeping the field in extras is right, from how far its best target stays under the floor. */
export function extrasConfidence(bestScore: number): number {
  return logistic(14 * (NULL_FLOOR - bestScore) + 1.6);
}
