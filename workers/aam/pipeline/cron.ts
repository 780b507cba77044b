/**
 * The connector cron job: every tick, claim each due connection (claimDueSync: of two overlapping ticks only one
 * wins) and start a scheduled sync of all its objects. Each connection is handled on its own: one that cannot be
 * synced (its source unreachable during discovery) records the error on itself and the others go on.
 */
import type { Env } from "../../env";
import { database, forTenant } from "../../platform/db";
import { randomHex } from "../../platform/ids";
import { createLogger, errorFields, logLevel } from "../../platform/log";
import { sourceStateOf } from "../connectors/source-state";
import { dueForSync } from "../connections/due";
import { getConnection } from "../connections/registry";
import { claimDueSync, recordSyncFailed } from "../connections/sync-state";
import { startConnectionSync } from "./start-sync";

export async function scheduleDueSyncs(env: Env, now: Date): Promise<void> {
  const db = database(env.DB);
  const log = createLogger({ job: "connector-sync" }, logLevel(env.LOG_LEVEL));
  for (const due of await dueForSync(db, now)) {
    const scope = forTenant(db, due.tenantId);
    if (!(await claimDueSync(scope, due, now))) continue;
    // Each scheduled sync is its own trace, so its runs, jobs and batches can be followed across the queues.
    const traceId = randomHex(16);
    try {
      const connection = await getConnection(scope, due.id);
      const runIds = await startConnectionSync(env, scope, { connection, kind: "scheduled", traceId });
      log.info("scheduled sync started", { trace_id: traceId, tenant_id: due.tenantId, connection_id: due.id, runs: runIds.length });
    } catch (err) {
      log.error("scheduled sync could not start", { trace_id: traceId, tenant_id: due.tenantId, connection_id: due.id, ...errorFields(err) });
      await recordSyncFailed(scope, due.id, err instanceof Error ? err.message : String(err), now, sourceStateOf(err));
    }
  }
}
