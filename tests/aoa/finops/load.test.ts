import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { finopsPilot } from "../../../workers/aoa/finops";
import { loadFinOpsInput } from "../../../workers/aoa/finops/load";
import { database, forTenant, schema } from "../../../workers/platform/db";
import { signUp } from "../../helpers/auth";
import { weeklyRows } from "./rows";
import type { CostRow } from "../../../workers/aoa/finops/series";

const NOW = new Date("2026-05-05T06:00:00Z");

async function insertCosts(tenantId: string, rows: (CostRow & { id: string; deleted?: boolean })[]) {
  const scope = forTenant(database(env.DB), tenantId);
  for (const row of rows) {
    await scope.insert(schema.materializedCosts, {
      source_id: `src-${row.id}`,
      extras: {},
      sources: [],
      lineage: [`evt-${row.id}`],
      lastSeq: 1,
      charge_period_end: row.charge_period_start,
      ...row,
    });
  }
}

describe("FinOps input loader", () => {
  it("reads the tenant's live cost rows of the window, page by page, typed as the view's columns", async () => {
    const [{ tenantId }, other] = [await signUp(), await signUp()];
    const base = weeklyRows(NOW, 1, 100)[0] as CostRow;
    await insertCosts(tenantId, [
      { ...base, id: "c1", charge_period_start: "2026-05-04T00:00:00Z", tags: { owner: "ops@example.com" }, effective_cost: 80 },
      { ...base, id: "c2", charge_period_start: "2026-01-05T00:00:00Z" }, // the window's first day (120 days)
      { ...base, id: "c3", charge_period_start: "2026-01-04T23:00:00Z" }, // before the window
      { ...base, id: "c4", charge_period_start: "2026-05-05T00:00:00Z" }, // today: not complete yet
      { ...base, id: "c5", charge_period_start: "2026-03-01T00:00:00Z", deleted: true }, // a tombstone
      { ...base, id: "c6", charge_period_start: "2026-03-02T00:00:00Z", charge_category: "Credit", billed_cost: -20 },
    ]);
    await insertCosts(other.tenantId, [{ ...base, id: "x1", charge_period_start: "2026-05-04T00:00:00Z" }]);

    const { rows } = await loadFinOpsInput(env, { tenantId }, NOW, { historyDays: 120, pageSize: 2 });
    expect(rows.map((r) => r.charge_period_start).sort()).toEqual(["2026-01-05T00:00:00Z", "2026-03-02T00:00:00Z", "2026-05-04T00:00:00Z"]);
    expect(rows.find((r) => r.charge_period_start.startsWith("2026-05-04"))).toEqual({
      ...base,
      charge_period_start: "2026-05-04T00:00:00Z",
      tags: { owner: "ops@example.com" },
      effective_cost: 80,
    });
  });

  it("runs as the finops pilot on the tenant's cost view", async () => {
    const { tenantId } = await signUp();
    const rows = weeklyRows(NOW, 60, 300, { tags: { owner: "ops@example.com" } }, (i, v) => (i === 59 ? v * 4 : v));
    await insertCosts(tenantId, rows.map((row, i) => ({ ...row, id: `r${i}` })));
    const scope = forTenant(database(env.DB), tenantId);
    const result = await finopsPilot.run({ env, scope, now: NOW, traceId: "trace-finops" });
    expect(result.findings.map((f) => [f.kind, f.subject?.id ?? null])).toEqual([
      ["cost_anomaly", "AWS|Amazon EC2|111111111111"],
      ["cost_summary", null],
    ]);
    expect(result.actions.map((a) => a.type)).toEqual(["alert.create", "sub_account.tag"]);
    expect(result.facts).toMatchObject({ series: 1, recent_anomalies: 1 });
  });
});
