import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CanonicalEventSchema } from "../../../../workers/canonical/event";
import { normalizeBatch } from "../../../../workers/aam/pipeline/normalize";
import { appendBatch } from "../../../../workers/aam/pipeline/stream";
import { systemMappings } from "../../../../workers/aam/mapping/registry";
import { account, accountsBatch, newConnectionId, deliver, quarantineRows, readRun, runCounts, streamRows, tenantScope } from "../../../helpers/normalize";

const { scope } = await tenantScope();

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
