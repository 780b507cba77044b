import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { connectionFilesPrefix } from "../../../../workers/aam/connections/files";
import { FileSource } from "../../../../workers/aam/connectors/filesource";
import { type SourceFailure, sourceProblem } from "../../../../workers/aam/connectors/source-state";
import { getConnection } from "../../../../workers/aam/connections/registry";
import type { SyncJob } from "../../../../workers/aam/pipeline/messages";
import { getRun } from "../../../../workers/aam/pipeline/runs";
import { ProblemError } from "../../../../workers/gateway/problem";
import { startObjectSync } from "../../../../workers/aam/pipeline/start-sync";
import { SYNC_MAX_RETRIES } from "../../../../workers/aam/pipeline/sync-consumer";
import { MAX_DEFERRAL_HOURS } from "../../../../workers/aam/pipeline/sync-deferral";
import { ConnectionSchema } from "../../../../workers/gateway/routes/aam/connections/schemas";
import { RunSchema } from "../../../../workers/gateway/routes/aam/runs/schemas";
import { bearer, signUp } from "../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../helpers/connections";
import { call } from "../../../helpers/http";
import { captureQueues, deliver, fileConnection, newTenant } from "../../../helpers/pipeline";
import { connectedAppKeys, createFakeOrg, fakeUrl } from "../../connectors/salesforce/helpers";

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

/**
 * Source failures as a connector reports them: the file connector's `read` is replaced by one throwing the problem
 * a connector throws (sourceProblem), so the factory, the run, the connection and the queue are all the real ones.
 */
function sourceFails(state: SourceFailure, detail: string, retryAfterSeconds?: number) {
  return vi.spyOn(FileSource.prototype, "read").mockRejectedValueOnce(sourceProblem(state, detail, retryAfterSeconds));
}

const HOUR = 3600;
const isoIn = (seconds: number, from: number) => new Date(from + seconds * 1000).toISOString();

