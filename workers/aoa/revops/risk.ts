/**
 * Which open deals are at risk: high when a big deal (top quartile of the open amounts in its currency) scores
 * low, or when its close date slipped at least twice; medium when it scores low or is past its close date.
 */
import { NO_CURRENCY } from "./forecast";
import type { DealScore } from "./score";

export const LOW_SCORE = 30;
export const REPEATED_SLIPS = 2;

export type Risk = "high" | "medium" | null;

/** The smallest amount in the top quartile of each currency's open deal amounts (nearest rank). */
function bigAmountThresholds(scores: readonly DealScore[]): Map<string, number> {
  const amounts = new Map<string, number[]>();
  for (const s of scores) if (s.amount !== null) amounts.set(s.currency ?? NO_CURRENCY, [...(amounts.get(s.currency ?? NO_CURRENCY) ?? []), s.amount]);
  return new Map(
    [...amounts.entries()].map(([currency, values]) => {
      const sorted = values.sort((a, b) => a - b);
      return [currency, sorted[Math.ceil(sorted.length * 0.75) - 1]!];
    }),
  );
}

export function riskAssessor(scores: readonly DealScore[]): (score: DealScore) => Risk {
  const thresholds = bigAmountThresholds(scores);
  return (s) => {
    const threshold = thresholds.get(s.currency ?? NO_CURRENCY);
    const big = s.amount !== null && threshold !== undefined && s.amount >= threshold;
    if ((big && s.score < LOW_SCORE) || s.slips.count >= REPEATED_SLIPS) return "high";
    if (s.score < LOW_SCORE || (s.days_past_close !== null && s.days_past_close > 0)) return "medium";
    return null;
  };
}
