/**
 * What the views and query APIs must answer whatever store holds the views (d1-/neon-query.test.ts): rows are
 * written through the store's ViewStore port, and read through the Worker's own routes with the store's env.
 */
import { describe, expect, it } from "vitest";
import { withViewStore } from "../../../workers/dcl/materialize/for-env";
import type { ViewRows } from "../../../workers/dcl/materialize/store";
import { type ViewPage, ViewPageSchema } from "../../../workers/dcl/query/list-view";
import { QueryResultSchema } from "../../../workers/dcl/query/json-query";
import { bearer, signUp } from "../../helpers/auth";
import type { DclStoreUnderTest } from "../../helpers/dcl-store";
import { call, expectProblem } from "../../helpers/http";

const account = (id: string, fields: Partial<ViewRows["account"]>): ViewRows["account"] => ({
  id,
  source_id: id,
  extras: {},
  sources: [],
  lineage: [`evt-${id}`],
  deleted: false,
  lastSeq: 1,
  name: id,
  industry: null,
  annual_revenue: null,
  currency: null,
  employee_count: null,
  website: null,
  phone: null,
  billing_city: null,
  billing_country: null,
  owner: null,
  description: null,
  created_at: null,
  updated_at: null,
  link: null,
  ...fields,
});

const ACCOUNTS = [
  account("acc-1", { name: "Acme Manufacturing", industry: "Manufacturing", annual_revenue: 5_000_000, employee_count: 120, website: "acme.example", lastSeq: 3 }),
  account("acc-2", { name: "Globex", industry: "Manufacturing", annual_revenue: 750_000.5, employee_count: 30 }),
  account("acc-3", { name: "Initech", industry: "Software", employee_count: 15, website: "initech.example" }),
  account("acc-4", { name: "Gone Corp", industry: "Software", annual_revenue: 1, deleted: true }),
];

async function tenantWithAccounts(storeEnv: DclStoreUnderTest["env"]) {
  const { tenantId, accessToken } = await signUp();
  await withViewStore(storeEnv, tenantId, (store) =>
    store.commit({ assignments: [], upserts: { account: ACCOUNTS, opportunity: [], contact: [], cost: [] }, removals: { account: [], opportunity: [], contact: [], cost: [] } }),
  );
  return bearer(accessToken);
}

export function describeQueryStore(name: string, under: () => DclStoreUnderTest): void {
  describe(`views and query APIs on ${name}`, async () => {
    const { env } = under();
    const auth = await tenantWithAccounts(env);
    const get = (path: string, headers = auth) => call(`/api/v1/dcl/views/${path}`, { headers, env });
    const ids = async (path: string, headers = auth) => {
      const res = await get(path, headers);
      expect(res.status).toBe(200);
      return ViewPageSchema.parse(await res.json()).items.map((i) => i.id);
    };
    const query = (body: unknown, headers = auth) => call("/api/v1/dcl/query", { headers, env, body });

    it("filters with eq, gte, contains (case-insensitive), in and is_null, leaving tombstones out", async () => {
      expect(await ids("accounts?filter[industry]=Manufacturing")).toEqual(["acc-1", "acc-2"]);
      expect(await ids("accounts?filter[annual_revenue][gte]=1000000")).toEqual(["acc-1"]);
      expect(await ids("accounts?filter[name][contains]=ACME")).toEqual(["acc-1"]);
      expect(await ids("accounts?filter[industry][in]=Software,Retail")).toEqual(["acc-3"]);
      expect(await ids("accounts?filter[website][is_null]=true")).toEqual(["acc-2"]);
      expect(await ids("accounts?include_deleted=true&filter[deleted]=true")).toEqual(["acc-4"]);
    });

    it("sorts with nulls last and pages by cursor without skipping or repeating", async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await get(`accounts?sort=-annual_revenue&limit=1${cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`}`);
        const page: ViewPage = ViewPageSchema.parse(await res.json());
        seen.push(...page.items.map((i) => i.id as string));
        cursor = page.next_cursor;
      } while (cursor !== null);
      expect(seen).toEqual(["acc-1", "acc-2", "acc-3"]);
    });

    it("groups and aggregates, numbers as numbers", async () => {
      const res = await query({
        entity: "accounts",
        group_by: ["industry"],
        aggregates: [
          { fn: "count", as: "n" },
          { fn: "sum", field: "employee_count", as: "staff" },
          { fn: "avg", field: "annual_revenue", as: "revenue" },
          { fn: "max", field: "last_seq", as: "last" },
        ],
        order_by: [{ field: "n", dir: "desc" }],
      });
      expect(res.status).toBe(200);
      const result = QueryResultSchema.parse(await res.json());
      expect(result.rows).toEqual([
        ["Manufacturing", 2, 150, 2_875_000.25, 3],
        ["Software", 1, 15, null, 1],
      ]);
    });

    it("treats injection attempts as data or rejects them, and the views stay intact", async () => {
      expect(await ids(`accounts?filter[name]=${encodeURIComponent("x' OR '1'='1")}`)).toEqual([]);
      expect(await ids(`accounts?filter[name][contains]=${encodeURIComponent("%")}`)).toEqual([]);
      await expectProblem(await get(`accounts?sort=${encodeURIComponent("name; drop table materialized_accounts")}`), 400, "validation-error");
      await expectProblem(await get(`accounts?filter[${encodeURIComponent("tenant_id")}]=x`), 400, "validation-error");
      await expectProblem(await query({ entity: "accounts", select: ["name) from materialized_accounts --"] }), 400, "validation-error");
      await expectProblem(await query({ entity: "accounts", aggregates: [{ fn: "count", as: "n; drop" }] }), 400, "validation-error");
      expect(await ids("accounts")).toEqual(["acc-1", "acc-2", "acc-3"]);
    });

    it("another tenant sees none of the rows, by list, query or filter on an id", async () => {
      const other = bearer((await signUp()).accessToken);
      expect(await ids("accounts?include_deleted=true", other)).toEqual([]);
      expect(await ids("accounts?filter[id]=acc-1", other)).toEqual([]);
      const res = await query({ entity: "accounts", aggregates: [{ fn: "count", as: "n" }], include_deleted: true }, other);
      expect(QueryResultSchema.parse(await res.json()).rows).toEqual([[0]]);
    });
  });
}
