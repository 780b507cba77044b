// The Agents page's chart shaping: the RevOps forecast by currency and close month with its backtest beside it, and
// the FinOps cost series with their usual range, anomaly episodes and labels.
import { describe, expect, it } from "vitest";
import { anomalyText, chartMax, chartPoints, defaultSeriesId, episodeAt, expectedRuns, robustSpread, seriesLabel } from "../../app/src/lib/agents/anomaly-chart";
import { backtestRows, forecastCurrencies, forecastGroups, forecastMax } from "../../app/src/lib/agents/forecast";
import { formatMonth } from "../../app/src/lib/agents/format";
import type { Backtest, CostAnomaly, CostSeries, FinOpsOutputs, Forecast } from "../../app/src/lib/agents/types";

const amounts = (deals: number, pipeline: number, weighted: number, commit: number, best_case: number) => ({ deals, pipeline, weighted, commit, best_case });

const forecast: Forecast = {
  commit_probability: 0.7,
  best_case_probability: 0.3,
  by_month: [
    { currency: "EUR", month: "2026-12", ...amounts(2, 100, 40, 0, 60) },
    { currency: "EUR", month: "2027-01", ...amounts(1, 50, 45, 50, 50) },
    { currency: "EUR", month: null, ...amounts(1, 10, 1, 0, 0) },
    { currency: "USD", month: "2026-12", ...amounts(3, 900, 300, 200, 700) },
  ],
  totals: [
    { currency: "EUR", ...amounts(4, 160, 86, 50, 110) },
    { currency: "USD", ...amounts(3, 900, 300, 200, 700) },
  ],
};

describe("forecast chart", () => {
  it("offers the currencies by pipeline, largest first, never mixing them", () => {
    expect(forecastCurrencies(forecast)).toEqual(["USD", "EUR"]);
    const eur = forecastGroups(forecast, "EUR");
    expect(eur.map((g) => g.month)).toEqual(["2026-12", "2027-01", null]);
    expect(eur[1]).toEqual({ month: "2027-01", deals: 1, values: { weighted: 45, commit: 50, best_case: 50 } });
    expect(forecastGroups(forecast, "USD")).toHaveLength(1);
    expect(forecastGroups(forecast, "GBP")).toEqual([]);
  });

  it("scales to the largest bar of the currency, with an axis even when all is zero", () => {
    expect(forecastMax(forecastGroups(forecast, "EUR"))).toBe(60);
    expect(forecastMax(forecastGroups(forecast, "USD"))).toBe(700);
    expect(forecastMax([])).toBe(1);
  });

  it("names months, and the deals without a close date", () => {
    expect(formatMonth("2026-12")).toBe("Dec 2026");
    expect(formatMonth(null)).toBe("No close date");
  });

  it("puts the model's backtest error beside the naive baselines' and marks the lowest WAPE", () => {
    const errors = (wape: number | null, brier: number | null) => ({ periods: 6, mae: 10, wape, brier });
    const backtest: Backtest = {
      horizon_months: 3, cutoffs: [], periods: [], outcomes: 12,
      model: errors(0.21, 0.18), source_probability: errors(0.35, 0.24), unweighted_pipeline: errors(0.9, null),
    };
    const rows = backtestRows(backtest);
    expect(rows.map((r) => r.key)).toEqual(["model", "source_probability", "unweighted_pipeline"]);
    expect(rows.map((r) => r.best)).toEqual([true, false, false]);
    expect(rows[2]).toMatchObject({ wape: 0.9, brier: null });
    // a naive baseline that beats the model is shown as the best, honestly
    expect(backtestRows({ ...backtest, source_probability: errors(0.1, 0.2) }).map((r) => r.best)).toEqual([false, true, false]);
    // nothing won in the backtest: no WAPE, nothing marked
    expect(backtestRows({ ...backtest, model: errors(null, 0.2), source_probability: errors(null, 0.2), unweighted_pipeline: errors(null, null) }).some((r) => r.best)).toBe(false);
  });
});

const point = (day: string, actual: number, expected: number | null, anomaly = false) => ({ day, actual, expected, anomaly });

function series(id: string, points: CostSeries["points"], over: Partial<CostSeries> = {}): CostSeries {
  return {
    id, provider_name: "AWS", service_name: "Amazon Elastic Compute Cloud", sub_account_id: "111111111111", sub_account_name: "prod",
    currency: "USD", total: points.reduce((s, p) => s + p.actual, 0), points, ...over,
  };
}

