import { describe, expect, it } from "vitest";
import { call, expectProblem } from "../../../../helpers/http";
import { tenantWithAccounts, viewTableCounts } from "../../../../helpers/views";

const a = await tenantWithAccounts("a");
const b = await tenantWithAccounts("b");
const run = (caller: typeof a, body: unknown) => call("/api/v1/dcl/query", { headers: caller.auth, body });
const rows = async (caller: typeof a, body: unknown) => {
  const res = await run(caller, body);
  expect(res.status).toBe(200);
  return ((await res.json()) as { rows: unknown[][] }).rows;
};

describe("POST /api/v1/dcl/query security", () => {
  it("aggregates over the caller's tenant only", async () => {
    expect(await rows(a, { entity: "accounts", aggregates: [{ fn: "count", as: "n" }], include_deleted: true })).toEqual([[4]]);
    expect(await rows(a, { entity: "accounts", select: ["id"], filters: [{ field: "id", op: "in", value: ["b-1", "b-2"] }] })).toEqual([]);
  });

  it("ignores a tenant in the body and refuses tenant_id as a field", async () => {
    await expectProblem(await run(a, { entity: "accounts", tenant_id: b.tenantId }), 400, "validation-error");
    for (const body of [
      { entity: "accounts", select: ["tenant_id"] },
      { entity: "accounts", filters: [{ field: "tenant_id", value: b.tenantId }] },
      { entity: "accounts", group_by: ["tenant_id"], aggregates: [{ fn: "count", as: "n" }] },
      { entity: "accounts", aggregates: [{ fn: "max", field: "tenant_id", as: "t" }] },
    ]) {
      await expectProblem(await run(a, body), 400, "validation-error");
    }
  });

  it("refuses SQL in identifiers and aliases, binds it in values, and leaves the tables intact", async () => {
    const before = await viewTableCounts();
    for (const body of [
      { entity: "accounts", select: ["name; DROP TABLE materialized_accounts"] },
      { entity: "accounts", select: ["extras'--"] },
      { entity: "accounts", filters: [{ field: "name) OR (1=1", value: "x" }] },
      { entity: "accounts", aggregates: [{ fn: "count", as: 'n" FROM tenants --' }] },
      { entity: "accounts", aggregates: [{ fn: "count", field: "*", as: "n" }] },
      { entity: "accounts", order_by: [{ field: "(select count(*) from tenants)" }] },
      { entity: "accounts", filters: [{ field: "name", op: "eq OR 1=1", value: "x" }] },
    ]) {
      await expectProblem(await run(a, body), 400, "validation-error");
    }
    expect(await rows(a, { entity: "accounts", select: ["id"], filters: [{ field: "name", value: "' OR 1=1 --" }] })).toEqual([]);
    expect(await rows(a, { entity: "accounts", select: ["id"], filters: [{ field: "name", op: "contains", value: "'; DROP TABLE users; --" }] })).toEqual([]);
    expect(await rows(a, { entity: "accounts", select: ["id"], filters: [{ field: "name", value: "Ünïcødé \"🚀\" \\" }] })).toEqual([]);
    expect(await viewTableCounts()).toEqual(before);
  });
});
