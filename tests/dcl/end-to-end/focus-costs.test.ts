/**
 * FinOps costs end to end: a FOCUS 1.0 export uploaded through the files API of a filesource connection (its name
 * alone picks the mapping), the queues drained (sync → raw → canonical → views), and the cost view read back through
 * the views, query, export and lineage APIs.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { UploadAcceptedSchema } from "../../../workers/gateway/routes/aam/connections/files";
import { RunSchema } from "../../../workers/gateway/routes/aam/runs/schemas";
import { ViewPageSchema } from "../../../workers/dcl/query/list-view";
import { QueryResultSchema } from "../../../workers/dcl/query/json-query";
import { RowLineageSchema } from "../../../workers/dcl/catalog/row-lineage";
import { CatalogEntityListSchema } from "../../../workers/dcl/catalog/entities";
import { type SignedUp, bearer, signUp } from "../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../helpers/connections";
import { call } from "../../helpers/http";
import { captureQueues, queueDrainer } from "../../helpers/pipeline";
import focusSample from "../../fixtures/focus/focus-sample.csv?raw";

let owner: SignedUp;
let run: ReturnType<typeof RunSchema.parse>;

const getJson = async (path: string) => {
  const res = await call(path, { headers: bearer(owner.accessToken) });
  expect(res.status, path).toBe(200);
  return res.json();
};
const query = async (body: unknown) => {
  const res = await call("/api/v1/dcl/query", { headers: bearer(owner.accessToken), body });
  expect(res.status, await res.clone().text()).toBe(200);
  return QueryResultSchema.parse(await res.json());
};

beforeAll(async () => {
  owner = await signUp();
  const drainQueues = queueDrainer(captureQueues());
  const connection = await createConnection(owner.accessToken, { name: "cloud bills", config: {} });
  const res = await call(`${CONNECTIONS}/${connection.id}/files?name=focus-2024-09.csv`, {
    body: new TextEncoder().encode(focusSample),
    headers: { ...bearer(owner.accessToken), "content-type": "text/csv" },
  });
  expect(res.status, await res.clone().text()).toBe(202);
  const { run_id } = UploadAcceptedSchema.parse(await res.json());
  await drainQueues();
  run = RunSchema.parse(await getJson(`/api/v1/aam/runs/${run_id}`));
});
afterAll(() => vi.restoreAllMocks());

describe("a FOCUS export through the DCL", () => {
  it("maps every row of the upload", () => {
    expect(run).toMatchObject({ status: "succeeded", counts: { read: 20, emitted: 20, quarantined: 0 } });
  });

  it("lists the cost lines with GET /api/v1/dcl/views/costs, filtered and sorted on FOCUS columns", async () => {
    const all = ViewPageSchema.parse(await getJson("/api/v1/dcl/views/costs?limit=100")).items;
    expect(all).toHaveLength(20);
    expect(all.every((row) => typeof row.billed_cost === "number" && typeof row.charge_period_start === "string")).toBe(true);

    const credits = ViewPageSchema.parse(await getJson("/api/v1/dcl/views/costs?filter[charge_category]=Credit&sort=billed_cost&fields=billed_cost,provider_name,tags")).items;
    expect(credits.map((c) => [c.provider_name, c.billed_cost, c.tags])).toEqual([
      ["AWS", -50, null],
      ["Google Cloud", -0.9677, null],
    ]);
    const tagged = ViewPageSchema.parse(await getJson("/api/v1/dcl/views/costs?filter[service_name]=BigQuery&fields=tags,sub_account_id,consumed_quantity")).items;
    expect(tagged).toEqual([expect.objectContaining({ tags: { app: "etl", env: "prod" }, sub_account_id: "acme-analytics-prod", consumed_quantity: 1.5 })]);
  });

  it("sums billed and effective cost per provider and currency with POST /api/v1/dcl/query", async () => {
    const result = await query({
      entity: "costs",
      group_by: ["provider_name", "billing_currency"],
      aggregates: [{ fn: "count", as: "lines" }, { fn: "sum", field: "billed_cost", as: "billed" }, { fn: "sum", field: "effective_cost", as: "effective" }],
      order_by: [{ field: "provider_name", dir: "asc" }],
    });
    expect(result.columns.map((c) => c.name)).toEqual(["provider_name", "billing_currency", "lines", "billed", "effective"]);
    const rounded = result.rows.map(([provider, currency, lines, billed, effective]) => [provider, currency, lines, Math.round((billed as number) * 1e4) / 1e4, Math.round((effective as number) * 1e4) / 1e4]);
    expect(rounded).toEqual([
      ["AWS", "USD", 8, 753.024, 21.6416],
      ["Google Cloud", "USD", 5, 11.6329, 10.6652],
      ["Microsoft", "EUR", 7, 384.9076, 384.9076],
    ]);
  });

  it("filters by charge period, the index the FinOps reads use", async () => {
    const result = await query({
      entity: "costs",
      select: ["service_name", "billed_cost"],
      filters: [{ field: "charge_period_start", op: "gte", value: "2024-09-15T00:00:00.000Z" }],
      order_by: [{ field: "service_name", dir: "asc" }],
    });
    expect(result.rows).toEqual([
      ["Amazon Elastic Compute Cloud", 2.304],
      ["Virtual Machines", 4.416],
    ]);
  });

  it("exports the cost view as NDJSON, every live row with its tags", async () => {
    const res = await call("/api/v1/dcl/export/costs?format=ndjson", { headers: bearer(owner.accessToken) });
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(20);
    expect(lines.find((l) => l.charge_description === "Hot LRS Data Stored")).toMatchObject({ tags: { CostCenter: "cc-2077", env: "prod", owner: "" }, billing_currency: "EUR" });
  });

  it("exports the cost view as Arrow and Parquet", async () => {
    for (const format of ["arrow", "parquet"]) {
      const res = await call(`/api/v1/dcl/export/costs?format=${format}`, { headers: bearer(owner.accessToken) });
      expect(res.status, format).toBe(200);
      expect((await res.arrayBuffer()).byteLength, format).toBeGreaterThan(0);
    }
  });

  it("counts the cost view in the catalog and traces a row back to its upload", async () => {
    const catalog = CatalogEntityListSchema.parse(await getJson("/api/v1/dcl/catalog/entities"));
    expect(catalog.items.find((e) => e.entity === "cost")).toMatchObject({ view: "costs", rows: { live: 20, tombstoned: 0 }, fields: expect.arrayContaining([expect.objectContaining({ name: "billed_cost" })]) });
    const [row] = ViewPageSchema.parse(await getJson("/api/v1/dcl/views/costs?limit=1")).items;
    const lineage = RowLineageSchema.parse(await getJson(`/api/v1/dcl/catalog/lineage/cost/${row!.id as string}`));
    expect(lineage.sources).toEqual([expect.objectContaining({ system: "filesource", object: "focus-2024-09.csv" })]);
    expect(lineage.events).toEqual([expect.objectContaining({ mapping_version: expect.stringMatching(/^filesource\/focus-costs@1#/), run_id: run.id })]);
  });
});