const spiky = series("AWS|EC2|111", [
  point("2026-11-01", 10, null),
  point("2026-11-02", 11, null),
  point("2026-11-03", 10, 10),
  point("2026-11-04", 12, 10),
  point("2026-11-05", 9, 10),
  point("2026-11-06", 50, 10, true),
  point("2026-11-07", 10, 10),
]);

const anomaly = (over: Partial<CostAnomaly> = {}): CostAnomaly => ({
  series_id: spiky.id, currency: "USD", day: "2026-11-06", last_day: "2026-11-06", days: 1, actual: 50, expected: 10, deviation: 40, z: 12.3,
  direction: "up", severity: "medium", ...over,
});

describe("anomaly chart", () => {
  it("labels a series by service, sub-account, provider and currency", () => {
    expect(seriesLabel(spiky)).toBe("Amazon Elastic Compute Cloud · prod (AWS, USD)");
    expect(seriesLabel(series("x", [], { service_name: null, sub_account_name: null, sub_account_id: null, provider_name: null }))).toBe("Unnamed service (USD)");
  });

  it("shows the largest series with an anomaly first, else the largest", () => {
    const quiet = series("quiet", [point("2026-11-01", 100, 100)]);
    const outputs = (list: CostSeries[]) => ({ series: list }) as unknown as FinOpsOutputs;
    expect(defaultSeriesId(outputs([quiet, spiky]))).toBe(spiky.id);
    expect(defaultSeriesId(outputs([quiet]))).toBe("quiet");
    expect(defaultSeriesId(outputs([]))).toBeNull();
  });

  it("draws the usual range from the robust spread of the unflagged days, never below zero", () => {
    // residuals of the covered, unflagged days: 0, 2, 1, 0 → median 0.5
    expect(robustSpread(spiky.points)).toBeCloseTo(1.4826 * 0.5);
    const points = chartPoints(spiky);
    const width = 2 * 1.4826 * 0.5;
    expect(points[0]).toMatchObject({ expected: null, low: null, high: null });
    expect(points[3]!.low).toBeCloseTo(10 - width);
    expect(points[3]!.high).toBeCloseTo(10 + width);
    expect(points[5]).toMatchObject({ actual: 50, anomaly: true });
    const near0 = chartPoints(series("z", [point("2026-11-01", 0, 0.1), point("2026-11-02", 5, 0.1)]));
    expect(near0.every((p) => p.low === 0)).toBe(true);
    expect(robustSpread([point("2026-11-01", 3, null)])).toBe(0);
  });

  it("scales to the largest actual or band edge", () => {
    expect(chartMax(chartPoints(spiky))).toBe(50);
    expect(chartMax([])).toBe(1);
  });

  it("breaks the expected line where the baseline has no history", () => {
    const gappy = chartPoints(series("g", [point("2026-11-01", 1, 1), point("2026-11-02", 1, null), point("2026-11-03", 1, 1), point("2026-11-04", 1, 1)]));
    expect(expectedRuns(gappy).map((run) => run.map((p) => p.day))).toEqual([["2026-11-01"], ["2026-11-03", "2026-11-04"]]);
    expect(expectedRuns(chartPoints(series("n", [point("2026-11-01", 1, null)])))).toEqual([]);
  });

  it("finds the episode a marked day belongs to, in that series only", () => {
    const long = anomaly({ day: "2026-11-05", last_day: "2026-11-07", days: 3 });
    const other = anomaly({ series_id: "other" });
    expect(episodeAt([other, long], spiky.id, "2026-11-06")).toBe(long);
    expect(episodeAt([other, long], spiky.id, "2026-11-08")).toBeUndefined();
    expect(episodeAt([other], spiky.id, "2026-11-06")).toBeUndefined();
  });

  it("explains an anomaly: its days, actual against expected, how unusual and how severe", () => {
    expect(anomalyText(anomaly())).toBe("Nov 6: $50.00 against $10.00 expected (+$40.00), 12.3 × the usual noise; medium severity.");
    const drop = anomaly({ day: "2026-11-05", last_day: "2026-11-07", days: 3, actual: 3, expected: 30, deviation: -27, z: -6, direction: "down" });
    expect(anomalyText(drop)).toBe("Nov 5 – Nov 7 (3 days): $3.00 against $30.00 expected (−$27.00), 6.0 × the usual noise; medium severity.");
  });
});
