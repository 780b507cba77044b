/**
 * The append-only canonical stream. A batch's events go in with `ON CONFLICT(event_id) DO NOTHING` (event ids are
 * deterministic, so re-reads are duplicates, counted from the rows actually inserted), in ONE D1 transaction with
 * whatever else must land with them (quarantine rows, replay status) and the batch's marker (normalized_batches).
 * The marker is inserted plainly: when a redelivered batch finds it, the whole transaction rolls back and the
 * first delivery's outcome is read back from it instead.
 */
import { asc, eq, getTableColumns, getTableName, gt, lte, sql } from "drizzle-orm";
import type { CanonicalEvent } from "../../canonical/event";
import { type TenantScope, isUniqueViolation, schema } from "../../platform/db";
import type { NormalizedBatchRow } from "../../platform/db/schema";
import { eventRow } from "../../dcl/store/event-columns";

const { canonicalEvents, normalizedBatches } = schema;

const lastSeq = sql`(select coalesce(max(${canonicalEvents.seq}), 0) from ${canonicalEvents})`;

/** A drizzle query built but not run, to commit in the append's transaction (quarantine inserts, replay updates). */
export interface BuiltQuery {
  toSQL(): { sql: string; params: unknown[] };
}

export interface AppendInput {
  runId: string;
  batchId: string;
  events: CanonicalEvent[];
  /** how many of the batch's records were quarantined (counted on the run) */
  quarantined: number;
  /** statements that must commit with the events (quarantine inserts or updates) */
  alongside: BuiltQuery[];
}

export interface Appended {
  /** stream positions of the events this batch added (not its duplicates), ascending */
  seqs: number[];
  counts: { emitted: number; duplicates: number; quarantined: number };
  /** whether the run counters already took this batch (a redelivery after everything was done) */
  counted: boolean;
}

type EventValues = typeof canonicalEvents.$inferInsert;

/** The stored row of an event (the same columns the Neon store writes): the tenant from the scope, never from the event. */
const eventValues = (scope: TenantScope, runId: string, event: CanonicalEvent): EventValues => ({
  tenantId: scope.tenantId,
  ...eventRow(runId, event),
});

const eventColumns = (["eventId", "tenantId", "connectionId", "runId", "system", "object", "recordId", "entity", "op", "mappingVersion", "traceId", "emittedAt", "event"] as const satisfies readonly (keyof EventValues)[]).map((key) => ({ key, column: getTableColumns(canonicalEvents)[key] }));

/**
 * Events go in several to a statement, bound directly on D1: one drizzle query per event cost more in JavaScript
 * than SQLite spent storing it, and each statement of a D1 batch has its own overhead. D1 binds at most 100
 * parameters per statement, hence 7 events (13 columns each) per INSERT.
 */
const EVENTS_PER_INSERT = Math.floor(100 / eventColumns.length);
const insertSql = new Map<number, string>();

function eventsInsertSql(rows: number): string {
  let text = insertSql.get(rows);
  if (text === undefined) {
    const row = `(${eventColumns.map(() => "?").join(", ")})`;
    text = `insert into ${getTableName(canonicalEvents)} (${eventColumns.map((c) => `"${c.column.name}"`).join(", ")}) values ${Array(rows).fill(row).join(", ")} on conflict ("${canonicalEvents.eventId.name}") do nothing returning "${canonicalEvents.seq.name}"`;
    insertSql.set(rows, text);
  }
  return text;
}

function eventInserts(scope: TenantScope, runId: string, events: CanonicalEvent[]): D1PreparedStatement[] {
  const statements: D1PreparedStatement[] = [];
  for (let start = 0; start < events.length; start += EVENTS_PER_INSERT) {
    const chunk = events.slice(start, start + EVENTS_PER_INSERT);
    const params: unknown[] = [];
    for (const event of chunk) {
      const values = eventValues(scope, runId, event);
      for (const { key, column } of eventColumns) {
        const value = values[key];
        params.push(value === null || value === undefined ? null : column.mapToDriverValue(value));
      }
    }
    statements.push(scope.db.$client.prepare(eventsInsertSql(chunk.length)).bind(...params));
  }
  return statements;
}

const bound = (d1: D1Database, query: BuiltQuery) => {
  const { sql: text, params } = query.toSQL();
  return d1.prepare(text).bind(...params);
};

export async function appendBatch(scope: TenantScope, input: AppendInput): Promise<Appended> {
  const d1 = scope.db.$client;
  const marker = scope.where(normalizedBatches, eq(normalizedBatches.runId, input.runId), eq(normalizedBatches.batchId, input.batchId));
  const inserts = eventInserts(scope, input.runId, input.events);
  let results: D1Result[];
  try {
    results = await d1.batch([
      bound(
        d1,
        scope.db.insert(normalizedBatches).values({
          tenantId: scope.tenantId,
          runId: input.runId,
          batchId: input.batchId,
          afterSeq: lastSeq,
          valid: input.events.length,
          quarantined: input.quarantined,
        }),
      ),
      ...inserts,
      ...input.alongside.map((query) => bound(d1, query)),
      bound(d1, scope.db.update(normalizedBatches).set({ throughSeq: lastSeq }).where(marker)),
    ]);
  } catch (err) {
    if (!isUniqueViolation(err, "normalized_batches.run_id, normalized_batches.batch_id")) throw err;
    return resumeBatch(scope, input.runId, input.batchId);
  }
  // RETURNING promises no order; the stream's order is the seqs'.
  const seqs = results
    .slice(1, 1 + inserts.length)
    .flatMap((result) => (result.results as { seq: number }[]).map((row) => row.seq))
    .sort((a, b) => a - b);
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
