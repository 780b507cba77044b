import { describe, expect, it } from "vitest";
import { QueryResultSchema } from "../../../../../workers/dcl/query/json-query";
import { call } from "../../../../helpers/http";
import { tenantWithAccounts } from "../../../../helpers/views";

const t = await tenantWithAccounts("q");
const query = async (body: unknown) => {
  const res = await call("/api/v1/dcl/query", { headers: t.auth, body });
  expect(res.status).toBe(200);
  return QueryResultSchema.parse(await res.json());
};

describe("POST /api/v1/dcl/query", () => {
  it("selects fields of live rows, filtered and ordered, as a table", async () => {
    const result = await query({
      entity: "accounts",
      select: ["name", "annual_revenue", "extras"],
      filters: [{ field: "industry", op: "eq", value: "Manufacturing" }],
      order_by: [{ field: "annual_revenue", dir: "asc" }],
    });
    expect(result).toEqual({
      columns: [
        { name: "name", type: "text" },
        { name: "annual_revenue", type: "real" },
        { name: "extras", type: "json" },
      ],
      rows: [
        ["Globex", 750_000, {}],
        ["Acme Manufacturing", 5_000_000, { tier: "gold" }],
      ],
      truncated: false,
    });
  });

  it("groups with count, sum, avg, min and max", async () => {
    const result = await query({
      entity: "accounts",
      group_by: ["industry"],
      aggregates: [
        { fn: "count", as: "n" },
        { fn: "sum", field: "annual_revenue", as: "revenue" },
        { fn: "avg", field: "employee_count", as: "avg_staff" },
        { fn: "min", field: "name", as: "first" },
        { fn: "max", field: "employee_count", as: "most" },
      ],
      order_by: [{ field: "n", dir: "desc" }],
    });
    expect(result.columns.map((c) => `${c.name}:${c.type}`)).toEqual(["industry:text", "n:integer", "revenue:real", "avg_staff:real", "first:text", "most:integer"]);
    expect(result.rows).toEqual([
      ["Manufacturing", 2, 5_750_000, 75, "Acme Manufacturing", 120],
      ["Software", 1, null, 8, "Initech", 8],
    ]);
  });

  it("counts tombstones only when asked, and reports truncation at the limit", async () => {
    expect((await query({ entity: "accounts", aggregates: [{ fn: "count", as: "n" }] })).rows).toEqual([[3]]);
    expect((await query({ entity: "accounts", aggregates: [{ fn: "count", as: "n" }], include_deleted: true })).rows).toEqual([[4]]);
    const limited = await query({ entity: "accounts", select: ["id"], limit: 2 });
    expect(limited).toMatchObject({ rows: [["q-1"], ["q-2"]], truncated: true });
  });
});
