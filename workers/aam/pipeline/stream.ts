/**
 * The append-only canonical stream. A batch's events go in with `ON CONFLICT(event_id) DO NOTHING` (event ids are
 * deterministic, so re-reads are duplicates, counted from the rows actually inserted), in ONE D1 transaction with
 * whatever else must land with them (quarantine rows, replay status) and the batch's marker (normalized_batches).
 * The marker is inserted plainly: when a redelivered batch finds it, the whole transaction rolls back and the
 * first delivery's outcome is read back from it instead.
 */
import { asc, eq, gt, lte, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { CanonicalEvent } from "../../canonical/event";
import type { EntityName } from "../../canonical/names";
import { type TenantScope, isUniqueViolation, schema } from "../../platform/db";
import type { CanonicalEventRow, NormalizedBatchRow } from "../../platform/db/schema";

const { canonicalEvents, normalizedBatches } = schema;

const lastSeq = sql`(select coalesce(max(${canonicalEvents.seq}), 0) from ${canonicalEvents})`;

export interface AppendInput {
  runId: string;
  batchId: string;
  events: CanonicalEvent[];
  /** how many of the batch's records were quarantined (counted on the run) */
  quarantined: number;
  /** statements that must commit with the events (quarantine inserts or updates) */
  alongside: BatchItem<"sqlite">[];
}

export interface Appended {
  /** stream positions of the events this batch added (not its duplicates) */
  seqs: number[];
  counts: { emitted: number; duplicates: number; quarantined: number };
  /** whether the run counters already took this batch (a redelivery after everything was done) */
  counted: boolean;
}

function eventInsert(scope: TenantScope, runId: string, event: CanonicalEvent) {
  return scope.db
    .insert(canonicalEvents)
    .values({
      eventId: event.meta.event_id,
      tenantId: scope.tenantId,
      connectionId: event.source.connection_id,
      runId,
      system: event.source.system,
      object: event.source.object,
      recordId: event.source.record_id,
      entity: event.entity,
      op: event.meta.op,
      mappingVersion: event.meta.mapping_version,
      traceId: event.meta.trace_id,
      emittedAt: event.meta.emitted_at,
      event,
    })
    .onConflictDoNothing({ target: canonicalEvents.eventId })
    .returning({ seq: canonicalEvents.seq });
}

export async function appendBatch(scope: TenantScope, input: AppendInput): Promise<Appended> {
  const marker = scope.where(normalizedBatches, eq(normalizedBatches.runId, input.runId), eq(normalizedBatches.batchId, input.batchId));
  const inserts = input.events.map((event) => eventInsert(scope, input.runId, event));
  let results: unknown[];
  try {
    results = await scope.db.batch([
      scope.db.insert(normalizedBatches).values({
        tenantId: scope.tenantId,
        runId: input.runId,
        batchId: input.batchId,
        afterSeq: lastSeq,
        valid: input.events.length,
        quarantined: input.quarantined,
      }),
      ...inserts,
      ...input.alongside,
      scope.db.update(normalizedBatches).set({ throughSeq: lastSeq }).where(marker),
    ]);
  } catch (err) {
    if (!isUniqueViolation(err, "normalized_batches.run_id, normalized_batches.batch_id")) throw err;
    return resumeBatch(scope, input.runId, input.batchId);
  }
  const seqs = (results.slice(1, 1 + inserts.length) as { seq: number }[][]).flat().map((row) => row.seq);
  return { seqs, counts: countsOf(input.events.length, seqs.length, input.quarantined), counted: false };
}

const countsOf = (valid: number, emitted: number, quarantined: number) => ({ emitted, duplicates: valid - emitted, quarantined });

/** A batch appended before: what it added, from its marker. */
async function resumeBatch(scope: TenantScope, runId: string, batchId: string): Promise<Appended> {
  const [row] = await scope.select(normalizedBatches, eq(normalizedBatches.runId, runId), eq(normalizedBatches.batchId, batchId));
  if (row === undefined) throw new Error(`batch ${batchId} of run ${runId} belongs to another tenant`);
  const seqs = (await batchEvents(scope, row)).map((e) => e.seq);
  return { seqs, counts: countsOf(row.valid, seqs.length, row.quarantined), counted: row.countedAt !== null };
}

function batchEvents(scope: TenantScope, row: NormalizedBatchRow) {
  return scope.db
    .select({ seq: canonicalEvents.seq })
    .from(canonicalEvents)
    .where(scope.where(canonicalEvents, gt(canonicalEvents.seq, row.afterSeq), lte(canonicalEvents.seq, row.throughSeq ?? row.afterSeq)))
    .orderBy(asc(canonicalEvents.seq));
}

export interface StreamFilter {
  entity?: EntityName;
  connection_id?: string;
  /** the seq the page continues after */
  after?: number;
}

/** One page of the tenant's stream in seq order. */
export async function readStream(scope: TenantScope, filter: StreamFilter, limit: number): Promise<CanonicalEventRow[]> {
  return scope.db
    .select()
    .from(canonicalEvents)
    .where(
      scope.where(
        canonicalEvents,
        filter.entity === undefined ? undefined : eq(canonicalEvents.entity, filter.entity),
        filter.connection_id === undefined ? undefined : eq(canonicalEvents.connectionId, filter.connection_id),
        filter.after === undefined ? undefined : gt(canonicalEvents.seq, filter.after),
      ),
    )
    .orderBy(asc(canonicalEvents.seq))
    .limit(limit);
}
