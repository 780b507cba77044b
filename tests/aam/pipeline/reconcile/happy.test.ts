/**
 * Id reconciliation end to end on the real PostgREST: rows deleted in PostgreSQL behind the API become
 * `op: "delete"` raw records on RAW_QUEUE, paged across sync-queue jobs, counted on a reconcile run.
 */
import { env } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { MASS_DELETE_MIN_PAGE } from "../../../../workers/aam/pipeline/mass-delete-guard";
import { RECONCILE_PAGE } from "../../../../workers/aam/pipeline/reconcile-step";
import { database, forTenant } from "../../../../workers/platform/db";
import { getRun } from "../../../../workers/aam/pipeline/runs";
import type { RawBatch, ReconcileJob } from "../../../../workers/aam/pipeline/messages";
import { type SignedUp, signUp } from "../../../helpers/auth";
import { captureQueues, deliver } from "../../../helpers/pipeline";
import { deleteLabels, insertLabels } from "../../connectors/supabase/helpers";
import { deletedIds, labelsConnection, reconcile, seedLabels } from "./helpers";

let owner: SignedUp;
beforeAll(async () => {
  owner = await signUp();
});
afterEach(() => vi.restoreAllMocks());

/** Delivers sync-queue jobs until none is left; every delivery acknowledged. */
async function runJobs(queues: ReturnType<typeof captureQueues>) {
  let done = 0;
  for (let round = 0; round < 20; round++) {
    const jobs = queues.syncJobs().slice(done);
    if (jobs.length === 0) return done;
    done += jobs.length;
    const { result } = await deliver("autonomos-sync", jobs);
    expect(result.explicitAcks).toHaveLength(jobs.length);
  }
  throw new Error("reconciliation did not end");
}

describe("id reconciliation", () => {
  it("sends a delete for each live id whose row is gone, ids with PostgREST's reserved characters included", async () => {
    const connection = await labelsConnection(owner);
    const ids = ["plain", "a,b", "(paren)", 'q"uote', "back\\slash", "dot.ted", "kept"].map((id) => `${connection.id}-${id}`);
    await insertLabels(ids);
    await seedLabels(owner.tenantId, connection.id, ids);
    const gone = ids.slice(0, 6);
    await deleteLabels(gone);
    const queues = captureQueues();
    const [runId] = await reconcile(owner, connection.id);
    expect(queues.syncJobs()).toEqual([expect.objectContaining({ step: "reconcile", object: "labels", after: null, run_id: runId })]);
    await runJobs(queues);
    expect(deletedIds(queues.rawBatches())).toEqual([...gone].sort());
    const run = await getRun(forTenant(database(env.DB), owner.tenantId), runId!);
    expect(run).toMatchObject({ kind: "reconcile", object: "labels", read: gone.length, batchesEnqueued: 1, readingDone: true });
  });

  it("sends nothing when every live id still exists, and the run succeeds", async () => {
    const connection = await labelsConnection(owner);
    const ids = [`${connection.id}-1`, `${connection.id}-2`];
    await insertLabels(ids);
    await seedLabels(owner.tenantId, connection.id, ids);
    const queues = captureQueues();
    const [runId] = await reconcile(owner, connection.id);
    await runJobs(queues);
    expect(queues.rawBatches()).toEqual([]);
    expect(await getRun(forTenant(database(env.DB), owner.tenantId), runId!)).toMatchObject({ status: "succeeded", read: 0 });
  });

  it("pages an object's ids across jobs, RECONCILE_PAGE ids per job, missing none", async () => {
    const connection = await labelsConnection(owner);
    const ids = Array.from({ length: RECONCILE_PAGE + 5 }, (_, i) => `${connection.id}-${String(i).padStart(5, "0")}`);
    await insertLabels(ids);
    await seedLabels(owner.tenantId, connection.id, ids);
    const gone = [ids[0]!, ids[RECONCILE_PAGE - 1]!, ids[RECONCILE_PAGE]!, ids.at(-1)!];
    await deleteLabels(gone);
    const queues = captureQueues();
    await reconcile(owner, connection.id);
    expect(await runJobs(queues)).toBe(2);
    expect(queues.syncJobs()[1]).toMatchObject({ step: "reconcile", after: ids[RECONCILE_PAGE - 1] });
    expect(deletedIds(queues.rawBatches())).toEqual([...gone].sort());
    expect(new Set(queues.rawBatches().map((batch: RawBatch) => batch.batch_id)).size).toBe(2);
  });

  it("with force, deletes a page's missing records that the mass-delete guard would hold back", async () => {
    const connection = await labelsConnection(owner);
    const ids = Array.from({ length: MASS_DELETE_MIN_PAGE }, (_, i) => `${connection.id}-${String(i).padStart(3, "0")}`);
    await seedLabels(owner.tenantId, connection.id, ids);
    await insertLabels(ids.slice(0, 40));
    const queues = captureQueues();
    const [runId] = await reconcile(owner, connection.id, { force: true });
    expect(queues.syncJobs()).toEqual([expect.objectContaining({ step: "reconcile", force: true })]);
    await runJobs(queues);
    expect(deletedIds(queues.rawBatches())).toEqual(ids.slice(40));
    expect(await getRun(forTenant(database(env.DB), owner.tenantId), runId!)).toMatchObject({ read: 60, readingDone: true });
  });

  it("starts the next page's job without the quota wait the checked page had, keeping its force", async () => {
    const connection = await labelsConnection(owner);
    const ids = Array.from({ length: RECONCILE_PAGE + 1 }, (_, i) => `${connection.id}-${String(i).padStart(5, "0")}`);
    await insertLabels(ids);
    await seedLabels(owner.tenantId, connection.id, ids);
    const queues = captureQueues();
    await reconcile(owner, connection.id, { force: true });
    const waited: ReconcileJob = { ...(queues.syncJobs()[0] as unknown as ReconcileJob), deferred_since: "2026-11-25T10:00:00.000Z" };
    expect((await deliver("autonomos-sync", [waited])).result.explicitAcks).toHaveLength(1);
    const next = queues.syncJobs()[1];
    expect(next).toMatchObject({ step: "reconcile", after: ids[RECONCILE_PAGE - 1], force: true });
    // the 48-hour bound on quota waits counts per page: a page that was checked ends the wait before it
    expect(next).not.toHaveProperty("deferred_since");
  });
});
