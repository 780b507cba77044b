import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { connectionFilesPrefix } from "../../../../workers/aam/connections/files";
import { getConnection } from "../../../../workers/aam/connections/registry";
import type { SyncJob } from "../../../../workers/aam/pipeline/messages";
import { getRun } from "../../../../workers/aam/pipeline/runs";
import { startObjectSync } from "../../../../workers/aam/pipeline/start-sync";
import { SYNC_MAX_RETRIES } from "../../../../workers/aam/pipeline/sync-consumer";
import { captureQueues, deliver, fileConnection, newTenant } from "../../../helpers/pipeline";

async function queuedJob(object: string, file: string | undefined) {
  const queues = captureQueues();
  const scope = await newTenant();
  const connection = await fileConnection(scope);
  if (file !== undefined) await env.FILES.put(`${connectionFilesPrefix(scope.tenantId, connection.id)}${object}`, file);
  const runId = await startObjectSync(env, scope, {
    connection: await getConnection(scope, connection.id),
    kind: "manual",
    object,
    cursor: null,
    traceId: "0af7651916cd43dd8448eb211c80319c",
  });
  return { queues, scope, connection, runId, job: queues.syncJobs().at(-1) as SyncJob };
}

function logged(spy: { mock: { calls: unknown[][] } }) {
  return spy.mock.calls.map(([line]) => JSON.parse(line as string) as Record<string, unknown>);
}

describe("the sync consumer when reading fails", () => {
  afterEach(() => vi.restoreAllMocks());

  it("retries a transient failure with exponential backoff (10 s · 2^(attempts-1)) and leaves the run and connection untouched", async () => {
    const { scope, connection, runId, job, queues } = await queuedJob("a.csv", "id\n1\n");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(env.FILES, "get").mockRejectedValue(new Error("R2 unavailable"));
    const { ids, result, retriedWith } = await deliver("autonomos-sync", [job], 3);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages).toEqual([{ msgId: ids[0] }]);
    expect(retriedWith).toEqual([{ id: ids[0], options: { delaySeconds: 40 } }]);
    expect(queues.rawBatches()).toEqual([]);
    expect(await getRun(scope, runId)).toMatchObject({ status: "queued", error: null });
    expect((await getConnection(scope, connection.id)).lastError).toBeNull();
    expect(logged(warn)).toContainEqual(expect.objectContaining({ msg: "sync job failed; retrying", run_id: runId, attempts: 3 }));
  });

  it("on the last attempt fails the run, marks the connection and lets the job go to the dead-letter queue", async () => {
    const { scope, connection, runId, job } = await queuedJob("a.csv", "id\n1\n");
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(env.FILES, "get").mockRejectedValue(new Error("R2 unavailable"));
    const { ids, result, retriedWith } = await deliver("autonomos-sync", [job], SYNC_MAX_RETRIES + 1);
    // Retried without a delay: the queue's retries are used up, so it moves the message to autonomos-sync-dlq.
    expect(result.retryMessages).toEqual([{ msgId: ids[0] }]);
    expect(retriedWith).toEqual([{ id: ids[0], options: undefined }]);
    expect(result.explicitAcks).toEqual([]);
    const run = await getRun(scope, runId);
    expect(run).toMatchObject({ status: "failed", error: "a.csv: R2 unavailable" });
    expect(run?.finishedAt).not.toBeNull();
    expect(await getConnection(scope, connection.id)).toMatchObject({ status: "error", lastError: "a.csv: R2 unavailable" });
    expect(logged(error)).toContainEqual(expect.objectContaining({ run_id: runId, error: "R2 unavailable" }));
  });

  it("fails a job no retry can fix (the file is gone) at once, and acknowledges it", async () => {
    const { scope, connection, runId, job } = await queuedJob("missing.csv", undefined);
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { ids, result } = await deliver("autonomos-sync", [job]);
    expect(result.explicitAcks).toEqual(ids);
    expect(result.retryMessages).toEqual([]);
    expect(await getRun(scope, runId)).toMatchObject({ status: "failed", error: expect.stringContaining("missing.csv") });
    expect((await getConnection(scope, connection.id)).lastError).toMatch(/missing\.csv/);
  });

  it("handles each job of a batch on its own: one failure does not hold up the others", async () => {
    const good = await queuedJob("good.csv", "id\n1\n");
    vi.spyOn(console, "error").mockImplementation(() => {});
    const bad = await queuedJob("gone.csv", undefined);
    const { ids, result } = await deliver("autonomos-sync", [bad.job, good.job]);
    expect(result.explicitAcks.sort()).toEqual([...ids].sort());
    expect(await getRun(good.scope, good.runId)).toMatchObject({ read: 1, readingDone: true });
    expect(await getRun(bad.scope, bad.runId)).toMatchObject({ status: "failed" });
  });

  it("sends a message that is not a sync job towards the dead-letter queue, logged, instead of dropping it", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const { ids, result, retriedWith } = await deliver("autonomos-sync", [{ hello: "world" }]);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages).toEqual([{ msgId: ids[0] }]);
    expect(retriedWith).toEqual([{ id: ids[0], options: { delaySeconds: 10 } }]);
    expect(logged(error)).toContainEqual(expect.objectContaining({ msg: expect.stringContaining("invalid sync job"), message_id: ids[0] }));
  });
});
