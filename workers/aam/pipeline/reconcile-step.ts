/**
 * One ReconcileJob: deletes for sources that keep no tombstones (PostgREST, MongoDB). A page of the object's live
 * record ids (latest event an upsert, from the canonical store) is checked against the source EXISTING_BATCH ids
 * at a time; the ids it no longer has go to RAW_QUEUE as `op: "delete"` records and count on the run. Then the
 * next page's job is enqueued, or the run's reading is done. One page per job keeps an invocation far below the
 * Workers subrequest limit however large the object.
 *
 * Only a source's answer makes a delete: a failing `existing` call throws, the job is retried (sync-consumer.ts),
 * and nothing of the page is sent. A redelivered job re-checks the same page (same batch ids: counted once). A
 * page that would delete most of what it checked sends nothing and fails the run (mass-delete-guard.ts).
 */
import type { Env } from "../../env";
import { streamStoreFor } from "../../dcl/store/for-env";
import { database, forTenant } from "../../platform/db";
import type { LiveRecord } from "../../dcl/store/stream-store";
import { EXISTING_BATCH, type Connector } from "../connectors/connector";
import { connectorFor } from "../connections/factory";
import { getConnection } from "../connections/registry";
import { deletedRecords } from "./deleted-records";
import { holdMassDelete } from "./mass-delete-guard";
import type { ReconcileJob } from "./messages";
import { pickMapping } from "./pick-mapping";
import { sendRawBatches } from "./raw-batches";
import { recordReadingDone } from "./runs";
import { existingOf } from "./start-reconcile";
import { afterPageRead } from "./sync-deferral";
import { tenantMappings } from "./tenant-mappings";

/** Live ids per job: RECONCILE_PAGE / EXISTING_BATCH source requests. */
export const RECONCILE_PAGE = 1000;

export async function runReconcileStep(env: Env, job: ReconcileJob, now = new Date()): Promise<void> {
  const scope = forTenant(database(env.DB), job.tenant_id);
  const connection = await getConnection(scope, job.connection_id);
  const connector = await connectorFor(connection, env);
  const live = await streamStoreFor(env).liveRecords(job.tenant_id, {
    connection_id: job.connection_id,
    object: job.object,
    ...(job.after === null ? {} : { after: job.after }),
    limit: RECONCILE_PAGE,
  });
  const missing = await missingRecords(connector, job.object, live);
  holdMassDelete(job, { checked: live.length, missing: missing.length });
  const mapping = pickMapping(await tenantMappings(scope), { system: connection.system, object: job.object });
  const envelope = { ...envelopeOf(job), system: connection.system, object: job.object };
  await sendRawBatches(env, scope, envelope, `reconcile:${job.after ?? "start"}`, { records: deletedRecords(mapping, missing) });
  const last = live.at(-1);
  if (live.length === RECONCILE_PAGE && last !== undefined) {
    await env.SYNC_QUEUE.send({ ...afterPageRead(job), after: last.record_id } satisfies ReconcileJob, { contentType: "json" });
    return;
  }
  await recordReadingDone(scope, job.run_id, now);
}

const envelopeOf = ({ tenant_id, connection_id, run_id, trace_id }: ReconcileJob) => ({ tenant_id, connection_id, run_id, trace_id });

/** The records of `live` the source no longer has, asking EXISTING_BATCH at a time (one after another: a source's rate). */
async function missingRecords(connector: Connector, object: string, live: LiveRecord[]): Promise<LiveRecord[]> {
  const existing = existingOf(connector);
  const missing: LiveRecord[] = [];
  for (let i = 0; i < live.length; i += EXISTING_BATCH) {
    const batch = live.slice(i, i + EXISTING_BATCH);
    const found = await existing(object, batch.map((record) => record.record_id));
    missing.push(...batch.filter((record) => !found.has(record.record_id)));
  }
  return missing;
}
