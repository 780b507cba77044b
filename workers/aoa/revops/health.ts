/**
 * Pipeline health: the open pipeline by stage (per currency), how well next quarter's pipeline covers its target
 * (the tenant's target when known, else what was won in the last full quarter), and the deals that need a look:
 * stale (no change for STALE_DAYS), slipped (close date pushed out) and past their close date while open.
 */
import { z } from "@hono/zod-openapi";
import { compareText } from "../../dcl/materialize/record-key";
import { NO_CURRENCY } from "./forecast";
import type { ParsedRevOpsInput, RevOpsOpportunity } from "./input";
import { STALE_DAYS, type DealScore } from "./score";

const DealRefSchema = z.object({ id: z.string(), name: z.string() });

export const HealthSchema = z.object({
  open_deals: z.number().int(),
  by_stage: z.array(z.object({ stage: z.string().nullable(), currency: z.string(), deals: z.number().int(), amount: z.number(), weighted: z.number() })),
  coverage: z.array(
    z.object({
      quarter: z.string(),
      currency: z.string(),
      pipeline: z.number(),
      weighted: z.number(),
      target: z.number(),
      target_source: z.enum(["target", "trailing_won"]),
      /** pipeline / target; null when the target is zero */
      ratio: z.number().nullable(),
    }),
  ),
  stale: z.array(DealRefSchema.extend({ days: z.number() })),
  slipped: z.array(DealRefSchema.extend({ count: z.number().int(), days: z.number() })),
  past_close: z.array(DealRefSchema.extend({ days: z.number() })),
});
export type Health = z.infer<typeof HealthSchema>;

const round2 = (value: number) => Math.round(value * 100) / 100;

/** `2026-Q3` of a day or instant, `offset` quarters away. */
export function quarterOf(day: string, offset = 0): string {
  const index = Number(day.slice(0, 4)) * 4 + Math.floor((Number(day.slice(5, 7)) - 1) / 3) + offset;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

const byDaysThenId = <T extends { id: string; days: number }>(a: T, b: T) => b.days - a.days || compareText(a.id, b.id);

function sumBy<T>(items: readonly T[], keyOf: (item: T) => string, valueOf: (item: T) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(keyOf(item), (sums.get(keyOf(item)) ?? 0) + valueOf(item));
  return sums;
}

export function pipelineHealth(deals: readonly RevOpsOpportunity[], scores: readonly DealScore[], targets: ParsedRevOpsInput["targets"], now: Date): Health {
  const today = now.toISOString().slice(0, 10);
  const currencyOf = (d: { currency: string | null }) => d.currency ?? NO_CURRENCY;
  const priced = scores.filter((s): s is DealScore & { amount: number } => s.amount !== null);

  const stages = new Map<string, Health["by_stage"][number]>();
  for (const s of scores) {
    const key = JSON.stringify([s.stage, currencyOf(s)]);
    const row = stages.get(key) ?? { stage: s.stage, currency: currencyOf(s), deals: 0, amount: 0, weighted: 0 };
    row.deals += 1;
    row.amount += s.amount ?? 0;
    row.weighted += s.forecast_amount ?? 0;
    stages.set(key, row);
  }

  const next = quarterOf(today, 1);
  const inNext = priced.filter((s) => s.close_date !== null && quarterOf(s.close_date) === next);
  const pipeline = sumBy(inNext, currencyOf, (s) => s.amount);
  const weighted = sumBy(inNext, currencyOf, (s) => s.forecast_amount ?? 0);
  const lastQuarter = quarterOf(today, -1);
  const trailingWon = sumBy(
    deals.filter((d) => d.status === "won" && d.amount !== null && d.close_date !== null && quarterOf(d.close_date) === lastQuarter),
    currencyOf,
    (d) => d.amount ?? 0,
  );
  const targeted = new Map(targets.filter((t) => t.quarter === next).map((t) => [t.currency, t.amount]));
  const currencies = [...new Set([...pipeline.keys(), ...trailingWon.keys(), ...targeted.keys()])].sort(compareText);

  return {
    open_deals: scores.length,
    by_stage: [...stages.values()]
      .sort((a, b) => compareText(a.stage ?? "", b.stage ?? "") || compareText(a.currency, b.currency))
      .map((r) => ({ ...r, amount: round2(r.amount), weighted: round2(r.weighted) })),
    coverage: currencies.map((currency) => {
      const target = targeted.get(currency) ?? trailingWon.get(currency) ?? 0;
      const have = pipeline.get(currency) ?? 0;
      return {
        quarter: next,
        currency,
        pipeline: round2(have),
        weighted: round2(weighted.get(currency) ?? 0),
        target: round2(target),
        target_source: targeted.has(currency) ? ("target" as const) : ("trailing_won" as const),
        ratio: target === 0 ? null : Math.round((have / target) * 1000) / 1000,
      };
    }),
    stale: scores
      .filter((s) => s.days_since_update !== null && s.days_since_update > STALE_DAYS)
      .map((s) => ({ id: s.deal_id, name: s.name, days: s.days_since_update ?? 0 }))
      .sort(byDaysThenId),
    slipped: scores
      .filter((s) => s.slips.count > 0)
      .map((s) => ({ id: s.deal_id, name: s.name, count: s.slips.count, days: s.slips.days }))
      .sort(byDaysThenId),
    past_close: scores
      .filter((s) => s.days_past_close !== null && s.days_past_close > 0)
      .map((s) => ({ id: s.deal_id, name: s.name, days: s.days_past_close ?? 0 }))
      .sort(byDaysThenId),
  };
}
