/**
 * Win rates by stage learned from the tenant's own closed deals: every open stage a won or lost deal passed through
 * counts one sample for that stage. Few samples say little, so a stage's rate is pulled toward the overall rate
 * (a Beta prior worth PRIOR_STRENGTH deals); the overall rate itself is Laplace-smoothed toward one half.
 */
import { z } from "@hono/zod-openapi";
import { compareText } from "../../dcl/materialize/record-key";
import { stagesPassed } from "./history";
import type { RevOpsOpportunity } from "./input";

/** How many deals' worth of the overall rate a stage starts from before its own samples. */
export const PRIOR_STRENGTH = 4;

const OutcomeCountsSchema = z.object({ wins: z.number().int(), losses: z.number().int(), samples: z.number().int() });

export const StageWinRateSchema = OutcomeCountsSchema.extend({
  stage: z.string(),
  /** wins / samples, unsmoothed */
  observed_rate: z.number(),
  /** smoothed toward the overall rate */
  rate: z.number(),
});

export const WinRatesSchema = z.object({
  overall: OutcomeCountsSchema.extend({ rate: z.number() }),
  prior_strength: z.number(),
  stages: z.array(StageWinRateSchema),
});
export type WinRates = z.infer<typeof WinRatesSchema>;

const isClosed = (deal: RevOpsOpportunity) => deal.status !== "open";

/** Learns from the deals that are won or lost (open ones are ignored). */
export function learnWinRates(deals: readonly RevOpsOpportunity[]): WinRates {
  const closed = deals.filter(isClosed);
  const wins = closed.filter((d) => d.status === "won").length;
  const overallRate = (wins + 1) / (closed.length + 2);
  const byStage = new Map<string, { wins: number; losses: number }>();
  for (const deal of closed) {
    for (const stage of stagesPassed(deal)) {
      const counts = byStage.get(stage) ?? { wins: 0, losses: 0 };
      if (deal.status === "won") counts.wins += 1;
      else counts.losses += 1;
      byStage.set(stage, counts);
    }
  }
  const stages = [...byStage.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([stage, c]) => {
      const samples = c.wins + c.losses;
      return { stage, ...c, samples, observed_rate: c.wins / samples, rate: (c.wins + PRIOR_STRENGTH * overallRate) / (samples + PRIOR_STRENGTH) };
    });
  return {
    overall: { wins, losses: closed.length - wins, samples: closed.length, rate: overallRate },
    prior_strength: PRIOR_STRENGTH,
    stages,
  };
}

/** The calibrated rate of a stage, the overall rate for a stage no closed deal passed through. */
export function winRateOf(rates: WinRates, stage: string | null): { rate: number; samples: number } {
  const learned = rates.stages.find((s) => s.stage === stage);
  return learned === undefined ? { rate: rates.overall.rate, samples: 0 } : { rate: learned.rate, samples: learned.samples };
}
