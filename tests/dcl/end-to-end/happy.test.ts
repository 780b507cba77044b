/// <reference types="vite/types/import-meta.d.ts" />
/**
 * The DCL end to end on the demo data: one tenant uploads the legacy CRM's and HubSpot's exports into two
 * connections, the queues are drained (sync → raw → canonical → views), and the tenant's unified views, query,
 * catalog lineage and export agree with each other and with what the runs emitted.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { UploadAcceptedSchema } from "../../../workers/gateway/routes/aam/connections/files";
import type { z } from "@hono/zod-openapi";
import { RunSchema } from "../../../workers/gateway/routes/aam/runs/schemas";
import { ViewPageSchema } from "../../../workers/dcl/query/list-view";
import { QueryResultSchema } from "../../../workers/dcl/query/json-query";
import { LineageGraphSchema } from "../../../workers/dcl/catalog/lineage";
import { type SignedUp, bearer, signUp } from "../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../helpers/connections";
import { call } from "../../helpers/http";
import { captureQueues, queueDrainer } from "../../helpers/pipeline";

const onDisk = import.meta.glob("../../../scripts/demo/*/*", { query: "?raw", import: "default", eager: true });
const demoFiles = Object.entries(onDisk).map(([path, text]) => ({ path: path.replace(/^(\.\.\/)+scripts\/demo\//, ""), text: text as string }));

let owner: SignedUp;
const connectionOf: Record<string, string> = {};
/** each uploaded file's finished run, with the connection and object it read */
const runs: z.infer<typeof RunSchema>[] = [];

const getJson = async (path: string) => {
  const res = await call(path, { headers: bearer(owner.accessToken) });
  expect(res.status, path).toBe(200);
  return res.json();
};
const allRows = async (view: string) => ViewPageSchema.parse(await getJson(`/api/v1/dcl/views/${view}?include_deleted=true&include=lineage&limit=500`)).items;

beforeAll(async () => {
  owner = await signUp();
  const drainQueues = queueDrainer(captureQueues());
  const uploaded: string[] = [];
  for (const folder of ["legacy-crm", "hubspot"]) {
    connectionOf[folder] = (await createConnection(owner.accessToken, { name: folder, config: {} })).id;
    for (const { path, text } of demoFiles.filter((f) => f.path.startsWith(`${folder}/`))) {
      const name = path.split("/")[1]!;
      const res = await call(`${CONNECTIONS}/${connectionOf[folder]}/files?name=${name}`, {
        body: new TextEncoder().encode(text),
        headers: { ...bearer(owner.accessToken), "content-type": name.endsWith(".tsv") ? "text/tab-separated-values" : "text/csv" },
      });
      expect(res.status, await res.clone().text()).toBe(202);
      uploaded.push(UploadAcceptedSchema.parse(await res.json()).run_id);
    }
  }
  await drainQueues();
  for (const id of uploaded) runs.push(RunSchema.parse(await getJson(`/api/v1/aam/runs/${id}`)));
});
afterAll(() => vi.restoreAllMocks());

describe("the demo CRMs through the DCL", () => {
  it("ran every upload to the end", () => {
    expect(runs).toHaveLength(6);
    for (const run of runs) expect(run.status).toBe("succeeded");
  });

  it("lists unified accounts: Müller and Mueller are one account with two sources and a link reason", async () => {
    const accounts = ViewPageSchema.parse(await getJson("/api/v1/dcl/views/accounts?limit=500")).items;
    const mueller = accounts.filter((a) => JSON.stringify(a.sources).includes("K-1001") || JSON.stringify(a.sources).includes('"9001"'));
    expect(mueller).toHaveLength(1);
    const [account] = mueller as [Record<string, unknown>];
    expect((account.sources as { connection_id: string; record_id: string }[]).map((s) => [s.connection_id, s.record_id]).sort()).toEqual(
      [
        [connectionOf["legacy-crm"], "K-1001"],
        [connectionOf.hubspot, "9001"],
      ].sort(),
    );
    const link = account.link as { confidence: number; reasons: { rule: string; detail: string }[] };
    expect(link.confidence).toBeGreaterThan(0);
    expect(link.reasons.map((r) => r.rule)).toContain("domain");
    // every emitted account record is in exactly one unified account
    const sources = accounts.flatMap((a) => a.sources as unknown[]);
    const emittedAccounts = runs.filter((r) => r.object === "accounts.csv" || r.object === "hubspot-companies.csv").reduce((n, r) => n + r.counts.emitted, 0);
    expect(sources).toHaveLength(emittedAccounts);
    expect(accounts.length).toBeLessThan(emittedAccounts);
  });

  it("points every opportunity's account_id at the unified account of its source account, across both CRMs", async () => {
    const accounts = await allRows("accounts");
    const unifiedOf = new Map(accounts.flatMap((a) => (a.sources as { connection_id: string; record_id: string }[]).map((s) => [JSON.stringify([s.connection_id, s.record_id]), a.id])));
    const opportunities = await allRows("opportunities");
    const connectionOfRow = (o: Record<string, unknown>) => (o.sources as { connection_id: string }[])[0]!.connection_id;
    expect(new Set(opportunities.map(connectionOfRow))).toEqual(new Set(Object.values(connectionOf)));
    let resolved = 0;
    for (const opportunity of opportunities) {
      // an account quarantined in its source (Brightwater's K-1007) leaves its deals unresolved
      const expected = unifiedOf.get(JSON.stringify([connectionOfRow(opportunity), opportunity.source_account_id])) ?? null;
      expect(opportunity.account_id, JSON.stringify(opportunity)).toBe(expected);
      if (expected !== null) resolved += 1;
    }
    expect(resolved).toBeGreaterThan(opportunities.length / 2);
    // Müller's deal from the legacy CRM and Mueller's from HubSpot land on the same unified account
    const byName = (prefix: string) => opportunities.filter((o) => (o.name as string).startsWith(prefix)).map((o) => o.account_id);
    const muellerDeals = [...byName("Müller"), ...byName("Mueller")];
    expect(muellerDeals.length).toBeGreaterThanOrEqual(2);
    expect(new Set(muellerDeals).size).toBe(1);
  });

  it("groups the real opportunities with POST /api/v1/dcl/query", async () => {
    const res = await call("/api/v1/dcl/query", {
      headers: bearer(owner.accessToken),
      body: { entity: "opportunities", group_by: ["status"], aggregates: [{ fn: "count", as: "n" }], order_by: [{ field: "status", dir: "asc" }] },
    });
    expect(res.status).toBe(200);
    const result = QueryResultSchema.parse(await res.json());
    const opportunities = (await allRows("opportunities")).filter((o) => o.deleted === false);
    const expected = new Map<string, number>();
    for (const o of opportunities) expected.set(o.status as string, (expected.get(o.status as string) ?? 0) + 1);
    expect(result.rows).toEqual([...expected.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([status, n]) => [status, n]));
  });

  it("draws a lineage graph whose counts are the runs' emitted and quarantined counts and the views' rows", async () => {
    const graph = LineageGraphSchema.parse(await getJson("/api/v1/dcl/catalog/lineage"));
    const from = (id: string) => graph.links.filter((l) => l.source === id);
    for (const run of runs) {
      const node = graph.nodes.find((n) => n.kind === "source_object" && n.connection_id === run.connection_id && n.object === run.object);
      expect(node, run.object ?? "").toBeDefined();
      const links = from(node!.id);
      const mapped = links.filter((l) => l.target.startsWith("mapping:"));
      expect(mapped).toHaveLength(1);
      expect(mapped[0]!.value).toBe(run.counts.emitted);
      expect(links.find((l) => l.target === "quarantine")?.value ?? 0).toBe(run.counts.quarantined);
    }
    for (const [view, entity] of [["accounts", "account"], ["opportunities", "opportunity"], ["contacts", "contact"]] as const) {
      const rows = await allRows(view);
      const live = rows.filter((r) => r.deleted === false).length;
      expect(graph.nodes.find((n) => n.id === `view:${view}`)?.rows).toEqual({ live, tombstoned: rows.length - live });
      expect(graph.links.find((l) => l.source === `entity:${entity}` && l.target === `view:${view}`)?.value).toBe(rows.length);
    }
    const intoEntities = graph.links.filter((l) => l.target.startsWith("entity:")).reduce((n, l) => n + l.value, 0);
    expect(intoEntities).toBe(runs.reduce((n, r) => n + r.counts.emitted, 0));
  });

  it("traces a unified account's lineage back to both sources' events and mapping versions", async () => {
    const [mueller] = (await allRows("accounts")).filter((a) => JSON.stringify(a.sources).includes("K-1001"));
    const lineage = (await getJson(`/api/v1/dcl/catalog/lineage/account/${mueller!.id}`)) as { events: { event_id: string; mapping_version: string }[] };
    expect(lineage.events.map((e) => e.event_id).sort()).toEqual([...(mueller!.lineage as string[])].sort());
    expect(lineage.events.map((e) => e.mapping_version.split("@")[0]).sort()).toEqual(["filesource/accounts", "filesource/hubspot-companies"]);
  });

  it("exports every live row as NDJSON", async () => {
    for (const view of ["accounts", "opportunities", "contacts"]) {
      const res = await call(`/api/v1/dcl/export/${view}?format=ndjson`, { headers: bearer(owner.accessToken) });
      expect(res.status).toBe(200);
      const lines = (await res.text()).trimEnd().split("\n").map((l) => JSON.parse(l) as { id: string });
      const live = (await allRows(view)).filter((r) => r.deleted === false);
      expect(lines.map((l) => l.id).sort()).toEqual(live.map((r) => r.id as string).sort());
    }
  });
});
