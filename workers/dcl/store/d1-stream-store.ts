/**
 * The canonical stream in D1: appends are the pipeline's own (aam/pipeline/stream.ts: one D1 transaction with the
 * batch's marker), reads go straight to canonical_events through the tenant scope.
 */
import { and, asc, eq, gt, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { appendBatch } from "../../aam/pipeline/stream";
import type { CanonicalEvent } from "../../canonical/event";
import { database, forTenant, schema, type TenantScope } from "../../platform/db";
import type { BatchAppended, BatchToAppend, LiveRecord, LiveRecordsQuery, StreamFilter, StreamEvent, StreamStore } from "./stream-store";

const { canonicalEvents, normalizedBatches } = schema;

export function d1StreamStore(d1: D1Database): StreamStore {
  const db = database(d1);
  return {
    appendBatch: (tenantId, batch) => append(forTenant(db, tenantId), batch),
    readEvents: (tenantId, filter, limit) => readEvents(forTenant(db, tenantId), filter, limit),
    liveRecords: (tenantId, query) => liveRecords(forTenant(db, tenantId), query),
  };
}

async function append(scope: TenantScope, batch: BatchToAppend): Promise<BatchAppended> {
  // stream.ts resumes a redelivery without saying so; its marker existing beforehand is what tells. Two
  // concurrent deliveries of one batch may both report a first delivery, but they report the same seqs.
  const marked = await scope.select(normalizedBatches, eq(normalizedBatches.runId, batch.runId), eq(normalizedBatches.batchId, batch.batchId));
  const appended = await appendBatch(scope, { ...batch, quarantined: 0, alongside: [] });
  return { seqs: appended.seqs, duplicates: appended.counts.duplicates, firstDelivery: marked.length === 0 };
}

async function readEvents(scope: TenantScope, filter: StreamFilter, limit: number): Promise<StreamEvent[]> {
  const rows = await scope.db
    .select({ seq: canonicalEvents.seq, event: canonicalEvents.event })
    .from(canonicalEvents)
    .where(
      scope.where(
        canonicalEvents,
        // one JSON parameter rather than one per seq: D1 binds at most 100 parameters per statement
        filter.seqs === undefined ? undefined : sql`${canonicalEvents.seq} in (select value from json_each(${JSON.stringify(filter.seqs)}))`,
        filter.after === undefined ? undefined : gt(canonicalEvents.seq, filter.after),
        filter.entity === undefined ? undefined : eq(canonicalEvents.entity, filter.entity),
        filter.connection_id === undefined ? undefined : eq(canonicalEvents.connectionId, filter.connection_id),
      ),
    )
    .orderBy(asc(canonicalEvents.seq))
    .limit(limit);
  // the column holds what the pipeline appended: validated CanonicalEvents
  return rows.map((row) => ({ seq: row.seq, event: row.event as CanonicalEvent }));
}

/** An upsert with no later event of its record is a live record, with that upsert's event id (canonical_events_tenant_record_idx covers it). */
async function liveRecords(scope: TenantScope, query: LiveRecordsQuery): Promise<LiveRecord[]> {
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
