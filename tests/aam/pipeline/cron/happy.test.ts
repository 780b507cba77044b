import { createScheduledController, env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../../../workers/index";
import { connectionFilesPrefix } from "../../../../workers/aam/connections/files";
import { getConnection } from "../../../../workers/aam/connections/registry";
import { scheduleDueSyncs } from "../../../../workers/aam/pipeline/cron";
import { schema } from "../../../../workers/platform/db";
import { captureQueues, fileConnection, newTenant } from "../../../helpers/pipeline";

const T0 = new Date("2026-11-26T10:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function runsOf(scope: Awaited<ReturnType<typeof newTenant>>, connectionId: string) {
  return scope.select(schema.syncRuns, eq(schema.syncRuns.connectionId, connectionId));
}

describe("the connector cron job", () => {
  afterEach(() => vi.restoreAllMocks());

  it("claims a due connection once: two overlapping ticks start one run per object, then the schedule moves on", async () => {
    const queues = captureQueues();
    const scope = await newTenant();
    const connection = await fileConnection(scope, {}, at(0));
    const prefix = connectionFilesPrefix(scope.tenantId, connection.id);
    await env.FILES.put(`${prefix}accounts.csv`, "id,name\n1,Acme\n");
    await env.FILES.put(`${prefix}contacts.csv`, "id,email\n7,a@example.com\n");

    await Promise.all([scheduleDueSyncs(env, at(1)), scheduleDueSyncs(env, at(1))]);

    const runs = await runsOf(scope, connection.id);
    expect(runs.map((r) => [r.kind, r.object, r.status]).sort()).toEqual([
      ["scheduled", "accounts.csv", "queued"],
      ["scheduled", "contacts.csv", "queued"],
    ]);
    const jobs = queues.syncJobs().filter((job) => job.connection_id === connection.id);
    expect(jobs.map((job) => [job.object, job.cursor, job.tenant_id]).sort()).toEqual([
      ["accounts.csv", null, scope.tenantId],
      ["contacts.csv", null, scope.tenantId],
    ]);
    expect(new Set(jobs.map((job) => job.run_id))).toEqual(new Set(runs.map((r) => r.id)));
    // Both runs of one tick share its trace.
    expect(new Set(jobs.map((job) => job.trace_id)).size).toBe(1);
    expect((await getConnection(scope, connection.id)).nextSyncAt).toBe(at(61).toISOString());

    // Not due again until the interval has passed.
    await scheduleDueSyncs(env, at(30));
    expect(await runsOf(scope, connection.id)).toHaveLength(2);
    await scheduleDueSyncs(env, at(61));
    expect(await runsOf(scope, connection.id)).toHaveLength(4);
  });

  it("continues each object from the cursor its last sync stored", async () => {
    const queues = captureQueues();
    const scope = await newTenant();
    const connection = await fileConnection(scope, {}, at(0));
    await env.FILES.put(`${connectionFilesPrefix(scope.tenantId, connection.id)}deals.csv`, "id\n1\n");
    await scope.update(schema.connections, { cursor: { "deals.csv": "stored-cursor" } }, eq(schema.connections.id, connection.id));
    await scheduleDueSyncs(env, at(1));
    const [job] = queues.syncJobs().filter((j) => j.connection_id === connection.id);
    expect(job).toMatchObject({ object: "deals.csv", cursor: "stored-cursor" });
  });

  it("syncs an uploaded file with the entity its uploader chose, and a dropped file without one", async () => {
    const queues = captureQueues();
    const scope = await newTenant();
    const connection = await fileConnection(scope, {}, at(0));
    const prefix = connectionFilesPrefix(scope.tenantId, connection.id);
    await env.FILES.put(`${prefix}uploaded.csv`, "id\n1\n", { customMetadata: { entity: "opportunity" } });
    await env.FILES.put(`${prefix}hubspot-deals-dropped.tsv`, "id\n1\n");
    await scheduleDueSyncs(env, at(1));
    const jobs = queues.syncJobs().filter((j) => j.connection_id === connection.id);
    expect(jobs.map((j) => [j.object, j.entity])).toEqual([
      ["hubspot-deals-dropped.tsv", undefined],
      ["uploaded.csv", "opportunity"],
    ]);
  });

  it("is registered with the cron entry point, so a tick of the real scheduled handler starts due syncs", async () => {
    captureQueues();
    const scope = await newTenant();
    const connection = await fileConnection(scope, {}, at(0));
    await env.FILES.put(`${connectionFilesPrefix(scope.tenantId, connection.id)}a.csv`, "id\n1\n");
    await worker.scheduled(createScheduledController({ scheduledTime: at(2), cron: "*/5 * * * *" }), env);
    expect(await runsOf(scope, connection.id)).toHaveLength(1);
  });
});
