/**
 * The canonical stream in Postgres (pg-schema.ts). A batch's marker row goes in first, in the same transaction as
 * its events: a redelivery conflicts on it (waiting for a concurrent first delivery to commit) and reads the first
 * delivery's seqs back from it; events go in with ON CONFLICT (tenant_id, event_id) DO NOTHING, so only new events
 * get a seq.
 */
import { and, asc, eq, gt, inArray, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type PgConfig, pgSchema, withPg } from "../../platform/db/pg";
import { forPgTenant, type PgTenantScope } from "../../platform/db/pg-scope";
import { eventRow } from "./event-columns";
import type { BatchAppended, BatchToAppend, LiveRecord, LiveRecordsQuery, StreamEvent, StreamFilter, StreamStore } from "./stream-store";

const { canonicalEvents, normalizedBatches } = pgSchema;

export function neonStreamStore(config: PgConfig): StreamStore {
  return {
    appendBatch: (tenantId, batch) => withPg(config, (db) => db.transaction((tx) => appendBatch(forPgTenant(tx, tenantId), batch))),
    readEvents: (tenantId, filter, limit) => withPg(config, (db) => readEvents(forPgTenant(db, tenantId), filter, limit)),
    liveRecords: (tenantId, query) => withPg(config, (db) => liveRecords(forPgTenant(db, tenantId), query)),
  };
}

async function appendBatch(scope: PgTenantScope, batch: BatchToAppend): Promise<BatchAppended> {
  const thisBatch = and(eq(normalizedBatches.runId, batch.runId), eq(normalizedBatches.batchId, batch.batchId));
  const marked = await scope.db
    .insert(normalizedBatches)
    .values(scope.owned([{ runId: batch.runId, batchId: batch.batchId, seqs: [], valid: batch.events.length }]))
    .onConflictDoNothing()
    .returning({ runId: normalizedBatches.runId });
  if (marked.length === 0) {
    const [first] = await scope.db.select().from(normalizedBatches).where(scope.where(normalizedBatches, thisBatch));
    if (first === undefined) throw new Error(`batch ${batch.batchId} of run ${batch.runId} has no marker`); // cannot happen: the insert conflicted on it
    return { seqs: first.seqs, duplicates: first.valid - first.seqs.length, firstDelivery: false };
  }
  const added =
    batch.events.length === 0
      ? []
      : await scope.db
          .insert(canonicalEvents)
          .values(scope.owned(batch.events.map((event) => eventRow(batch.runId, event))))
          .onConflictDoNothing({ target: [canonicalEvents.tenantId, canonicalEvents.eventId] })
          .returning({ seq: canonicalEvents.seq });
  const seqs = added.map((row) => row.seq).sort((a, b) => a - b);
  await scope.db.update(normalizedBatches).set({ seqs }).where(scope.where(normalizedBatches, thisBatch));
  return { seqs, duplicates: batch.events.length - seqs.length, firstDelivery: true };
}

/** One tenant's events in seq order (the Neon view store reads through this too). */
export function readEvents(scope: PgTenantScope, filter: StreamFilter, limit: number): Promise<StreamEvent[]> {
  return scope.db
    .select({ seq: canonicalEvents.seq, event: canonicalEvents.event })
    .from(canonicalEvents)
    .where(
      scope.where(
        canonicalEvents,
        filter.seqs === undefined ? undefined : inArray(canonicalEvents.seq, filter.seqs),
        filter.after === undefined ? undefined : gt(canonicalEvents.seq, filter.after),
        filter.entity === undefined ? undefined : eq(canonicalEvents.entity, filter.entity),
        filter.connection_id === undefined ? undefined : eq(canonicalEvents.connectionId, filter.connection_id),
      ),
    )
    .orderBy(asc(canonicalEvents.seq))
    .limit(limit);
}

/** An upsert with no later event of its record is a live record, with that upsert's event id (canonical_events_tenant_record_idx covers it). */
async function liveRecords(scope: PgTenantScope, query: LiveRecordsQuery): Promise<LiveRecord[]> {
  const later = alias(canonicalEvents, "later");
  return scope.db
    .select({ record_id: canonicalEvents.recordId, event_id: canonicalEvents.eventId })
    .from(canonicalEvents)
    .where(
      scope.where(
        canonicalEvents,
        eq(canonicalEvents.connectionId, query.connection_id),
        eq(canonicalEvents.object, query.object),
        query.after === undefined ? undefined : gt(canonicalEvents.recordId, query.after),
        eq(canonicalEvents.op, "upsert"),
        notExists(
          scope.db
            .select({ one: sql`1` })
            .from(later)
            .where(
              scope.where(
                later,
                and(
                  eq(later.connectionId, canonicalEvents.connectionId),
                  eq(later.object, canonicalEvents.object),
                  eq(later.recordId, canonicalEvents.recordId),
                  gt(later.seq, canonicalEvents.seq),
                ),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(canonicalEvents.recordId))
    .limit(query.limit);
}
