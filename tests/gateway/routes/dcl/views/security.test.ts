import { describe, expect, it } from "vitest";
import { encodeOpaque } from "../../../../../workers/platform/base64";
import { call, expectProblem } from "../../../../helpers/http";
import { tenantWithAccounts, viewTableCounts } from "../../../../helpers/views";

const a = await tenantWithAccounts("a");
const b = await tenantWithAccounts("b");
const ids = async (caller: typeof a, query: string) => {
  const res = await call(`/api/v1/dcl/views/accounts?${query}`, { headers: caller.auth });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id);
};
const bad = async (query: string) => expectProblem(await call(`/api/v1/dcl/views/accounts?${query}`, { headers: a.auth }), 400, "validation-error");

describe("GET /api/v1/dcl/views/{entity} security", () => {
  it("never shows another tenant's rows, whatever the filter", async () => {
    expect(await ids(a, "include_deleted=true")).toEqual(["a-1", "a-2", "a-3", "a-4"]);
    expect(await ids(a, "filter[id]=b-1")).toEqual([]);
    expect(await ids(a, "filter[id][in]=b-1,b-2,a-1")).toEqual(["a-1"]);
    expect(await ids(a, "filter[id][starts_with]=b")).toEqual([]);
  });

  it("refuses injection through field names, operators, sort and fields", async () => {
    const before = await viewTableCounts();
    for (const q of [
      `filter[${encodeURIComponent("name; DROP TABLE materialized_accounts")}]=x`,
      "filter[tenant_id]=x",
      `filter[${encodeURIComponent("extras'--")}]=x`,
      `filter[name][${encodeURIComponent("eq OR 1=1")}]=x`,
      "sort=tenant_id",
      `sort=${encodeURIComponent("name; DROP TABLE users")}`,
      `sort=${encodeURIComponent("(select 1)")}`,
      "fields=tenant_id",
      `fields=${encodeURIComponent('name,"tenant_id"')}`,
    ]) {
      await bad(q);
    }
    expect(await viewTableCounts()).toEqual(before);
  });

  it("binds values: quotes, OR 1=1 and unicode match literally", async () => {
    const before = await viewTableCounts();
    expect(await ids(a, `filter[name]=${encodeURIComponent("x' OR 1=1 --")}`)).toEqual([]);
    expect(await ids(a, `filter[name][contains]=${encodeURIComponent("' OR '1'='1")}`)).toEqual([]);
    expect(await ids(a, `filter[name][in]=${encodeURIComponent("Globex'); DROP TABLE tenants; --,Globex")}`)).toEqual(["a-2"]);
    expect(await ids(a, `filter[name]=${encodeURIComponent("Ünïcødé 🚀 \u0000")}`)).toEqual([]);
    expect(await viewTableCounts()).toEqual(before);
  });

  it("a cursor from another tenant only moves the position within the caller's own rows", async () => {
    const page = await (await call("/api/v1/dcl/views/accounts?limit=1&sort=name", { headers: b.auth })).json<{ next_cursor: string }>();
    const res = await call(`/api/v1/dcl/views/accounts?limit=10&sort=name&cursor=${page.next_cursor}`, { headers: a.auth });
    const items = ((await res.json()) as { items: { id: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.id.startsWith("a-"))).toBe(true);
  });

  it("refuses forged and tampered cursors", async () => {
    const forged = [
      "not-a-cursor",
      encodeOpaque("{}"),
      encodeOpaque(JSON.stringify({ sort: "name", values: ["x' OR 1=1"], id: "a-1", tenant: b.tenantId })),
      encodeOpaque(JSON.stringify({ sort: "annual_revenue", values: ["1 OR 1=1"], id: "a-1" })),
      encodeOpaque(JSON.stringify({ sort: "name", values: [], id: "a-1" })),
      encodeOpaque(JSON.stringify({ sort: "tenant_id", values: ["x"], id: "a-1" })),
    ];
    for (const cursor of forged) {
      const sort = cursor === forged[3] ? "annual_revenue" : "name";
      const body = await bad(`sort=${sort}&cursor=${cursor}`);
      expect(body.errors?.[0]?.path).toBe("query.cursor");
    }
  });
});
