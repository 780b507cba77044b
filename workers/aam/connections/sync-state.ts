/**
 * The sync state the pipeline keeps on a connection: the cron's claim on a due sync, the outcome of each
 * object's sync (its cursor, last stats, or the error that stopped it), and the source's state (source-state.ts) as
 * the last sync or check found it. Every write is one conditional UPDATE through the tenant's scope, so concurrent
 * ticks and consumers never overwrite each other's fields.
 */
import { eq, sql } from "drizzle-orm";
import { type TenantScope, schema } from "../../platform/db";
import type { SyncRunRow } from "../../platform/db/schema";
import type { SourceFailure, SourceState } from "../connectors/source-state";
import type { SyncStats } from "./schemas";

const { connections } = schema;

/** The state and when it was found, always written together. */
const sourceStateSet = (state: SourceState, now: Date) => ({ sourceState: state, sourceStateAt: now.toISOString() });

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
 * and a null cursor removes it), the run's stats, and clear an earlier error: the source is `ok` again.
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
      ...sourceStateSet("ok", now),
      status: sql`case when ${connections.status} = 'error' then 'active' else ${connections.status} end`,
      updatedAt: now.toISOString(),
    })
    .where(scope.where(connections, eq(connections.id, connectionId)))
    .run();
}

/**
 * A sync gave up: the connection says why, and an active one turns `error` so the cron stops retrying it on
 * schedule until someone looks (a paused one stays paused). A later successful sync turns it active again.
 * `state` is the source's failure when the source caused it; any other failure says nothing about the source.
 */
export async function recordSyncFailed(
  scope: TenantScope,
  connectionId: string,
  error: string,
  now: Date,
  state?: SourceFailure,
): Promise<void> {
  await scope.db
    .update(connections)
    .set({
      lastError: error,
      ...(state === undefined ? {} : sourceStateSet(state, now)),
      status: sql`case when ${connections.status} = 'active' then 'error' else ${connections.status} end`,
      updatedAt: now.toISOString(),
    })
    .where(scope.where(connections, eq(connections.id, connectionId)))
    .run();
}

/**
 * A sync waits for its source's API quota: the connection says until when, but stays active (its schedule goes
 * on); the next successful sync clears the note.
 */
export async function recordSyncDeferred(scope: TenantScope, connectionId: string, note: string, now: Date): Promise<void> {
  await scope.update(
    connections,
    { lastError: note, ...sourceStateSet("quota-reached", now), updatedAt: now.toISOString() },
    eq(connections.id, connectionId),
  );
}

/** A check of the source (POST .../test) found it in `state`; the sync outcome fields stay as they are. */
export async function recordSourceChecked(scope: TenantScope, connectionId: string, state: SourceState, now: Date): Promise<void> {
  await scope.update(connections, { ...sourceStateSet(state, now), updatedAt: now.toISOString() }, eq(connections.id, connectionId));
}
