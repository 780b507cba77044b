import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { connectionFilesPrefix } from "../../../../workers/aam/connections/files";
import { getConnection } from "../../../../workers/aam/connections/registry";
import type { SyncJob } from "../../../../workers/aam/pipeline/messages";
import { getRun } from "../../../../workers/aam/pipeline/runs";
import { startObjectSync } from "../../../../workers/aam/pipeline/start-sync";
import { captureQueues, deliver, fileConnection, newTenant } from "../../../helpers/pipeline";

const rows = (n: number) => ["id,name", ...Array.from({ length: n }, (_, i) => `${i + 1},Company ${i + 1}`)].join("\n");

/** Feeds every job the consumer enqueues back to it until none is left; returns the deliveries' outcomes. */
async function drain(queues: ReturnType<typeof captureQueues>, first: number) {
  const outcomes = [];
  for (let next = first; next < queues.syncJobs().length; next++) {
    outcomes.push(await deliver("autonomos-sync", [queues.syncJobs()[next]]));
  }
  return outcomes;
}

describe("the sync consumer", () => {
  afterEach(() => vi.restoreAllMocks());

  it("reads a multi-page CSV page by page into raw batches, resuming from each cursor, and finishes reading", async () => {
    const queues = captureQueues();
    const scope = await newTenant();
    const connection = await fileConnection(scope, { page_size: 2 });
    await env.FILES.put(`${connectionFilesPrefix(scope.tenantId, connection.id)}accounts.csv`, rows(5));
    const runId = await startObjectSync(env, scope, {
      connection: await getConnection(scope, connection.id),
      kind: "upload",
      object: "accounts.csv",
      cursor: null,
      entity: "account",
      traceId: "0af7651916cd43dd8448eb211c80319c",
    });

    const outcomes = await drain(queues, 0);

    // 5 rows, 2 per page: three jobs, each acknowledged.
    expect(outcomes).toHaveLength(3);
    for (const { ids, result } of outcomes) expect(result.explicitAcks).toEqual(ids);
    const jobs = queues.syncJobs();
    expect(jobs.map((j) => j.cursor === null)).toEqual([true, false, false]);
    const batches = queues.rawBatches();
    expect(batches.map((b) => b.records.map((r) => r.data.name))).toEqual([
      ["Company 1", "Company 2"],
      ["Company 3", "Company 4"],
      ["Company 5"],
    ]);
    expect(batches.map((b) => b.records.map((r) => r.line))).toEqual([[2, 3], [4, 5], [6]]);
    for (const batch of batches) {
      expect(batch).toMatchObject({
        tenant_id: scope.tenantId,
        connection_id: connection.id,
        run_id: runId,
        trace_id: "0af7651916cd43dd8448eb211c80319c",
        system: "filesource",
        object: "accounts.csv",
        entity: "account",
        rejects: [],
      });
    }
    expect(new Set(batches.map((b) => b.batch_id)).size).toBe(3);

    const run = await getRun(scope, runId);
    expect(run).toMatchObject({ status: "running", read: 5, batchesEnqueued: 3, readingDone: true, progressUnit: "bytes" });
    expect(run?.progressDone).toBe(run?.progressTotal);
    const after = await getConnection(scope, connection.id);
    expect(after.lastSyncAt).not.toBeNull();
    expect(after.lastSyncStats).toMatchObject({ read: 5 });
    // The next sync continues where the last page started.
    expect(after.cursor).toEqual({ "accounts.csv": jobs[2]?.cursor });
  });

  it("re-reads the same page with the same batch id when a job is delivered twice", async () => {
    const queues = captureQueues();
    const scope = await newTenant();
    const connection = await fileConnection(scope, { page_size: 2 });
    await env.FILES.put(`${connectionFilesPrefix(scope.tenantId, connection.id)}a.csv`, rows(3));
    await startObjectSync(env, scope, {
      connection: await getConnection(scope, connection.id),
      kind: "manual",
      object: "a.csv",
      cursor: null,
      traceId: "0af7651916cd43dd8448eb211c80319c",
    });
    const [job] = queues.syncJobs() as [SyncJob];
    await deliver("autonomos-sync", [job]);
    await deliver("autonomos-sync", [job]);
    const [first, second] = queues.rawBatches();
    expect(second?.batch_id).toBe(first?.batch_id);
    expect(second?.records).toEqual(first?.records);
    // Both deliveries enqueue the same next job: the successor is the same cursor.
    const next = queues.syncJobs().slice(1);
    expect(next).toHaveLength(2);
    expect(next[0]).toEqual(next[1]);
  });

  it("splits a page too large for one queue message into several batches, and rejects a record no batch can carry", async () => {
    const queues = captureQueues();
    const scope = await newTenant();
    const connection = await fileConnection(scope, { page_size: 100 });
    const big = "x".repeat(30_000);
    const huge = "y".repeat(150_000);
    const file = ["id,notes", ...Array.from({ length: 8 }, (_, i) => `${i + 1},${big}`), `99,${huge}`].join("\n");
    await env.FILES.put(`${connectionFilesPrefix(scope.tenantId, connection.id)}notes.csv`, file);
    const runId = await startObjectSync(env, scope, {
      connection: await getConnection(scope, connection.id),
      kind: "manual",
      object: "notes.csv",
      cursor: null,
      traceId: "0af7651916cd43dd8448eb211c80319c",
    });
    await drain(queues, 0);
    const batches = queues.rawBatches();
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) expect(new TextEncoder().encode(JSON.stringify(batch)).byteLength).toBeLessThan(128 * 1024);
    // the page's batches go out in sendBatch calls within the Queues limits (100 messages, 256 KB in all)
    const sends = queues.rawSendBatch.mock.calls.map(([messages]) => [...messages].map((m) => new TextEncoder().encode(JSON.stringify(m.body)).byteLength));
    expect(sends.length).toBeGreaterThan(1);
    for (const sizes of sends) {
      expect(sizes.length).toBeLessThanOrEqual(100);
      expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(256 * 1024);
    }
    expect(batches.flatMap((b) => b.records.map((r) => r.data.id))).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    const rejects = batches.flatMap((b) => b.rejects);
    expect(rejects).toEqual([expect.objectContaining({ line: 10, reason: expect.stringContaining("larger than a batch") })]);
    expect(await getRun(scope, runId)).toMatchObject({ read: 9, batchesEnqueued: batches.length, readingDone: true });
  });

  it("finishes an empty file's run at once, with no batch to wait for", async () => {
    const queues = captureQueues();
    const scope = await newTenant();
    const connection = await fileConnection(scope);
    await env.FILES.put(`${connectionFilesPrefix(scope.tenantId, connection.id)}empty.csv`, "");
    const runId = await startObjectSync(env, scope, {
      connection: await getConnection(scope, connection.id),
      kind: "manual",
      object: "empty.csv",
      cursor: null,
      traceId: "0af7651916cd43dd8448eb211c80319c",
    });
    await drain(queues, 0);
    expect(queues.rawBatches()).toEqual([]);
    expect(await getRun(scope, runId)).toMatchObject({ status: "succeeded", read: 0, readingDone: true });
  });

  it("starts the next page's job without the quota wait the page's own job had: reading a page ends the wait", async () => {
    const queues = captureQueues();
    const scope = await newTenant();
    const connection = await fileConnection(scope, { page_size: 2 });
    await env.FILES.put(`${connectionFilesPrefix(scope.tenantId, connection.id)}accounts.csv`, rows(3));
    await startObjectSync(env, scope, {
      connection: await getConnection(scope, connection.id),
      kind: "manual",
      object: "accounts.csv",
      cursor: null,
      traceId: "0af7651916cd43dd8448eb211c80319c",
    });
    const waited = { ...queues.syncJobs()[0]!, deferred_since: "2026-11-26T09:00:00.000Z" };
    expect((await deliver("autonomos-sync", [waited])).result.explicitAcks).toHaveLength(1);
    const next = queues.syncJobs().at(-1)!;
    expect(next.cursor).not.toBeNull();
    expect(next).not.toHaveProperty("deferred_since");
  });
});
