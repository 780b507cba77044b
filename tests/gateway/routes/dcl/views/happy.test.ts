import { describe, expect, it } from "vitest";
import { ViewPageSchema } from "../../../../../workers/dcl/query/list-view";
import { call } from "../../../../helpers/http";
import { insertOpportunities, tenantWithAccounts } from "../../../../helpers/views";

const t = await tenantWithAccounts("acc");
const list = async (path: string) => {
  const res = await call(`/api/v1/dcl/views/${path}`, { headers: t.auth });
  expect(res.status).toBe(200);
  return ViewPageSchema.parse(await res.json());
};

describe("GET /api/v1/dcl/views/{entity}", () => {
  it("lists live rows with canonical field names, decoded JSON and no lineage by default", async () => {
    const { items, next_cursor } = await list("accounts");
    expect(items.map((i) => i.id)).toEqual(["acc-1", "acc-2", "acc-3"]);
    expect(items[0]).toMatchObject({ name: "Acme Manufacturing", annual_revenue: 5_000_000, employee_count: 120, extras: { tier: "gold" }, sources: [], deleted: false, link: null });
    expect(items[0]).not.toHaveProperty("lineage");
    expect(items[0]).not.toHaveProperty("tenant_id");
    expect(next_cursor).toBeNull();
  });

  it("includes lineage on request and tombstones with include_deleted", async () => {
    const { items } = await list("accounts?include=lineage&include_deleted=true&fields=name,deleted");
    expect(items).toEqual([
      { id: "acc-1", name: "Acme Manufacturing", deleted: false, lineage: ["evt-acc-1"] },
      { id: "acc-2", name: "Globex", deleted: false, lineage: ["evt-acc-2"] },
      { id: "acc-3", name: "Initech", deleted: false, lineage: ["evt-acc-3"] },
      { id: "acc-4", name: "Gone Corp", deleted: true, lineage: ["evt-acc-4"] },
    ]);
  });

  it("filters with eq, gte, contains (case-insensitive), in and is_null", async () => {
    const ids = async (q: string) => (await list(`accounts?fields=name&${q}`)).items.map((i) => i.id);
    expect(await ids("filter[industry]=Manufacturing")).toEqual(["acc-1", "acc-2"]);
    expect(await ids("filter[annual_revenue][gte]=1000000")).toEqual(["acc-1"]);
    expect(await ids("filter[name][contains]=ACME")).toEqual(["acc-1"]);
    expect(await ids("filter[name][starts_with]=glo")).toEqual(["acc-2"]);
    expect(await ids("filter[industry][in]=Software,Retail")).toEqual(["acc-3"]);
    expect(await ids("filter[website][is_null]=true")).toEqual(["acc-2"]);
    expect(await ids("filter[industry]=Manufacturing&filter[employee_count][lt]=100")).toEqual(["acc-2"]);
    expect(await ids("filter[name][contains]=%25")).toEqual([]); // % is matched literally
  });

  it("sorts descending with nulls last, and returns only the selected fields plus id", async () => {
    const { items } = await list("accounts?sort=-annual_revenue,name&fields=name,annual_revenue");
    expect(items).toEqual([
      { id: "acc-1", name: "Acme Manufacturing", annual_revenue: 5_000_000 },
      { id: "acc-2", name: "Globex", annual_revenue: 750_000 },
      { id: "acc-3", name: "Initech", annual_revenue: null },
    ]);
  });

  it("pages with a cursor under a sort with ties and nulls, without gaps or repeats", async () => {
    for (const sort of ["-annual_revenue", "industry,-name", "website", "-deleted,name"]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Record<string, unknown>[]; next_cursor: string | null } = await list(
          `accounts?include_deleted=true&limit=1&sort=${sort}${cursor === null ? "" : `&cursor=${cursor}`}`,
        );
        seen.push(...page.items.map((i) => i.id as string));
        cursor = page.next_cursor;
      } while (cursor !== null);
      const all = (await list(`accounts?include_deleted=true&sort=${sort}`)).items.map((i) => i.id);
      expect(seen).toEqual(all);
      expect(new Set(seen).size).toBe(4);
    }
  });

  it("lists opportunities with the unified account_id and the source's", async () => {
    await insertOpportunities(t.tenantId, [{ id: "opp-1", name: "Deal", account_id: "acc-1", source_account_id: "LEG-1", amount: 10, currency: "EUR", status: "open" }]);
    const { items } = await list("opportunities?filter[status]=open&fields=name,account_id,source_account_id,amount");
    expect(items).toEqual([{ id: "opp-1", name: "Deal", account_id: "acc-1", source_account_id: "LEG-1", amount: 10 }]);
  });
});
