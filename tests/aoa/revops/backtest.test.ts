import { describe, expect, it } from "vitest";
import { BACKTEST_CUTOFFS, BACKTEST_HORIZON_MONTHS, backtest } from "../../../workers/aoa/revops/backtest";
import { generateRevOpsInput } from "../../../workers/aoa/revops/generate";
import { RevOpsInputSchema } from "../../../workers/aoa/revops/input";
import { NOW, deal, snap } from "./fixtures";

describe("backtest on a generated sales history", () => {
  const input = RevOpsInputSchema.parse(generateRevOpsInput({ seed: 42, now: NOW, deals: 600 }));
  const result = backtest(input.opportunities, input.contact_counts, NOW);

  it("replays month-start cut-offs whose whole window lies in the past", () => {
    expect(result.cutoffs).toHaveLength(BACKTEST_CUTOFFS);
    expect(result.cutoffs[0]).toBe("2025-10-01T00:00:00.000Z");
    expect(result.cutoffs.at(-1)).toBe("2026-03-01T00:00:00.000Z");
    expect(BACKTEST_HORIZON_MONTHS).toBe(3);
    expect(result.periods.every((p) => p.period_end <= NOW.toISOString())).toBe(true);
    expect(result.periods.length).toBe(BACKTEST_CUTOFFS);
    expect(result.outcomes).toBeGreaterThan(100);
  });

  it("reports its error; its probabilities beat both naive baselines and its amounts beat the unweighted pipeline", () => {
    const { model, source_probability, unweighted_pipeline } = result;
    expect(model.brier!).toBeLessThan(source_probability.brier!);
    expect(model.brier!).toBeLessThan(unweighted_pipeline.brier!);
    expect(model.wape!).toBeLessThan(unweighted_pipeline.wape!);
    expect(model.mae!).toBeLessThan(unweighted_pipeline.mae!);
    // the amounts' error is reported with the same measure for every method (here 15 % for the model)
    expect(model.wape!).toBeLessThan(0.2);
    expect(source_probability.wape).not.toBeNull();
  });

  it("learns only from what was known at the cut-off: deals closed later leave an earlier replay unchanged", () => {
    const now = new Date("2026-06-01T00:00:00.000Z");
    // one deal open across every cut-off and won last week, among deals that closed only after the last window
    const lateClosers = ["a", "b", "c", "d"].map((id) => deal(id, [snap(400, "Proposal"), snap(3, "Closed Lost", { status: "lost" })]));
    const target = deal("t", [snap(400, "Proposal", { close_date: "2025-12-15" }), snap(5, "Closed Won", { status: "won", close_date: "2025-12-15" })]);
    const alone = backtest([target], {}, now);
    const withLate = backtest([target, ...lateClosers], {}, now);
    const predictionFor = (r: typeof alone) => r.periods.filter((p) => p.cutoff === "2025-10-01T00:00:00.000Z").map((p) => p.model);
    // the late losers are open at the cut-off too, but their loss must not lower the target's probability
    expect(predictionFor(alone)).toHaveLength(1);
    expect(predictionFor(alone)[0]).toBeGreaterThan(0);
    expect(predictionFor(withLate)).toEqual(predictionFor(alone));
  });
});
