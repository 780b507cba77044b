import { describe, expect, it } from "vitest";
import { tableFromIPC } from "apache-arrow";
import { parquetReadObjects } from "hyparquet";
import { call, expectProblem } from "../../../../helpers/http";
import { tenantWithAccounts, viewTableCounts } from "../../../../helpers/views";

const a = await tenantWithAccounts("a");
const b = await tenantWithAccounts("b");

describe("GET /api/v1/dcl/export/{entity} security", () => {
  it("exports only the caller's rows in every format", async () => {
    const ndjson = await (await call("/api/v1/dcl/export/accounts?include_deleted=true", { headers: a.auth })).text();
    expect(ndjson.trimEnd().split("\n").map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(["a-1", "a-2", "a-3", "a-4"]);
    const arrow = tableFromIPC(new Uint8Array(await (await call("/api/v1/dcl/export/accounts?format=arrow", { headers: b.auth })).arrayBuffer()));
    expect(arrow.getChild("id")!.toArray()).toEqual(["b-1", "b-2", "b-3"]);
    const parquet = await parquetReadObjects({ file: await (await call("/api/v1/dcl/export/accounts?format=parquet", { headers: a.auth })).arrayBuffer() });
    expect(parquet.map((r) => r.id)).toEqual(["a-1", "a-2", "a-3"]);
  });

  it("refuses injection in the path and query, leaving the tables intact", async () => {
    const before = await viewTableCounts();
    for (const path of [
      `/api/v1/dcl/export/${encodeURIComponent("accounts; DROP TABLE users")}`,
      `/api/v1/dcl/export/accounts?format=${encodeURIComponent("ndjson' OR 1=1 --")}`,
      `/api/v1/dcl/export/accounts?include_deleted=${encodeURIComponent("true OR 1=1")}`,
    ]) {
      await expectProblem(await call(path, { headers: a.auth }), 400, "validation-error");
    }
    // a tenant named in the query is not a parameter: the export stays the caller's
    const res = await call(`/api/v1/dcl/export/accounts?tenant_id=${b.tenantId}`, { headers: a.auth });
    expect((await res.text()).includes('"b-')).toBe(false);
    expect(await viewTableCounts()).toEqual(before);
  });
});
