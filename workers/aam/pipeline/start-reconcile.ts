/**
 * Starting id reconciliation: one run (kind "reconcile") per source object, and its first ReconcileJob on
 * SYNC_QUEUE. It starts on demand (POST …/connections/{id}/reconcile) and after a scheduled sync of an object once
 * every RECONCILE_EVERY_HOURS: a full pass asks the source about every live id, too costly for every sync.
 */
import { and, eq, gt } from "drizzle-orm";
import type { Env } from "../../env";
import { ProblemError } from "../../gateway/problem";
import { type TenantScope, schema } from "../../platform/db";
import type { ConnectionRow } from "../../platform/db/schema";
import type { Connector } from "../connectors/connector";
import { connectorFor } from "../connections/factory";
import { type ReconcileJob, ReconcileJobSchema } from "./messages";
import { createRun } from "./runs";

const { syncRuns } = schema;

/** How often a scheduled sync reconciles an object's ids (sources without tombstones only). */
export const RECONCILE_EVERY_HOURS = 24;

interface Reconcile {
  connection: ConnectionRow;
  traceId: string;
  /** a person confirmed a mass delete (mass-delete-guard.ts); scheduled reconciliation never does */
  force?: boolean;
}

/** The connector's `existing`, or a 501: a source that reports deletes itself is not reconciled by id. */
export function existingOf(connector: Connector): NonNullable<Connector["existing"]> {
  if (connector.existing === undefined) {
    throw new ProblemError("not-implemented", `${connector.system} reports deletes itself: its connections are not reconciled by id`);
  }
  return connector.existing.bind(connector);
}

/** Creates the run, then enqueues its first job: a job never exists without the run it counts into. */
export async function startObjectReconcile(env: Pick<Env, "SYNC_QUEUE">, scope: TenantScope, reconcile: Reconcile & { object: string }): Promise<string> {
  const runId = await createRun(scope, { connectionId: reconcile.connection.id, kind: "reconcile", object: reconcile.object, traceId: reconcile.traceId });
  const job: ReconcileJob = ReconcileJobSchema.parse({
    tenant_id: scope.tenantId,
    connection_id: reconcile.connection.id,
    run_id: runId,
    trace_id: reconcile.traceId,
    step: "reconcile",
    object: reconcile.object,
    after: null,
    ...(reconcile.force === true ? { force: true } : {}),
  });
  await env.SYNC_QUEUE.send(job, { contentType: "json" });
  return runId;
}

/** Reconciles every object the connector finds (a 501 for a connector that reports deletes itself). */
export async function startConnectionReconcile(env: Env, scope: TenantScope, reconcile: Reconcile): Promise<string[]> {
  const connector = await connectorFor(reconcile.connection, env);
  existingOf(connector);
  const runIds: string[] = [];
  for (const { object } of await connector.discover()) runIds.push(await startObjectReconcile(env, scope, { ...reconcile, object }));
  return runIds;
}

/** After a scheduled sync of an object: reconcile it unless a reconcile run of it started in the last RECONCILE_EVERY_HOURS. */
export async function reconcileIfDue(env: Pick<Env, "SYNC_QUEUE">, scope: TenantScope, reconcile: Reconcile & { object: string }, now: Date): Promise<void> {
  const since = new Date(now.getTime() - RECONCILE_EVERY_HOURS * 3_600_000).toISOString();
  const recent = await scope.db
    .select({ id: syncRuns.id })
    .from(syncRuns)
    .where(
      scope.where(
        syncRuns,
        and(eq(syncRuns.connectionId, reconcile.connection.id), eq(syncRuns.kind, "reconcile"), eq(syncRuns.object, reconcile.object), gt(syncRuns.createdAt, since)),
      ),
    )
    .limit(1);
  if (recent.length === 0) await startObjectReconcile(env, scope, reconcile);
}
