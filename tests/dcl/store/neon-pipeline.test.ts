/**
 * DCL_STORE = "neon" end to end, through the Worker's own handlers with the Neon bindings: a raw batch is
 * normalized into the Postgres stream (quarantine and run counters staying in D1), its CanonicalBatch materialized
 * into the Postgres views, and the views, query, export, events and rebuild APIs read them back from Postgres.
 */
import { describe, expect, it } from "vitest";
import { EventPageSchema } from "../../../workers/gateway/routes/aam/events/list";
import { ViewPageSchema } from "../../../workers/dcl/query/list-view";
import { QueryResultSchema } from "../../../workers/dcl/query/json-query";
import { streamStoreFor } from "../../../workers/dcl/store/for-env";
import { bearer } from "../../helpers/auth";
import { call } from "../../helpers/http";
import { neonEnv } from "../../helpers/neon";
import { accountsBatch, newConnectionId, quarantineRows, readRun, runCounts, streamRows, tenantScope } from "../../helpers/normalize";
import { captureQueues, deliver } from "../../helpers/pipeline";

const neon = neonEnv();

describe('DCL_STORE = "neon": pipeline → Postgres stream → materializer → Postgres views → APIs', async () => {
  const { scope, accessToken } = await tenantScope();
  const auth = bearer(accessToken);
  const connectionId = newConnectionId();
  const runId = await readRun(scope, connectionId, 3);
  const batch = { ...accountsBatch(scope.tenantId, runId, connectionId), batch_id: "b1" };
  let canonical: unknown; // what the normalize step handed to CANONICAL_QUEUE

  it("normalizes into the Postgres stream, counting and quarantining in D1, once however often delivered", async () => {
    const queues = captureQueues();
    expect((await deliver("autonomos-raw", [batch], 1, neon)).result.explicitAcks).toHaveLength(1);
    const events = await streamStoreFor(neon).readEvents(scope.tenantId, {}, 10);
    expect(events.map((e) => e.event.source.record_id)).toEqual(["A-1", "A-2"]);
    expect(await streamRows(runId)).toEqual([]); // nothing in D1's stream
    expect(queues.canonicalBatches()).toEqual([{ tenant_id: scope.tenantId, trace_id: "trace-normalize", seqs: events.map((e) => e.seq) }]);
    canonical = queues.canonicalBatches()[0];
    expect(await runCounts(runId)).toMatchObject({ status: "succeeded", emitted: 2, quarantined: 2, duplicates: 0, batches_done: 1 });
    expect(await quarantineRows(runId)).toHaveLength(2);

    // a redelivery adds nothing, hands nothing on and counts nothing
    expect((await deliver("autonomos-raw", [batch], 2, neon)).result.explicitAcks).toHaveLength(1);
    expect(await streamStoreFor(neon).readEvents(scope.tenantId, {}, 10)).toHaveLength(2);
    expect(queues.canonicalBatches()).toHaveLength(1);
    expect(await runCounts(runId)).toMatchObject({ emitted: 2, quarantined: 2, batches_done: 1 });
    expect(await quarantineRows(runId)).toHaveLength(2);
  });

  it("materializes the CanonicalBatch into the Postgres views; the views API reads them from there", async () => {
    expect((await deliver("autonomos-canonical", [canonical], 1, neon)).result.explicitAcks).toHaveLength(1);

    const res = await call("/api/v1/dcl/views/accounts?sort=name&fields=name,annual_revenue,employee_count,sources", { headers: auth, env: neon });
    expect(res.status).toBe(200);
    const page = ViewPageSchema.parse(await res.json());
    expect(page.items.map((i) => [i.name, i.annual_revenue, i.employee_count])).toEqual([
      ["Acme A-1", 1234567, 250],
      ["Acme A-2", 1234567, 250],
    ]);
    expect(page.items[0]!.sources).toEqual([expect.objectContaining({ connection_id: connectionId, record_id: "A-1" })]);

    // the D1 views of the tenant stayed empty: the API above read Postgres
    const d1 = ViewPageSchema.parse(await (await call("/api/v1/dcl/views/accounts", { headers: auth })).json());
    expect(d1.items).toEqual([]);
  });

  it("answers JSON queries with aggregates as numbers from Postgres", async () => {
    const res = await call("/api/v1/dcl/query", {
      headers: auth,
      env: neon,
      body: {
        entity: "accounts",
        group_by: ["billing_country"],
        aggregates: [
          { fn: "count", as: "n" },
          { fn: "sum", field: "employee_count", as: "staff" },
          { fn: "avg", field: "annual_revenue", as: "revenue" },
          { fn: "max", field: "last_seq", as: "last" },
        ],
      },
    });
    expect(res.status).toBe(200);
    const result = QueryResultSchema.parse(await res.json());
    const events = await streamStoreFor(neon).readEvents(scope.tenantId, {}, 10);
    expect(result.rows).toEqual([["Germany", 2, 500, 1234567, events.at(-1)!.seq]]);
  });

  it("exports, lists events and rebuilds from Postgres", async () => {
    const exported = await call("/api/v1/dcl/export/accounts?format=ndjson", { headers: auth, env: neon });
    expect(exported.status).toBe(200);
    const lines = (await exported.text()).trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l.name).sort()).toEqual(["Acme A-1", "Acme A-2"]);

    const listed = EventPageSchema.parse(await (await call(`/api/v1/aam/events?connection_id=${connectionId}&limit=1`, { headers: auth, env: neon })).json());
    expect(listed.items.map((e) => e.source.record_id)).toEqual(["A-1"]);
    const next = EventPageSchema.parse(await (await call(`/api/v1/aam/events?after=${listed.next_cursor}`, { headers: auth, env: neon })).json());
    expect(next).toEqual({ items: [expect.objectContaining({ entity: "account" })], next_cursor: null });
    expect(next.items[0]!.source.record_id).toBe("A-2");

    const before = await (await call("/api/v1/dcl/export/accounts?format=ndjson&include_deleted=true", { headers: auth, env: neon })).text();
    const rebuilt = await call("/api/v1/dcl/rebuild", { method: "POST", headers: auth, env: neon });
    expect(rebuilt.status).toBe(200);
    expect(await rebuilt.json()).toEqual({ events: 2, rows: { account: 2, opportunity: 0, contact: 0, cost: 0 } });
    const after = await (await call("/api/v1/dcl/export/accounts?format=ndjson&include_deleted=true", { headers: auth, env: neon })).text();
    expect(after).toBe(before);
  });
});

