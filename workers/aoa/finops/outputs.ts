/** What the FinOps pilot shows besides its findings: chart series, spend totals and the anomaly list. */
import { z } from "@hono/zod-openapi";

const Day = z.iso.date();
const Currency = z.string();

export const FinOpsAnomalySchema = z.object({
  series_id: z.string().openapi({ description: "provider|service|sub_account" }),
  currency: Currency,
  day: Day.openapi({ description: "The day it began" }),
  last_day: Day,
  days: z.number().int().positive(),
  actual: z.number(),
  expected: z.number(),
  deviation: z.number().openapi({ description: "actual − expected over its days" }),
  z: z.number().openapi({ description: "The largest robust z-score of its days" }),
  direction: z.enum(["up", "down"]),
  severity: z.enum(["low", "medium", "high"]),
});
export type FinOpsAnomaly = z.infer<typeof FinOpsAnomalySchema>;

export const FinOpsOutputsSchema = z
  .object({
    period: z.object({ from: Day, to: Day, report_from: Day.openapi({ description: "Anomalies from this day on became findings and actions" }) }),
    series: z
      .array(
        z.object({
          id: z.string(),
          provider_name: z.string().nullable(),
          service_name: z.string().nullable(),
          sub_account_id: z.string().nullable(),
          sub_account_name: z.string().nullable(),
          currency: Currency,
          total: z.number(),
          points: z.array(z.object({ day: Day, actual: z.number(), expected: z.number().nullable(), anomaly: z.boolean() })),
        }),
      )
      .openapi({ description: "The top series by spend, daily, with the baseline's expectation and the flagged days" }),
    totals_by_service: z.array(z.object({ provider_name: z.string().nullable(), service_name: z.string().nullable(), currency: Currency, total: z.number() })),
    totals_by_sub_account: z.array(
      z.object({ provider_name: z.string().nullable(), sub_account_id: z.string().nullable(), sub_account_name: z.string().nullable(), currency: Currency, total: z.number() }),
    ),
    anomalies: z.array(FinOpsAnomalySchema).openapi({ description: "Every anomaly of the period, newest first" }),
  })
  .openapi("FinOpsOutputs");
export type FinOpsOutputs = z.infer<typeof FinOpsOutputsSchema>;
