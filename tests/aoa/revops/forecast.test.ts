import { describe, expect, it } from "vitest";
import { forecast } from "../../../workers/aoa/revops/forecast";

describe("forecast", () => {
  it("weights each open deal by its win probability, per currency and close month, with commit and best case", () => {
    const result = forecast([
      { amount: 100_000, currency: "EUR", close_date: "2026-07-10", win_probability: 0.8 },
      { amount: 50_000, currency: "EUR", close_date: "2026-07-20", win_probability: 0.4 },
      { amount: 20_000, currency: "EUR", close_date: "2026-08-01", win_probability: 0.1 },
      { amount: 30_000, currency: "USD", close_date: "2026-07-05", win_probability: 0.75 },
      { amount: 10_000, currency: "EUR", close_date: null, win_probability: 0.5 },
      { amount: null, currency: "EUR", close_date: "2026-07-01", win_probability: 0.9 },
    ]);
    expect(result.by_month).toEqual([
      { currency: "EUR", month: "2026-07", deals: 2, pipeline: 150_000, weighted: 100_000, commit: 100_000, best_case: 150_000 },
      { currency: "EUR", month: "2026-08", deals: 1, pipeline: 20_000, weighted: 2_000, commit: 0, best_case: 0 },
      { currency: "EUR", month: null, deals: 1, pipeline: 10_000, weighted: 5_000, commit: 0, best_case: 10_000 },
      { currency: "USD", month: "2026-07", deals: 1, pipeline: 30_000, weighted: 22_500, commit: 30_000, best_case: 30_000 },
    ]);
    expect(result.totals).toEqual([
      { currency: "EUR", deals: 4, pipeline: 180_000, weighted: 107_000, commit: 100_000, best_case: 160_000 },
      { currency: "USD", deals: 1, pipeline: 30_000, weighted: 22_500, commit: 30_000, best_case: 30_000 },
    ]);
  });

  it("is empty without open deals", () => {
    expect(forecast([])).toMatchObject({ by_month: [], totals: [] });
  });
});
