import { describe, expect, it } from "vitest";
import { call, expectProblem } from "../../../../helpers/http";
import { tenantWithAccounts } from "../../../../helpers/views";

const t = await tenantWithAccounts("qe");
const problem = async (body: unknown) => expectProblem(await call("/api/v1/dcl/query", { headers: t.auth, body }), 400, "validation-error");

describe("POST /api/v1/dcl/query errors", () => {
  it("validates the shape: entity, unknown keys, limit", async () => {
    await problem({ entity: "users" });
    await problem({ entity: "accounts", where: "1=1" });
    await problem({ entity: "accounts", limit: 1001 });
    await problem({ entity: "accounts", aggregates: [{ fn: "median", field: "annual_revenue", as: "m" }] });
  });

  it("reports each invalid part at its own path", async () => {
    const body = await problem({
      entity: "accounts",
      select: ["name"],
      filters: [{ field: "annual_revenue", op: "gt", value: "big" }],
      group_by: ["industry"],
      aggregates: [{ fn: "sum", field: "name", as: "s" }, { fn: "avg", as: "a" }],
      order_by: [{ field: "nope" }],
    });
    expect(body.errors?.map((e) => e.path).sort()).toEqual(
      ["body.filters.0", "body.select.0", "body.aggregates.0.field", "body.aggregates.1.field", "body.order_by.0.field"].sort(),
    );
  });

  it("rejects duplicate output names and ordering by JSON", async () => {
    await problem({ entity: "accounts", group_by: ["industry"], aggregates: [{ fn: "count", as: "industry" }] });
    await problem({ entity: "accounts", select: ["extras"], order_by: [{ field: "extras" }] });
  });

  it("requires a credential", async () => {
    await expectProblem(await call("/api/v1/dcl/query", { body: { entity: "accounts" } }), 401, "unauthorized");
  });
});
