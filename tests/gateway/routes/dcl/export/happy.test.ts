import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { tableFromIPC } from "apache-arrow";
import { parquetReadObjects } from "hyparquet";
import { database } from "../../../../../workers/platform/db";
import { d1Views } from "../../../../../workers/dcl/query/catalog";
import { d1Runner } from "../../../../../workers/dcl/query/runner";
import { viewPages } from "../../../../../workers/dcl/export/pages";
import { call } from "../../../../helpers/http";
import { tenantWithAccounts } from "../../../../helpers/views";

const t = await tenantWithAccounts("x");
const download = async (query: string) => {
  const res = await call(`/api/v1/dcl/export/accounts?${query}`, { headers: t.auth });
  expect(res.status).toBe(200);
  return res;
};

describe("GET /api/v1/dcl/export/{entity}", () => {
  it("streams NDJSON, one live row per line, as an attachment", async () => {
    const res = await download("format=ndjson");
    expect(res.headers.get("content-type")).toBe("application/x-ndjson");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="accounts.ndjson"');
    const lines = (await res.text()).trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(["x-1", "x-2", "x-3"]);
    expect(lines[0]).toMatchObject({ name: "Acme Manufacturing", annual_revenue: 5_000_000, extras: { tier: "gold" }, lineage: ["evt-x-1"] });
    expect(lines[0]).not.toHaveProperty("tenant_id");
  });

  it("writes an Arrow IPC stream that parses back with typed columns", async () => {
    const res = await download("format=arrow&include_deleted=true");
    expect(res.headers.get("content-type")).toBe("application/vnd.apache.arrow.stream");
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    expect(table.numRows).toBe(4);
    expect(table.schema.fields.map((f) => f.name)).not.toContain("tenant_id");
    expect(String(table.schema.fields.find((f) => f.name === "annual_revenue")!.type)).toBe("Float64");
    expect(String(table.schema.fields.find((f) => f.name === "employee_count")!.type)).toBe("Int64");
    expect(table.getChild("name")!.toArray()).toEqual(["Acme Manufacturing", "Globex", "Initech", "Gone Corp"]);
    expect(table.getChild("deleted")!.toArray()).toEqual([false, false, false, true]);
    expect(JSON.parse(table.getChild("extras")!.get(0) as string)).toEqual({ tier: "gold" });
    expect(table.getChild("employee_count")!.get(0)).toBe(120n);
  });

  it("writes Arrow without generating code at run time (deployed Workers forbid eval; this pool allows it)", async () => {
    const original = globalThis.Function;
    const forbid = () => {
      throw new EvalError("Code generation from strings disallowed for this context");
    };
    globalThis.Function = new Proxy(original, { construct: forbid, apply: forbid });
    try {
      const res = await download("format=arrow");
      const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
      expect([...table.getChild("name")!]).toEqual(["Acme Manufacturing", "Globex", "Initech"]);
      expect([...table.getChild("website")!]).toEqual(["acme.example", null, "initech.example"]);
      expect([...table.getChild("annual_revenue")!]).toEqual([5_000_000, 750_000, null]);
      expect([...table.getChild("deleted")!]).toEqual([false, false, false]);
    } finally {
      globalThis.Function = original;
    }
  });

  it("writes Parquet that parses back with the same rows and columns", async () => {
    const res = await download("format=parquet");
    expect(res.headers.get("content-type")).toBe("application/vnd.apache.parquet");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="accounts.parquet"');
    const rows = await parquetReadObjects({ file: await res.arrayBuffer() });
    expect(rows.map((r) => [r.id, r.name, r.annual_revenue, r.employee_count, r.website])).toEqual([
      ["x-1", "Acme Manufacturing", 5_000_000, 120n, "acme.example"],
      ["x-2", "Globex", 750_000, 30n, null],
      ["x-3", "Initech", null, 8n, "initech.example"],
    ]);
    expect(rows[0]!.extras).toEqual({ tier: "gold" });
  });

  it("exports an empty view as a valid, empty file", async () => {
    const res = await call("/api/v1/dcl/export/contacts?format=arrow", { headers: t.auth });
    expect(tableFromIPC(new Uint8Array(await res.arrayBuffer())).numRows).toBe(0);
    const pq = await call("/api/v1/dcl/export/contacts?format=parquet", { headers: t.auth });
    expect(await parquetReadObjects({ file: await pq.arrayBuffer() })).toEqual([]);
  });

  it("reads the view page by page in id order", async () => {
    const pages: string[][] = [];
    for await (const page of viewPages(d1Runner(database(env.DB), t.tenantId), d1Views.accounts, { includeDeleted: true, pageRows: 3 })) {
      pages.push(page.map((r) => r.id as string));
    }
    expect(pages).toEqual([["x-1", "x-2", "x-3"], ["x-4"]]);
  });
});