describe("the sync consumer when the source's API quota is used up", () => {
  afterEach(() => vi.restoreAllMocks());

  it("acknowledges the job and sends the same job again for the source's retry-after, the run running and the connection saying until when", async () => {
    const { scope, connection, runId, job, queues } = await queuedJob("a.csv", "id\n1\n");
    vi.spyOn(console, "warn").mockImplementation(() => {});
    sourceFails("quota-reached", "14000 of 15000 daily API calls used: stopped at 93%", 2 * HOUR);
    const before = Date.now();
    const { ids, result } = await deliver("autonomos-sync", [job], 4);
    expect(result.explicitAcks).toEqual(ids);
    expect(result.retryMessages).toEqual([]);

    const [resent, options] = queues.sync.mock.calls.at(-1)!;
    expect(resent).toEqual({ ...job, deferred_since: expect.any(String) });
    expect(options).toEqual({ contentType: "json", delaySeconds: 2 * HOUR });
    expect(Date.parse((resent as SyncJob).deferred_since!)).toBeGreaterThanOrEqual(before - 1000);

    const run = await getRun(scope, runId);
    expect(run?.status).toBe("running");
    expect(run?.error).toMatch(/^a\.csv: The source's API quota is used up for now \(14000 of 15000 daily API calls used: stopped at 93%\); the sync resumes at /);
    const resumesAt = Date.parse(run!.error!.split("resumes at ")[1]!);
    expect(resumesAt).toBeGreaterThanOrEqual(Date.parse(isoIn(2 * HOUR, before)) - 1000);
    expect(resumesAt).toBeLessThanOrEqual(Date.parse(isoIn(2 * HOUR, Date.now())));
    // waiting is not failing: the connection stays on its schedule
    expect(await getConnection(scope, connection.id)).toMatchObject({ status: "active", lastError: run?.error });
  });

  it("waits an hour when the source does not say, and at most the 12 hours Queues allows", async () => {
    const first = await queuedJob("a.csv", "id\n1\n");
    vi.spyOn(console, "warn").mockImplementation(() => {});
    sourceFails("quota-reached", "used up");
    await deliver("autonomos-sync", [first.job]);
    expect(first.queues.sync.mock.calls.at(-1)![1]).toEqual({ contentType: "json", delaySeconds: HOUR });

    const second = await queuedJob("b.csv", "id\n1\n");
    sourceFails("quota-reached", "used up", 3 * 24 * HOUR);
    await deliver("autonomos-sync", [second.job]);
    expect(second.queues.sync.mock.calls.at(-1)![1]).toEqual({ contentType: "json", delaySeconds: 12 * HOUR });
  });

  it("keeps when the job first waited across waits, and gives up once it has waited too long: run failed, connection in error", async () => {
    const { scope, connection, runId, job, queues } = await queuedJob("a.csv", "id\n1\n");
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    const since = new Date(Date.now() - 3 * HOUR * 1000).toISOString();
    sourceFails("quota-reached", "used up");
    await deliver("autonomos-sync", [{ ...job, deferred_since: since }]);
    expect(queues.sync.mock.calls.at(-1)![0]).toEqual({ ...job, deferred_since: since });

    const sends = queues.sync.mock.calls.length;
    const longAgo = new Date(Date.now() - (MAX_DEFERRAL_HOURS + 1) * HOUR * 1000).toISOString();
    sourceFails("quota-reached", "used up");
    const { ids, result } = await deliver("autonomos-sync", [{ ...job, deferred_since: longAgo }]);
    expect(result.explicitAcks).toEqual(ids);
    expect(queues.sync.mock.calls).toHaveLength(sends);
    const reason = `a.csv: The source's API quota is used up for now (used up), still after ${MAX_DEFERRAL_HOURS} hours of waiting since ${longAgo}: raise the source's API allocation or reduce what else uses it, then sync again`;
    expect(await getRun(scope, runId)).toMatchObject({ status: "failed", error: reason });
    expect(await getConnection(scope, connection.id)).toMatchObject({ status: "error", lastError: reason });
  });

  it("clears the wait once the source answers again: the resent job reads, the run's and the connection's notes are gone", async () => {
    const { scope, connection, runId, job, queues } = await queuedJob("a.csv", "id\n1\n");
    vi.spyOn(console, "warn").mockImplementation(() => {});
    sourceFails("quota-reached", "used up", 60);
    await deliver("autonomos-sync", [job]);
    expect((await getConnection(scope, connection.id)).lastError).toMatch(/resumes at/);

    const resent = queues.syncJobs().at(-1)!;
    const { result } = await deliver("autonomos-sync", [resent]);
    expect(result.explicitAcks).toHaveLength(1);
    expect(queues.rawBatches()).toHaveLength(1);
    expect(await getRun(scope, runId)).toMatchObject({ status: "running", read: 1, readingDone: true, error: null });
    expect(await getConnection(scope, connection.id)).toMatchObject({ status: "active", lastError: null, lastSyncAt: expect.any(String) });
  });
});

describe("the sync consumer with a Salesforce org over its daily API limit", () => {
  afterEach(() => vi.restoreAllMocks());

  it("waits for the connector's retry-after, says so through the API, and reads once the org has calls again", async () => {
    const owner = await signUp();
    const queues = captureQueues();
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const org = await createFakeOrg({ api_limit: 100, records: { Account: [{ Id: "001000000000000AAA", Name: "Acme", SystemModstamp: "2026-01-01T00:00:00.000+0000" }] } });
    const { privatePem } = await connectedAppKeys();
    const connection = await createConnection(owner.accessToken, {
      system: "salesforce",
      name: "Salesforce",
      config: { login_url: fakeUrl(), grant: "jwt_bearer", client_id: org.clientId, username: org.username, objects: ["Account"] },
      secrets: { private_key: privatePem },
    });
    const getJson = async (path: string) => (await call(path, { headers: bearer(owner.accessToken) })).json();
    const started = await call(`${CONNECTIONS}/${connection.id}/sync`, { method: "POST", headers: bearer(owner.accessToken) });
    expect(started.status).toBe(202);
    const [runId] = ((await started.json()) as { run_ids: string[] }).run_ids;
    await org.change({ api_used: 100 });

    const { result } = await deliver("autonomos-sync", [queues.syncJobs().at(-1)]);
    expect(result.explicitAcks).toHaveLength(1);
    expect(queues.sync.mock.calls.at(-1)![1]).toEqual({ contentType: "json", delaySeconds: HOUR });
    const waiting = ConnectionSchema.parse(await getJson(`${CONNECTIONS}/${connection.id}`));
    expect(waiting).toMatchObject({ status: "active", last_error: expect.stringMatching(/^Account: The source's API quota is used up for now \(.*REQUEST_LIMIT_EXCEEDED.*\); the sync resumes at /) });
    expect(RunSchema.parse(await getJson(`/api/v1/aam/runs/${runId}`))).toMatchObject({ status: "running", error: waiting.last_error });

    await org.change({ api_used: 0 });
    expect((await deliver("autonomos-sync", [queues.syncJobs().at(-1)])).result.explicitAcks).toHaveLength(1);
    expect(queues.rawBatches().flatMap((batch) => batch.records.map((r) => r.record_id))).toEqual(["001000000000000AAA"]);
    expect(ConnectionSchema.parse(await getJson(`${CONNECTIONS}/${connection.id}`))).toMatchObject({ status: "active", last_error: null });
  });
});

describe("the sync consumer when the source's quota resets and there is nothing to read", () => {
  afterEach(() => vi.restoreAllMocks());

  it("finishes the run without the wait's note", async () => {
    const { scope, connection, runId, job, queues } = await queuedJob("empty.csv", "id\n");
    vi.spyOn(console, "warn").mockImplementation(() => {});
    sourceFails("quota-reached", "used up", 60);
    await deliver("autonomos-sync", [job]);
    expect((await getRun(scope, runId))?.error).toMatch(/resumes at/);

    await deliver("autonomos-sync", [queues.syncJobs().at(-1)]);
    expect(await getRun(scope, runId)).toMatchObject({ status: "succeeded", read: 0, error: null });
    expect((await getConnection(scope, connection.id)).lastError).toBeNull();
  });
});

describe("the sync consumer when the source fails for a while", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ["unreachable", "source-unreachable"],
    ["unavailable", "unavailable"],
  ] as const)("retries %s with the source's retry-after when it is longer than the backoff", async (_name, kind) => {
    const { scope, runId, job } = await queuedJob("a.csv", "id\n1\n");
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const problem =
      kind === "unavailable" ? new ProblemError("unavailable", "the source is in maintenance", { headers: { "retry-after": "900" } }) : sourceProblem("unreachable", "Supabase unreachable: 502 Bad Gateway", 900);
    vi.spyOn(FileSource.prototype, "read").mockRejectedValueOnce(problem);
    const { ids, result, retriedWith } = await deliver("autonomos-sync", [job], 2);
    expect(result.retryMessages).toEqual([{ msgId: ids[0] }]);
    expect(retriedWith).toEqual([{ id: ids[0], options: { delaySeconds: 900 } }]);
    expect(await getRun(scope, runId)).toMatchObject({ status: "queued", error: null });
  });

  it("keeps the longer backoff when the source's retry-after is shorter, and caps a retry-after at 12 hours", async () => {
    const short = await queuedJob("a.csv", "id\n1\n");
    vi.spyOn(console, "warn").mockImplementation(() => {});
    sourceFails("unreachable", "down", 5);
    expect((await deliver("autonomos-sync", [short.job], 4)).retriedWith[0]?.options).toEqual({ delaySeconds: 80 });

    const long = await queuedJob("b.csv", "id\n1\n");
    sourceFails("unreachable", "down", 2 * 24 * HOUR);
    expect((await deliver("autonomos-sync", [long.job], 1)).retriedWith[0]?.options).toEqual({ delaySeconds: 12 * HOUR });
  });
});

describe("the sync consumer when the source refuses for good", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ["bad-credentials", "INVALID_GRANT: expired access/refresh token", "The source rejected the connection's credentials"],
    ["missing-permission", "Account: the integration user has no read access to Account.AnnualRevenue", "The connection's source user lacks a permission this needs"],
    ["schema-drift", "Account.Region__c no longer exists", "A field or object the source read relies on no longer exists"],
  ] as const)("fails the run at once on %s, the connection in error with the source's words", async (state, detail, title) => {
    const { scope, connection, runId, job, queues } = await queuedJob("a.csv", "id\n1\n");
    vi.spyOn(console, "error").mockImplementation(() => {});
    sourceFails(state, detail);
    const sends = queues.sync.mock.calls.length;
    const { ids, result } = await deliver("autonomos-sync", [job]);
    expect(result.explicitAcks).toEqual(ids);
    expect(result.retryMessages).toEqual([]);
    expect(queues.sync.mock.calls).toHaveLength(sends);
    const reason = `a.csv: ${title}: ${detail}`;
    expect(await getRun(scope, runId)).toMatchObject({ status: "failed", error: reason });
    expect(await getConnection(scope, connection.id)).toMatchObject({ status: "error", lastError: reason });
  });
});
