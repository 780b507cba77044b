/** The RevOps forecast and backtest as the page charts and tabulates them. */
import type { Backtest, Forecast } from "./types";

export const FORECAST_MEASURES = [
  { key: "weighted", label: "Weighted" },
  { key: "commit", label: "Commit" },
  { key: "best_case", label: "Best case" },
] as const;
export type ForecastMeasure = (typeof FORECAST_MEASURES)[number]["key"];

export interface ForecastGroup {
  /** "2026-11", or null for deals without a close date (last) */
  month: string | null;
  deals: number;
  values: Record<ForecastMeasure, number>;
}

/** The currencies the forecast has amounts in, the largest pipeline first (amounts are never added across them). */
export function forecastCurrencies(forecast: Forecast): string[] {
  return [...forecast.totals].sort((a, b) => b.pipeline - a.pipeline || (a.currency < b.currency ? -1 : 1)).map((t) => t.currency);
}

/** One group of bars per close month of that currency, in the forecast's order (months ascending, no date last). */
export function forecastGroups(forecast: Forecast, currency: string): ForecastGroup[] {
  return forecast.by_month
    .filter((row) => row.currency === currency)
    .map((row) => ({ month: row.month, deals: row.deals, values: { weighted: row.weighted, commit: row.commit, best_case: row.best_case } }));
}

/** The value axis' upper end: the largest bar (at least 1, so an all-zero forecast still has an axis). */
export const forecastMax = (groups: readonly ForecastGroup[]): number =>
  Math.max(1, ...groups.flatMap((g) => FORECAST_MEASURES.map((m) => g.values[m.key])));

const METHODS = [
  { key: "model", label: "Calibrated model" },
  { key: "source_probability", label: "Source probability (naive)" },
  { key: "unweighted_pipeline", label: "Unweighted pipeline (naive)" },
] as const;

export interface BacktestRow {
  key: (typeof METHODS)[number]["key"];
  label: string;
  wape: number | null;
  mae: number | null;
  brier: number | null;
  /** the lowest WAPE of the three (ties: each) */
  best: boolean;
}

/** The model's backtest error beside the naive baselines', model first. */
export function backtestRows(backtest: Backtest): BacktestRow[] {
  const wapes = METHODS.map((m) => backtest[m.key].wape).filter((w): w is number => w !== null);
  const lowest = wapes.length === 0 ? null : Math.min(...wapes);
  return METHODS.map((m) => {
    const errors = backtest[m.key];
    return { key: m.key, label: m.label, wape: errors.wape, mae: errors.mae, brier: errors.brier, best: lowest !== null && errors.wape === lowest };
  });
}
