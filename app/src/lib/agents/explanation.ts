/** A finding's explanation as a small table of factors with effect bars, scaled within the finding. */
import { formatValue, humanize } from "./format";
import type { Factor } from "./types";

export interface FactorBar {
  factor: string;
  label: string;
  value: string;
  effect: number;
  detail: string;
  /** |effect| over the finding's largest |effect|: 0..1 (0 for every factor when all effects are 0) */
  share: number;
  direction: "up" | "down" | "none";
}

/**
 * Effects are in each pilot's own unit (log-odds of winning for a deal, currency for a cost), so bars compare the
 * factors of one finding only, never across findings.
 */
export function factorBars(factors: readonly Factor[]): FactorBar[] {
  const largest = Math.max(0, ...factors.map((f) => Math.abs(f.effect)));
  return factors.map((f) => ({
    factor: f.factor,
    label: humanize(f.factor),
    value: formatValue(f.value),
    effect: f.effect,
    detail: f.detail,
    share: largest === 0 ? 0 : Math.abs(f.effect) / largest,
    direction: f.effect > 0 ? "up" : f.effect < 0 ? "down" : "none",
  }));
}
