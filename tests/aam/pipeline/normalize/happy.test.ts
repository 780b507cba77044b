import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CanonicalEventSchema } from "../../../../workers/canonical/event";
import { normalizeBatch } from "../../../../workers/aam/pipeline/normalize";
import { appendBatch } from "../../../../workers/aam/pipeline/stream";
import { systemMappings } from "../../../../workers/aam/mapping/registry";
import type { RawRecord } from "../../../../workers/aam/connectors/connector";
import { ViewPageSchema } from "../../../../workers/dcl/query/list-view";
import { TOMBSTONE_NAME } from "../../../../workers/aam/pipeline/tombstone-data";
import { bearer } from "../../../helpers/auth";
import { call } from "../../../helpers/http";
import { deliver as deliverTo } from "../../../helpers/pipeline";
import { account, accountsBatch, newConnectionId, deliver, quarantineRows, readRun, runCounts, streamRows, tenantScope } from "../../../helpers/normalize";

const { scope, accessToken } = await tenantScope();

afterEach(() => vi.restoreAllMocks());

describe("normalizing a raw batch", () => {
  it("appends the good records as canonical events, quarantines the rest, hands the new seqs on and counts the run", async () => {
    const connectionId = newConnectionId();
    const sent = vi.spyOn(env.CANONICAL_QUEUE, "send");
    const runId = await readRun(scope, connectionId, 3);
    const result = await deliver([accountsBatch(scope.tenantId, runId, connectionId)]);
    expect(result.explicitAcks).toEqual(["msg-0"]);
    expect(result.retryMessages).toEqual([]);

    const rows = await streamRows(runId);
    expect(rows.map((r) => r.record_id)).toEqual(["A-1", "A-2"]);
    const event = CanonicalEventSchema.parse(JSON.parse(rows[0]!.event));
    expect(event).toMatchObject({
      meta: { version: 1, tenant_id: scope.tenantId, trace_id: "trace-normalize", event_id: rows[0]!.event_id, op: "upsert" },
      source: { system: "filesource", connection_id: connectionId, object: "accounts", record_id: "A-1", cursor: "line:2" },
      entity: "account",
      data: { source_id: "A-1", name: "Acme A-1", annual_revenue: 1234567, employee_count: 250, billing_country: "Germany", currency: "EUR" },
    });
    expect(event.meta.mapping_version).toMatch(/^filesource\/accounts@1#[0-9a-f]{12}$/);

    const quarantined = await quarantineRows(runId);
    expect(quarantined).toMatchObject([
      {
        tenant_id: scope.tenantId,
        status: "open",
        record_id: "A-3",
        line: 4,
        entity: "account",
        mapping_version: event.meta.mapping_version,
        raw: account("A-3", 4, { "Annual Revenue (EUR)": "lots" }),
        errors: [{ field: "annual_revenue", source_path: "Annual Revenue (EUR)", reason: expect.any(String) }],
      },
      { record_id: null, line: 5, raw: "A-4;Broken;x", reason: "unparseable row: row has 3 fields, the header 6", errors: [], mapping_version: null },
    ]);
    expect(quarantined[0]!.reason).toMatch(/^mapping failed: annual_revenue: /);

    expect(sent).toHaveBeenCalledTimes(1);
    expect(sent.mock.calls[0]![0]).toEqual({ tenant_id: scope.tenantId, trace_id: "trace-normalize", seqs: rows.map((r) => r.seq) });
    expect(await runCounts(runId)).toEqual({ status: "succeeded", read: 3, emitted: 2, quarantined: 2, duplicates: 0, batches_enqueued: 1, batches_done: 1 });
  });

  it("stores a batch larger than one multi-row insert whole, every event conforming to CanonicalEventSchema", async () => {
    const connectionId = newConnectionId();
    const sent = vi.spyOn(env.CANONICAL_QUEUE, "send");
    const runId = await readRun(scope, connectionId, 20);
    const batch = { ...accountsBatch(scope.tenantId, runId, connectionId), rejects: [] };
    batch.records = Array.from({ length: 20 }, (_, i) => account(`B-${i}`, i + 2));
    await deliver([batch]);
    const rows = await streamRows(runId);
    expect(rows.map((r) => r.record_id)).toEqual(batch.records.map((r) => r.record_id));
    for (const row of rows) {
      const event = CanonicalEventSchema.parse(JSON.parse(row.event));
      expect([event.meta.event_id, event.source.record_id, event.meta.tenant_id]).toEqual([row.event_id, row.record_id, scope.tenantId]);
    }
    expect(sent.mock.calls.map((c) => c[0])).toEqual([{ tenant_id: scope.tenantId, trace_id: "trace-normalize", seqs: rows.map((r) => r.seq) }]);
    expect(await runCounts(runId)).toMatchObject({ status: "succeeded", emitted: 20, quarantined: 0 });
  });

  it("handles a redelivered batch once: no duplicate events or quarantine rows, counters unchanged, nothing re-sent", async () => {
    const connectionId = newConnectionId();
    const runId = await readRun(scope, connectionId, 3);
    const batch = accountsBatch(scope.tenantId, runId, connectionId);
    await deliver([batch], { ids: ["m-first"] });
    const before = { events: await streamRows(runId), quarantine: await quarantineRows(runId), counts: await runCounts(runId) };
    const sent = vi.spyOn(env.CANONICAL_QUEUE, "send");

    const again = await deliver([batch], { ids: ["m-first"], attempts: 2 });
    expect(again.explicitAcks).toEqual(["m-first"]);
    expect(await streamRows(runId)).toEqual(before.events);
    expect(await quarantineRows(runId)).toEqual(before.quarantine);
    expect(await runCounts(runId)).toEqual(before.counts);
    expect(sent).not.toHaveBeenCalled();
  });

  it("counts a batch once even when the reader enqueued it twice under the same batch_id", async () => {
    const connectionId = newConnectionId();
    const runId = await readRun(scope, connectionId, 3);
    const batch = { ...accountsBatch(scope.tenantId, runId, connectionId), batch_id: "accounts.csv@0" };
    await deliver([batch, batch], { ids: ["m-1", "m-2"] });
    expect(await runCounts(runId)).toMatchObject({ emitted: 2, quarantined: 2, duplicates: 0, batches_done: 1 });
    expect(await quarantineRows(runId)).toHaveLength(2);
  });

  it("resumes a batch whose events were appended before the delivery died: counted as emitted once, seqs handed on", async () => {
    const connectionId = newConnectionId();
    const runId = await readRun(scope, connectionId, 3);
    const batch = accountsBatch(scope.tenantId, runId, connectionId);
    // the first delivery got as far as the append, then the isolate died before the queue send and the counters
    const { events, quarantined } = await normalizeBatch(await systemMappings(), batch);
    const first = await appendBatch(scope, { runId, batchId: "m-crash", events, quarantined: quarantined.length, alongside: [] });
    const sent = vi.spyOn(env.CANONICAL_QUEUE, "send");

    const result = await deliver([batch], { ids: ["m-crash"], attempts: 2 });
    expect(result.explicitAcks).toEqual(["m-crash"]);
    expect(sent.mock.calls.map((c) => c[0])).toEqual([{ tenant_id: scope.tenantId, trace_id: "trace-normalize", seqs: first.seqs }]);
    expect(await runCounts(runId)).toMatchObject({ status: "succeeded", emitted: 2, quarantined: 2, duplicates: 0, batches_done: 1 });
  });

  it("counts the same records in a later run as duplicates and appends nothing", async () => {
    const connectionId = newConnectionId();
    const firstRun = await readRun(scope, connectionId, 3);
    await deliver([accountsBatch(scope.tenantId, firstRun, connectionId)]);
    const sent = vi.spyOn(env.CANONICAL_QUEUE, "send");
    const secondRun = await readRun(scope, connectionId, 3);
    await deliver([accountsBatch(scope.tenantId, secondRun, connectionId)]);
    expect(await streamRows(secondRun)).toEqual([]);
    expect(await runCounts(secondRun)).toMatchObject({ status: "succeeded", emitted: 0, duplicates: 2, quarantined: 2 });
    expect(sent).not.toHaveBeenCalled();
  });

  it("picks the mapping whose files match the object (a file name) when it has no mapping of its own, with no entity chosen", async () => {
    const connectionId = newConnectionId();
    const runId = await readRun(scope, connectionId, 1);
    const batch = { ...accountsBatch(scope.tenantId, runId, connectionId), object: "Accounts-2024.csv", entity: undefined, records: [account("C-1", 2)], rejects: [] };
    await deliver([batch]);
    const [row] = await streamRows(runId);
    expect(CanonicalEventSchema.parse(JSON.parse(row!.event))).toMatchObject({
      entity: "account",
      meta: { mapping_version: expect.stringMatching(/^filesource\/accounts@1#/) },
      source: { object: "Accounts-2024.csv" },
      data: { name: "Acme C-1" },
    });
  });
});

describe("a source-reported delete", () => {
  const deleted = (id: string, line: number, fields: Record<string, unknown> = {}) => ({ ...account(id, line, fields), op: "delete" as const });
  const eventsOf = async (runId: string) => (await streamRows(runId)).map((row) => CanonicalEventSchema.parse(JSON.parse(row.event)));

  /** Normalizes `records` as one raw batch, then hands the appended events to the DCL consumer. */
  async function throughTheDcl(connectionId: string, records: RawRecord[]) {
    const sent = vi.spyOn(env.CANONICAL_QUEUE, "send").mockResolvedValue(undefined as never);
    const runId = await readRun(scope, connectionId, records.length);
    const normalized = await deliver([{ ...accountsBatch(scope.tenantId, runId, connectionId), records, rejects: [] }]);
    expect(normalized.explicitAcks).toHaveLength(1);
    for (const [batch] of sent.mock.calls) expect((await deliverTo("autonomos-canonical", [batch])).result.explicitAcks).toHaveLength(1);
    return runId;
  }

  const accountRows = async (query = "") => {
    const res = await call(`/api/v1/dcl/views/accounts?limit=500${query}`, { headers: bearer(accessToken) });
    expect(res.status).toBe(200);
    return ViewPageSchema.parse(await res.json()).items as Record<string, unknown>[];
  };
  const rowOf = (rows: Record<string, unknown>[], connectionId: string) => rows.filter((row) => JSON.stringify(row.sources).includes(connectionId));

  it("becomes a delete event of the same record, and the upsert then delete leave the view row a tombstone", async () => {
    const connectionId = newConnectionId();
    const runId = await throughTheDcl(connectionId, [account("D-1", 2), deleted("D-1", 2)]);

    const [upsert, deletion] = await eventsOf(runId);
    expect(upsert?.meta.op).toBe("upsert");
    // the source sent the deleted record whole (Salesforce queryAll): its last fields stay on the tombstone
    expect(deletion).toMatchObject({ meta: { op: "delete" }, source: { record_id: "D-1" }, data: { source_id: "D-1", name: "Acme D-1" } });
    expect(deletion?.meta.event_id).not.toBe(upsert?.meta.event_id);
    expect(await runCounts(runId)).toMatchObject({ status: "succeeded", emitted: 2, quarantined: 0 });

    expect(rowOf(await accountRows(), connectionId)).toEqual([]);
    expect(rowOf(await accountRows("&include_deleted=true"), connectionId)).toMatchObject([{ deleted: true, source_id: "D-1", name: "Acme D-1" }]);
  });

  it("deletes a record from an id-only tombstone under the id its upserts had, with the tombstone's placeholder data", async () => {
    const connectionId = newConnectionId();
    await throughTheDcl(connectionId, [account("D-2", 2)]);
    expect(rowOf(await accountRows(), connectionId)).toMatchObject([{ deleted: false, name: "Acme D-2" }]);

    // the connector's id differs from the mapping's id path, which the tombstone carries: the mapping's wins
    const runId = await throughTheDcl(connectionId, [{ record_id: "row-7", cursor: "c-2", data: { "Account No": "D-2" }, op: "delete" }]);
    const [deletion] = await eventsOf(runId);
    expect(deletion).toMatchObject({ meta: { op: "delete" }, source: { record_id: "D-2" }, data: { source_id: "D-2", name: TOMBSTONE_NAME, industry: null, extras: {} } });

    expect(rowOf(await accountRows(), connectionId)).toEqual([]);
    expect(rowOf(await accountRows("&include_deleted=true"), connectionId)).toMatchObject([{ deleted: true, source_id: "D-2" }]);
  });

  it("takes the connector's id for a tombstone whose data carries no id", async () => {
    const connectionId = newConnectionId();
    const runId = await throughTheDcl(connectionId, [{ record_id: "D-3", cursor: "c-3", data: {}, op: "delete" }]);
    expect(await eventsOf(runId)).toMatchObject([{ meta: { op: "delete" }, source: { record_id: "D-3" }, data: { source_id: "D-3" } }]);
  });

  it("gives a replayed delete the same event id: the second is a duplicate", async () => {
    const connectionId = newConnectionId();
    const first = await throughTheDcl(connectionId, [deleted("D-4", 2)]);
    const again = await throughTheDcl(connectionId, [deleted("D-4", 2)]);
    expect(await eventsOf(first)).toHaveLength(1);
    expect(await streamRows(again)).toEqual([]);
    expect(await runCounts(again)).toMatchObject({ status: "succeeded", emitted: 0, duplicates: 1 });
  });
});
