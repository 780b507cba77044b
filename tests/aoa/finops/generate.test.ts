import { describe, expect, it } from "vitest";
import { daysBetween } from "../../../workers/aoa/finops/days";
import { generateCosts, SHIFT_LABEL_DAYS } from "../../../workers/aoa/finops/generate";
import { buildDailySeries, seriesKeyOf } from "../../../workers/aoa/finops/series";

describe("synthetic cost generator", () => {
  it("is deterministic from the seed", () => {
    expect(generateCosts({ seed: 7 })).toEqual(generateCosts({ seed: 7 }));
    expect(generateCosts({ seed: 8 }).rows).not.toEqual(generateCosts({ seed: 7 }).rows);
  });

  it("covers 120 days of several providers, services, sub-accounts and currencies, zero-cost series included", () => {
    const set = generateCosts({ seed: 3 });
    expect(daysBetween(set.from, set.to)).toBe(119);
    const series = buildDailySeries(set.rows, set);
    expect(new Set(series.map((s) => s.provider_name)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(series.map((s) => s.sub_account_id)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(series.map((s) => s.currency))).toEqual(new Set(["USD", "EUR"]));
    expect(series.filter((s) => s.total === 0).length).toBeGreaterThanOrEqual(2);
    expect(series.every((s) => s.values.length === 120)).toBe(true);
    // bookkeeping lines that the series leave out
    expect(set.rows.some((r) => r.charge_category === "Credit")).toBe(true);
    expect(set.rows.some((r) => r.charge_category === "Tax")).toBe(true);
  });

  it("labels every injected anomaly on an existing series, within the set, after the baseline's warm-up", () => {
    const set = generateCosts({ seed: 3 });
    const keys = new Set(buildDailySeries(set.rows, set).map(seriesKeyOf));
    expect(new Set(set.labels.map((l) => l.kind))).toEqual(new Set(["spike", "drop", "level_shift"]));
    for (const l of set.labels) {
      expect(keys.has(l.series_key)).toBe(true);
      expect(daysBetween(set.from, l.start)).toBeGreaterThanOrEqual(35);
      expect(daysBetween(l.end, set.to)).toBeGreaterThanOrEqual(0);
      const length = daysBetween(l.start, l.end) + 1;
      if (l.kind === "level_shift") expect(length).toBe(SHIFT_LABEL_DAYS);
      else expect(length).toBeLessThanOrEqual(3);
    }
  });
});
