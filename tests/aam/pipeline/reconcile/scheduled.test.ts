/**
 * The scheduled trigger: a scheduled sync that finishes an object of a source without tombstones (MongoDB here)
 * starts that object's reconciliation, unless one started in the last RECONCILE_EVERY_HOURS; other syncs never do.
 */
import { env } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getConnection } from "../../../../workers/aam/connections/registry";
import type { ReconcileJob, SyncJob } from "../../../../workers/aam/pipeline/messages";
import { type RunKind, createRun } from "../../../../workers/aam/pipeline/runs";
import { RECONCILE_EVERY_HOURS } from "../../../../workers/aam/pipeline/start-reconcile";
import { runSyncStep } from "../../../../workers/aam/pipeline/sync-step";
import { database, forTenant } from "../../../../workers/platform/db";
import { type SignedUp, signUp } from "../../../helpers/auth";
import { createConnection } from "../../../helpers/connections";
import { mongoUrl, seedCrm } from "../../../helpers/mongodb";
import { captureQueues } from "../../../helpers/pipeline";

const dbName = "reconcile_schedule";
const HOUR = 3_600_000;
let owner: SignedUp;
let connectionId: string;
let queues: ReturnType<typeof captureQueues>;

beforeAll(async () => {
  await seedCrm(dbName);
  owner = await signUp();
  connectionId = (await createConnection(owner.accessToken, { system: "mongodb", name: "scheduled", config: { database: dbName }, secrets: { connection_string: mongoUrl } })).id;
  queues = captureQueues();
});
afterAll(() => vi.restoreAllMocks());

/** Runs a whole one-page sync of `accounts` as a run of `kind` at `now`; the reconcile jobs it started. */
async function syncAccounts(kind: RunKind, now: Date): Promise<ReconcileJob[]> {
  const scope = forTenant(database(env.DB), owner.tenantId);
  const runId = await createRun(scope, { connectionId, kind, object: "accounts", traceId: "trace-scheduled" });
  const before = queues.syncJobs().length;
  const job: SyncJob = { tenant_id: owner.tenantId, connection_id: connectionId, run_id: runId, trace_id: "trace-scheduled", object: "accounts", cursor: null };
  await runSyncStep(env, job, now);
  expect((await getConnection(scope, connectionId)).lastSyncAt).toBe(now.toISOString()); // the sync itself finished
  return queues.syncJobs().slice(before).filter((sent): sent is SyncJob & ReconcileJob => "step" in sent);
}

describe("reconciliation after a scheduled sync", () => {
  const start = new Date();

  it("starts with the first scheduled sync of an object: none ran before", async () => {
    expect(await syncAccounts("scheduled", start)).toEqual([
      expect.objectContaining({ step: "reconcile", tenant_id: owner.tenantId, connection_id: connectionId, object: "accounts", after: null }),
    ]);
  });

  it(`is not due again before ${RECONCILE_EVERY_HOURS} hours`, async () => {
    expect(await syncAccounts("scheduled", new Date(start.getTime() + HOUR))).toEqual([]);
    expect(await syncAccounts("scheduled", new Date(start.getTime() + (RECONCILE_EVERY_HOURS - 1) * HOUR))).toEqual([]);
  });

  it("never follows a manual sync, even when due", async () => {
    expect(await syncAccounts("manual", new Date(start.getTime() + (RECONCILE_EVERY_HOURS + 1) * HOUR))).toEqual([]);
  });

  it(`is due again once ${RECONCILE_EVERY_HOURS} hours have passed since the last one started`, async () => {
    const [job] = await syncAccounts("scheduled", new Date(start.getTime() + (RECONCILE_EVERY_HOURS + 1) * HOUR));
    expect(job).toMatchObject({ step: "reconcile", object: "accounts", after: null });
  });
});
