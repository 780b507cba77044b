/**
 * The revenue forecast from scored open deals, per currency (amounts are never added across currencies) and close
 * month: the weighted pipeline (Σ amount × win probability), commit (deals at COMMIT_PROBABILITY or above) and
 * best case (commit plus the deals at BEST_CASE_PROBABILITY or above). Deals without an amount are left out;
 * deals without a close date fall in the `month: null` row.
 */
import { z } from "@hono/zod-openapi";
import { compareText } from "../../dcl/materialize/record-key";

export const COMMIT_PROBABILITY = 0.7;
export const BEST_CASE_PROBABILITY = 0.3;
/** ISO 4217's code for "no currency", for an amount whose source gave none */
export const NO_CURRENCY = "XXX";

const AmountsSchema = z.object({
  deals: z.number().int(),
  pipeline: z.number(),
  weighted: z.number(),
  commit: z.number(),
  best_case: z.number(),
});
export const ForecastRowSchema = AmountsSchema.extend({ currency: z.string(), month: z.string().nullable() });
export const ForecastSchema = z.object({
  commit_probability: z.number(),
  best_case_probability: z.number(),
  by_month: z.array(ForecastRowSchema),
  totals: z.array(AmountsSchema.extend({ currency: z.string() })),
});
export type Forecast = z.infer<typeof ForecastSchema>;
type Amounts = z.infer<typeof AmountsSchema>;

/** What the forecast needs of a deal: its amount, currency, close date and win probability. */
export interface ForecastDeal {
  amount: number | null;
  currency: string | null;
  close_date: string | null;
  win_probability: number;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const empty = (): Amounts => ({ deals: 0, pipeline: 0, weighted: 0, commit: 0, best_case: 0 });

function add(into: Amounts, amount: number, p: number): void {
  into.deals += 1;
  into.pipeline += amount;
  into.weighted += amount * p;
  if (p >= COMMIT_PROBABILITY) into.commit += amount;
  if (p >= BEST_CASE_PROBABILITY) into.best_case += amount;
}

const rounded = (a: Amounts): Amounts => ({ deals: a.deals, pipeline: round2(a.pipeline), weighted: round2(a.weighted), commit: round2(a.commit), best_case: round2(a.best_case) });

/** Σ amount × probability of the deals, per currency (the backtest's prediction for one period). */
export function weightedByCurrency<T extends ForecastDeal>(deals: readonly T[], probabilityOf: (deal: T) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const deal of deals) {
    if (deal.amount === null) continue;
    const currency = deal.currency ?? NO_CURRENCY;
    sums.set(currency, (sums.get(currency) ?? 0) + deal.amount * probabilityOf(deal));
  }
  return sums;
}

export function forecast(deals: readonly ForecastDeal[]): Forecast {
  const months = new Map<string, Amounts & { currency: string; month: string | null }>();
  const totals = new Map<string, Amounts & { currency: string }>();
  for (const deal of deals) {
    if (deal.amount === null) continue;
    const currency = deal.currency ?? NO_CURRENCY;
    const month = deal.close_date === null ? null : deal.close_date.slice(0, 7);
    const key = JSON.stringify([currency, month]);
    const row = months.get(key) ?? { currency, month, ...empty() };
    const total = totals.get(currency) ?? { currency, ...empty() };
    add(row, deal.amount, deal.win_probability);
    add(total, deal.amount, deal.win_probability);
    months.set(key, row);
    totals.set(currency, total);
  }
  // by currency, then month ascending with the unscheduled row last
  const byMonth = [...months.values()].sort(
    (a, b) => compareText(a.currency, b.currency) || (a.month === b.month ? 0 : a.month === null ? 1 : b.month === null ? -1 : compareText(a.month, b.month)),
  );
  return {
    commit_probability: COMMIT_PROBABILITY,
    best_case_probability: BEST_CASE_PROBABILITY,
    by_month: byMonth.map((row) => ({ currency: row.currency, month: row.month, ...rounded(row) })),
    totals: [...totals.values()].sort((a, b) => compareText(a.currency, b.currency)).map((row) => ({ currency: row.currency, ...rounded(row) })),
  };
}
