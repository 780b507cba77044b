/**
 * The cron's question, "which connections are due to sync?", is the one connection query that crosses tenants:
 * nobody is calling on a tenant's behalf yet. It returns only what scheduling needs; whatever runs the sync then
 * works on the connection through `forTenant(db, tenantId)` like everything else.
 */
import { and, asc, eq, lte } from "drizzle-orm";
import { type Database, schema } from "../../platform/db";

const { connections } = schema;

/** Active connections whose `next_sync_at` has come, most overdue first (on-demand ones have none). */
export function dueForSync(db: Database, now: Date, limit = 100) {
  return db
    .select({
      id: connections.id,
      tenantId: connections.tenantId,
      system: connections.system,
      scheduleMinutes: connections.scheduleMinutes,
      nextSyncAt: connections.nextSyncAt,
    })
    .from(connections)
    .where(and(eq(connections.status, "active"), lte(connections.nextSyncAt, now.toISOString())))
    .orderBy(asc(connections.nextSyncAt))
    .limit(limit)
    .all();
}
