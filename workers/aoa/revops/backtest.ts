/**
 * The forecast replayed on the past: at each cut-off (a month start) the deals are taken as their history says they
 * stood then, the model is learned only from what had closed by then, and the weighted forecast of the next
 * BACKTEST_HORIZON_MONTHS is compared with what those deals actually won in that window. The naive baselines run on
 * the same deals: the source's own probability field (as it stood then; a deal without one counts in full) and the
 * unweighted pipeline. Errors per (cut-off, currency): MAE and WAPE of the amounts, and the Brier score of the
 * win probabilities of the deals open at the cut-off that have closed since.
 */
import { z } from "@hono/zod-openapi";
import { compareText } from "../../dcl/materialize/record-key";
import { NO_CURRENCY, weightedByCurrency } from "./forecast";
import { asOf, orderedHistory } from "./history";
import type { RevOpsOpportunity } from "./input";
import { learnModel } from "./model";
import { scoreDeal } from "./score";

export const BACKTEST_HORIZON_MONTHS = 3;
export const BACKTEST_CUTOFFS = 6;

const METHODS = ["model", "source_probability", "unweighted_pipeline"] as const;
type Method = (typeof METHODS)[number];

export const BacktestErrorSchema = z.object({
  periods: z.number().int(),
  mae: z.number().nullable(),
  /** Σ|predicted − actual| / Σ actual; null when nothing was won */
  wape: z.number().nullable(),
  /** mean (p − outcome)² over the deals open at a cut-off and closed since; null without any */
  brier: z.number().nullable(),
});
export const BacktestPeriodSchema = z.object({
  cutoff: z.string(),
  period_end: z.string(),
  currency: z.string(),
  actual: z.number(),
  model: z.number(),
  source_probability: z.number(),
  unweighted_pipeline: z.number(),
});
export const BacktestSchema = z.object({
  horizon_months: z.number().int(),
  cutoffs: z.array(z.string()),
  periods: z.array(BacktestPeriodSchema),
  /** (cut-off, deal) pairs the Brier scores average over */
  outcomes: z.number().int(),
  model: BacktestErrorSchema,
  source_probability: BacktestErrorSchema,
  unweighted_pipeline: BacktestErrorSchema,
});
export type Backtest = z.infer<typeof BacktestSchema>;
type Period = z.infer<typeof BacktestPeriodSchema>;

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The first instant of the UTC month `months` away from the one `at` falls in. */
export function monthStart(at: Date, months = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 1));
}

/** The day a won deal was won: its close date, else the day its first won snapshot arrived. */
function wonDay(deal: RevOpsOpportunity): string | null {
  if (deal.close_date !== null) return deal.close_date;
  return orderedHistory(deal.history).find((s) => s.status === "won")?.at.slice(0, 10) ?? null;
}

const naive: Record<Exclude<Method, "model">, (deal: RevOpsOpportunity) => number> = {
  source_probability: (deal) => (deal.probability === null ? 1 : deal.probability / 100),
  unweighted_pipeline: () => 1,
};

function errorsOf(periods: readonly Period[], method: Method, brier: number[]): z.infer<typeof BacktestErrorSchema> {
  const misses = periods.map((p) => Math.abs(p[method] - p.actual));
  const missed = misses.reduce((a, b) => a + b, 0);
  const actual = periods.reduce((sum, p) => sum + p.actual, 0);
  return {
    periods: periods.length,
    mae: periods.length === 0 ? null : round(missed / periods.length, 2),
    wape: actual === 0 ? null : round(missed / actual, 4),
    brier: brier.length === 0 ? null : round(brier.reduce((a, b) => a + b, 0) / brier.length, 4),
  };
}

export function backtest(deals: readonly RevOpsOpportunity[], contactCounts: Readonly<Record<string, number>>, now: Date): Backtest {
  const final = new Map(deals.map((d) => [d.id, d]));
  const cutoffs = Array.from({ length: BACKTEST_CUTOFFS }, (_, i) => monthStart(now, -(BACKTEST_HORIZON_MONTHS + BACKTEST_CUTOFFS - 1) + i));
  const periods: Period[] = [];
  const squared: Record<Method, number[]> = { model: [], source_probability: [], unweighted_pipeline: [] };
  for (const cutoff of cutoffs) {
    const at = cutoff.toISOString();
    const end = monthStart(cutoff, BACKTEST_HORIZON_MONTHS).toISOString();
    const then = deals.map((d) => asOf(d, at)).filter((d): d is RevOpsOpportunity => d !== null);
    const model = learnModel(then);
    const open = then.filter((d) => d.status === "open");
    const scored = open.map((deal) => ({ ...deal, win_probability: scoreDeal(deal, { model, contactCounts, now: at }).win_probability }));
    for (const deal of scored) {
      const outcome = final.get(deal.id)!.status;
      if (outcome === "open") continue;
      const won = outcome === "won" ? 1 : 0;
      squared.model.push((deal.win_probability - won) ** 2);
      squared.source_probability.push((naive.source_probability(deal) - won) ** 2);
      squared.unweighted_pipeline.push((naive.unweighted_pipeline(deal) - won) ** 2);
    }
    // the forecast for the window: deals expected to close before its end (overdue ones included)
    const due = scored.filter((deal) => deal.close_date !== null && deal.close_date < end.slice(0, 10));
    const predicted: Record<Method, Map<string, number>> = {
      model: weightedByCurrency(due, (deal) => deal.win_probability),
      source_probability: weightedByCurrency(due, naive.source_probability),
      unweighted_pipeline: weightedByCurrency(due, naive.unweighted_pipeline),
    };
    const actual = new Map<string, number>();
    for (const deal of open.map((d) => final.get(d.id)!)) {
      const day = deal.status === "won" ? wonDay(deal) : null;
      if (day === null || deal.amount === null || day < at.slice(0, 10) || day >= end.slice(0, 10)) continue;
      const currency = deal.currency ?? NO_CURRENCY;
      actual.set(currency, (actual.get(currency) ?? 0) + deal.amount);
    }
    const currencies = [...new Set([...actual.keys(), ...METHODS.flatMap((m) => [...predicted[m].keys()])])].sort(compareText);
    for (const currency of currencies) {
      periods.push({
        cutoff: at,
        period_end: end,
        currency,
        actual: round(actual.get(currency) ?? 0, 2),
        model: round(predicted.model.get(currency) ?? 0, 2),
        source_probability: round(predicted.source_probability.get(currency) ?? 0, 2),
        unweighted_pipeline: round(predicted.unweighted_pipeline.get(currency) ?? 0, 2),
      });
    }
  }
  return {
    horizon_months: BACKTEST_HORIZON_MONTHS,
    cutoffs: cutoffs.map((c) => c.toISOString()),
    periods,
    outcomes: squared.model.length,
    model: errorsOf(periods, "model", squared.model),
    source_probability: errorsOf(periods, "source_probability", squared.source_probability),
    unweighted_pipeline: errorsOf(periods, "unweighted_pipeline", squared.unweighted_pipeline),
  };
}
