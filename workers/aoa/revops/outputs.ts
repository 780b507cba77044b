/** Everything a RevOps run computes besides its findings and actions, as the runs API serves it. */
import { z } from "@hono/zod-openapi";
import { BacktestSchema } from "./backtest";
import { ForecastSchema } from "./forecast";
import { HealthSchema } from "./health";
import { DealScoreSchema } from "./score";
import { StageAgeSchema } from "./stage-ages";
import { WinRatesSchema } from "./win-rates";

export const RevOpsOutputsSchema = z
  .object({
    as_of: z.string(),
    win_rates: WinRatesSchema,
    stage_ages: z.array(StageAgeSchema),
    forecast: ForecastSchema,
    backtest: BacktestSchema,
    health: HealthSchema,
    /** one per open deal, by deal id */
    scores: z.array(DealScoreSchema),
  })
  .openapi("RevOpsOutputs");
export type RevOpsOutputs = z.infer<typeof RevOpsOutputsSchema>;
