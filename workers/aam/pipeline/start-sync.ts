/**
 * Starting a sync: one run per source object, and the first SyncJob of each on SYNC_QUEUE. The cron, "sync now"
 * and file uploads all start syncs through here; the sync consumer (sync-step.ts) takes it from the first job on.
 */
import type { Env } from "../../env";
import type { EntityName } from "../../canonical/names";
import type { TenantScope } from "../../platform/db";
import type { ConnectionRow } from "../../platform/db/schema";
import { connectorFor } from "../connections/factory";
import { type SyncJob, SyncJobSchema } from "./messages";
import { type RunKind, createRun } from "./runs";
import { observeDiscovered } from "./self-heal";
import { tenantMappings } from "./tenant-mappings";

type StartEnv = Pick<Env, "SYNC_QUEUE">;

export interface ObjectSync {
  connection: ConnectionRow;
  kind: RunKind;
  object: string;
  /** where reading starts; null reads the object from the beginning */
  cursor: string | null;
  entity?: EntityName;
  traceId: string;
}

/** Creates the run, then enqueues its first job: a job never exists without the run it counts into. */
export async function startObjectSync(env: StartEnv, scope: TenantScope, sync: ObjectSync): Promise<string> {
  const runId = await createRun(scope, {
    connectionId: sync.connection.id,
    kind: sync.kind,
    object: sync.object,
    traceId: sync.traceId,
  });
  const job: SyncJob = SyncJobSchema.parse({
    tenant_id: scope.tenantId,
    connection_id: sync.connection.id,
    run_id: runId,
    trace_id: sync.traceId,
    object: sync.object,
    cursor: sync.cursor,
    entity: sync.entity,
  });
  await env.SYNC_QUEUE.send(job, { contentType: "json" });
  return runId;
}

/**
 * Syncs every object the connector finds, each from where its last sync left off (the connection's cursor map).
 * Objects are discovered rather than taken from the cursor map, so new files are picked up and deleted ones
 * are not read; each listing of fields goes to the schema observer.
 */
export async function startConnectionSync(
  env: Env,
  scope: TenantScope,
  sync: { connection: ConnectionRow; kind: RunKind; traceId: string },
): Promise<string[]> {
  const connector = await connectorFor(sync.connection, env);
  const registry = await tenantMappings(scope);
  const runIds: string[] = [];
  for (const { object, entity, fields } of await connector.discover()) {
    const cursor = sync.connection.cursor[object] ?? null;
    const runId = await startObjectSync(env, scope, { ...sync, object, cursor, entity });
    runIds.push(runId);
    const batch = { tenant_id: scope.tenantId, connection_id: sync.connection.id, run_id: runId, trace_id: sync.traceId, system: sync.connection.system, object, entity };
    await observeDiscovered(env, scope, registry, { batch, fields });
  }
  return runIds;
}
