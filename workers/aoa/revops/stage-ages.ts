/**
 * How long deals typically stay in each stage: the median of the finished stints (the deal moved on or closed)
 * of every deal, so an open deal's age in its stage can be compared with the tenant's own pace.
 */
import { z } from "@hono/zod-openapi";
import { compareText } from "../../dcl/materialize/record-key";
import { daysBetween, stageStints } from "./history";
import type { RevOpsOpportunity } from "./input";

export const StageAgeSchema = z.object({ stage: z.string(), samples: z.number().int(), median_days: z.number() });
export type StageAge = z.infer<typeof StageAgeSchema>;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function learnStageAges(deals: readonly RevOpsOpportunity[]): StageAge[] {
  const durations = new Map<string, number[]>();
  for (const deal of deals) {
    for (const stint of stageStints(deal)) {
      if (stint.end === null) continue;
      durations.set(stint.stage, [...(durations.get(stint.stage) ?? []), daysBetween(stint.start, stint.end)]);
    }
  }
  return [...durations.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([stage, days]) => ({ stage, samples: days.length, median_days: median(days) }));
}
