import { describe, expect, it } from "vitest";
import { buildDailySeries } from "../../../workers/aoa/finops/series";
import { costRow } from "./rows";

const window = { from: "2026-03-01", to: "2026-03-05" };

describe("daily cost series", () => {
  it("sums a day's usage lines, prefers effective cost and fills days without rows with 0", () => {
    const [series, ...rest] = buildDailySeries(
      [costRow("2026-03-01", 10), costRow("2026-03-01", 5, { effective_cost: 3 }), costRow("2026-03-04", 7), costRow("2026-03-04", 0, { effective_cost: 0 })],
      window,
    );
    expect(rest).toEqual([]);
    expect(series?.values).toEqual([13, 0, 0, 7, 0]);
    expect(series?.total).toBe(20);
    expect(series?.id).toBe("AWS|Amazon EC2|111111111111");
    expect(series?.start).toBe("2026-03-01");
  });

  it("leaves credits, taxes and adjustments out but keeps purchases and uncategorized lines", () => {
    const [series] = buildDailySeries(
      [
        costRow("2026-03-02", 100),
        costRow("2026-03-02", -80, { charge_category: "Credit" }),
        costRow("2026-03-02", 40, { charge_category: "Tax" }),
        costRow("2026-03-02", 9, { charge_category: "Adjustment" }),
        costRow("2026-03-03", 50, { charge_category: "Purchase" }),
        costRow("2026-03-03", 1, { charge_category: null }),
      ],
      window,
    );
    expect(series?.values).toEqual([100, 51, 0, 0]);
    expect(series?.start).toBe("2026-03-02");
  });

  it("starts a series on its first day with a row, not at the window's start (a new service is no spike from 0)", () => {
    const [series] = buildDailySeries([costRow("2026-03-05", 8), costRow("2026-03-03", 4)], window);
    expect(series?.start).toBe("2026-03-03");
    expect(series?.values).toEqual([4, 0, 8]);
  });

  it("keeps currencies and services apart and ignores days outside the window", () => {
    const all = buildDailySeries(
      [
        costRow("2026-03-01", 10),
        costRow("2026-03-01", 20, { billing_currency: "eur" }),
        costRow("2026-03-01", 30, { service_name: "Amazon S3" }),
        costRow("2026-02-28", 1000),
        costRow("2026-03-06", 1000),
        costRow("2026-03-05", 2),
      ],
      window,
    );
    expect(all.map((s) => [s.id, s.currency, s.total])).toEqual([
      ["AWS|Amazon EC2|111111111111", "EUR", 20],
      ["AWS|Amazon EC2|111111111111", "USD", 12],
      ["AWS|Amazon S3|111111111111", "USD", 30],
    ]);
  });

  it("takes the day in UTC and the latest tags", () => {
    const [series] = buildDailySeries(
      [
        costRow("2026-03-02", 1, { charge_period_start: "2026-03-02T23:30:00-02:00", tags: { owner: "new@example.com" } }),
        costRow("2026-03-01", 1, { tags: { owner: "old@example.com", team: "platform" } }),
      ],
      window,
    );
    expect(series?.values).toEqual([1, 0, 1, 0, 0]);
    expect(series?.tags).toEqual({ owner: "new@example.com" });
  });
});
