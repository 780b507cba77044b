import { describe, expect, it } from "vitest";
import { PRIOR_STRENGTH, learnWinRates, winRateOf } from "../../../workers/aoa/revops/win-rates";
import { learnStageAges } from "../../../workers/aoa/revops/stage-ages";
import { closed, deal, snap } from "./fixtures";

describe("win rates by stage", () => {
  // 3 won, 2 lost: all passed Qualification; Proposal: 3 won + 1 lost; Negotiation: 2 won, 0 lost
  const history = [
    closed("w1", "won", ["Qualification", "Proposal", "Negotiation"]),
    closed("w2", "won", ["Qualification", "Proposal", "Negotiation"]),
    closed("w3", "won", ["Qualification", "Proposal"]),
    closed("l1", "lost", ["Qualification", "Proposal"]),
    closed("l2", "lost", ["Qualification"]),
    deal("open", [snap(5, "Negotiation")]),
  ];

  it("counts each stage a won or lost deal passed through, ignores open deals, and smooths toward the overall rate", () => {
    const rates = learnWinRates(history);
    expect(PRIOR_STRENGTH).toBe(4);
    // Laplace: (3 + 1) / (5 + 2)
    const overall = 4 / 7;
    expect(rates.overall).toEqual({ wins: 3, losses: 2, samples: 5, rate: overall });
    expect(rates.stages.map((s) => [s.stage, s.wins, s.losses, s.samples, s.observed_rate])).toEqual([
      ["Negotiation", 2, 0, 2, 1],
      ["Proposal", 3, 1, 4, 0.75],
      ["Qualification", 3, 2, 5, 0.6],
    ]);
    const rate = (stage: string) => rates.stages.find((s) => s.stage === stage)!.rate;
    expect(rate("Negotiation")).toBeCloseTo((2 + 4 * overall) / (2 + 4), 12); // 0.7143: pulled down from 100 %
    expect(rate("Proposal")).toBeCloseTo((3 + 4 * overall) / (4 + 4), 12); // 0.6607
    expect(rate("Qualification")).toBeCloseTo((3 + 4 * overall) / (5 + 4), 12); // 0.5873
  });

  it("falls back to the overall rate for a stage no closed deal passed through, and to one half with no history", () => {
    const rates = learnWinRates(history);
    expect(winRateOf(rates, "Discovery")).toEqual({ rate: 4 / 7, samples: 0 });
    expect(winRateOf(rates, "Proposal").samples).toBe(4);
    expect(learnWinRates([]).overall.rate).toBe(0.5);
  });

  it("takes the median finished stint per stage as its typical age", () => {
    const ages = learnStageAges([
      deal("a", [snap(40, "Proposal"), snap(30, "Negotiation")]),
      deal("b", [snap(50, "Proposal"), snap(20, "Negotiation"), snap(10, "Closed Won", { status: "won" })]),
      deal("c", [snap(60, "Proposal"), snap(40, "Negotiation"), snap(39, "Negotiation"), snap(30, "Closed Lost", { status: "lost" })]),
    ]);
    // Proposal stints: 10, 30, 20 days; Negotiation: 10 and 10 (a's is still running)
    expect(ages).toEqual([
      { stage: "Negotiation", samples: 2, median_days: 10 },
      { stage: "Proposal", samples: 3, median_days: 20 },
    ]);
  });
});
