/**
 * The sync state the pipeline keeps on a connection: the cron's claim on a due sync, and the outcome of each
 * object's sync (its cursor, last stats, or the error that stopped it). Every write is one conditional UPDATE
 * through the tenant's scope, so concurrent ticks and consumers never overwrite each other's fields.
 */
import { eq, sql } from "drizzle-orm";
import { type TenantScope, schema } from "../../platform/db";
import type { SyncRunRow } from "../../platform/db/schema";
import type { SyncStats } from "./schemas";

const { connections } = schema;

/**
 * Claims a due sync: moves `next_sync_at` one interval past `now`, but only if it still holds the value the scan
 * saw. Of two overlapping ticks that both saw the connection due, exactly one wins the claim.
 */
export async function claimDueSync(
  scope: TenantScope,
  due: { id: string; scheduleMinutes: number | null; nextSyncAt: string | null },
  now: Date,
): Promise<boolean> {
  if (due.scheduleMinutes === null || due.nextSyncAt === null) return false;
  const next = new Date(now.getTime() + due.scheduleMinutes * 60_000).toISOString();
  const claimed = await scope.update(
    connections,
    { nextSyncAt: next },
    eq(connections.id, due.id),
    eq(connections.nextSyncAt, due.nextSyncAt),
  );
  return claimed === 1;
}

/**
 * An object finished reading: keep where the next sync of it continues (json_patch merges just this object's key,
 * and a null cursor removes it), the run's stats, and clear an earlier error.
 */
export async function recordSyncSucceeded(
  scope: TenantScope,
  connectionId: string,
  outcome: { object: string; cursor: string | null; run: SyncRunRow },
  now: Date,
): Promise<void> {
  const stats: SyncStats = {
    read: outcome.run.read,
    emitted: outcome.run.emitted,
    quarantined: outcome.run.quarantined,
    duplicates: outcome.run.duplicates,
    duration_ms: Math.max(0, now.getTime() - Date.parse(outcome.run.startedAt ?? outcome.run.createdAt)),
  };
  await scope.db
    .update(connections)
    .set({
      cursor: sql`json_patch(${connections.cursor}, ${JSON.stringify({ [outcome.object]: outcome.cursor })})`,
      lastSyncAt: now.toISOString(),
      lastSyncStats: stats,
      lastError: null,
      status: sql`case when ${connections.status} = 'error' then 'active' else ${connections.status} end`,
      updatedAt: now.toISOString(),
    })
    .where(scope.where(connections, eq(connections.id, connectionId)))
    .run();
}

/**
 * A sync gave up: the connection says why, and an active one turns `error` so the cron stops retrying it on
 * schedule until someone looks (a paused one stays paused). A later successful sync turns it active again.
 */
export async function recordSyncFailed(scope: TenantScope, connectionId: string, error: string, now: Date): Promise<void> {
  await scope.db
    .update(connections)
    .set({
      lastError: error,
      status: sql`case when ${connections.status} = 'active' then 'error' else ${connections.status} end`,
      updatedAt: now.toISOString(),
    })
    .where(scope.where(connections, eq(connections.id, connectionId)))
    .run();
}
