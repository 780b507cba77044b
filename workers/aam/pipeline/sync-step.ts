/**
 * One SyncJob: read one page of the object and hand it on. The steps run in this order, for at-least-once
 * delivery (the queue redelivers a job whose consumer died before acking it):
 *   1. send the page's RawBatch(es) to RAW_QUEUE in one sendBatch, then count them on the run (recordPageRead);
 *   2. then either enqueue the next page's job, or mark reading done and store the connection's cursor;
 *   3. the consumer acks the job.
 * A job redelivered after any step re-reads the same page from the same cursor: the same records with the same
 * batch ids and deterministic event ids, so normalization stores nothing twice and counts each batch once. What a
 * crash can leave behind is bookkeeping only: a page counted twice on the read side, or, if it died after step 2
 * enqueued the next job, two jobs reading on from there (both dedupe downstream). No record is ever skipped: a
 * page's successor is enqueued only after the page itself was sent.
 */
import type { Env } from "../../env";
import { database, forTenant } from "../../platform/db";
import { getConnection } from "../connections/registry";
import { connectorFor } from "../connections/factory";
import { recordSyncSucceeded } from "../connections/sync-state";
import type { SyncJob } from "./messages";
import { sendRawBatches } from "./raw-batches";
import { getRun, recordReadingDone } from "./runs";
import { reconcileIfDue } from "./start-reconcile";
import { afterPageRead } from "./sync-deferral";
import { publishLive } from "../../dcl/live/publish";
import { receivedEvent } from "../../dcl/live/events";

export async function runSyncStep(env: Env, job: SyncJob, now = new Date()): Promise<void> {
  const scope = forTenant(database(env.DB), job.tenant_id);
  const connection = await getConnection(scope, job.connection_id);
  const connector = await connectorFor(connection, env);
  const page = await connector.read(job.object, job.cursor);
  const envelope = {
    tenant_id: job.tenant_id,
    connection_id: job.connection_id,
    run_id: job.run_id,
    trace_id: job.trace_id,
    system: connection.system,
    object: job.object,
    entity: job.entity,
  };
  await sendRawBatches(env, scope, envelope, job.cursor ?? "start", page);
  await publishLive(env, job.tenant_id, { "live-flow": [receivedEvent(job, page)] });
  if (page.next_cursor !== null) {
    await env.SYNC_QUEUE.send({ ...afterPageRead(job), cursor: page.next_cursor } satisfies SyncJob, { contentType: "json" });
    return;
  }
  await recordReadingDone(scope, job.run_id, now);
  const run = await getRun(scope, job.run_id);
  // The object is exhausted for now; the next sync starts where the connector says (resume_cursor), or else
  // re-reads this last page from where it started, which costs one page of duplicates and misses nothing appended.
  const cursor = page.resume_cursor ?? job.cursor;
  if (run !== undefined) await recordSyncSucceeded(scope, connection.id, { object: job.object, cursor, run }, now);
  // sources without tombstones: their deletes come from id reconciliation, on schedule
  if (run?.kind === "scheduled" && connector.existing !== undefined) {
    await reconcileIfDue(env, scope, { connection, object: job.object, traceId: job.trace_id }, now);
  }
}
