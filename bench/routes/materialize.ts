/**
 * The materialization benchmark's routes, behind the whole gateway so the tenant is the caller's:
 *   POST /api/v1/bench/materialize/seed?events=N&batch=B  appends N canonical events (bench/data/canonical-events.ts)
 *                                                         to the caller's stream with the pipeline's own appendBatch,
 *                                                         B per batch; returns each batch's seqs
 *   POST /api/v1/bench/materialize/enqueue  {batches}     one CanonicalBatch per batch on CANONICAL_QUEUE: the real
 *                                                         consumer materializes them
 *   POST /api/v1/bench/materialize/direct   {batches}     the consumer's own steps (eventsAt + materializeEvents) per
 *                                                         batch, in this isolate, timed: the materializer without
 *                                                         the queue
 *   GET  /api/v1/bench/materialize/rows                   the caller's view rows per entity
 *   GET  /api/v1/bench/materialize/lag                    the caller's last stream seq and the last one materialized,
 *                                                         so a benchmark can wait for the DCL to settle
 *   POST /api/v1/bench/materialize/clear                  forgets the caller's views and materializer state
 */
import type { Context } from "hono";
import { max } from "drizzle-orm";
import type { AppEnv } from "../../workers/gateway/context";
import { callerOf } from "../../workers/gateway/middleware/auth/require";
import { appendBatch } from "../../workers/aam/pipeline/stream";
import { d1ViewStore } from "../../workers/dcl/materialize/d1-view-store";
import { materializeEvents } from "../../workers/dcl/materialize/materialize";
import { database, forTenant, schema } from "../../workers/platform/db";
import { canonicalEventBatches } from "../data/canonical-events";
import { elapsedMs } from "./clock";

type BenchContext = Context<AppEnv>;
const TRACE_ID = "bench-materialize";

const scopeOf = (c: BenchContext) => forTenant(database(c.env.DB), callerOf(c).tenantId);
const batchesOf = async (c: BenchContext) => ((await c.req.json()) as { batches: number[][] }).batches;

export async function benchSeed(c: BenchContext) {
  const scope = scopeOf(c);
  const events = Number(c.req.query("events") ?? 10_000);
  const connection = c.req.query("connection") ?? "con_bench";
  const batches: number[][] = [];
  const runId = `run_bench_${crypto.randomUUID()}`;
  for (const [i, batch] of canonicalEventBatches(scope.tenantId, connection, events, Number(c.req.query("batch") ?? 200)).entries()) {
    batches.push((await appendBatch(scope, { runId, batchId: String(i), events: batch, quarantined: 0, alongside: [] })).seqs);
  }
  return c.json({ events: batches.flat().length, batches });
}

export async function benchEnqueue(c: BenchContext) {
  const tenant_id = callerOf(c).tenantId;
  const batches = await batchesOf(c);
  // sendBatch takes at most 100 messages
  for (let start = 0; start < batches.length; start += 100) {
    await c.env.CANONICAL_QUEUE.sendBatch(batches.slice(start, start + 100).map((seqs) => ({ body: { tenant_id, trace_id: TRACE_ID, seqs } })));
  }
  return c.json({ messages: batches.length });
}

export async function benchMaterializeDirect(c: BenchContext) {
  const store = d1ViewStore(scopeOf(c));
  const batches = await batchesOf(c);
  const ms = await elapsedMs(async () => {
    for (const seqs of batches) await materializeEvents(store, await store.eventsAt(seqs));
  });
  return c.json({ ms, rows: await store.countRows() });
}

export async function benchMaterializeLag(c: BenchContext) {
  const scope = scopeOf(c);
  const lastOf = async (table: typeof schema.canonicalEvents | typeof schema.dclRecords, column: typeof schema.canonicalEvents.seq | typeof schema.dclRecords.lastSeq) => {
    const [row] = await scope.db.select({ last: max(column) }).from(table).where(scope.where(table));
    return row?.last ?? 0;
  };
  return c.json({
    stream_last_seq: await lastOf(schema.canonicalEvents, schema.canonicalEvents.seq),
    materialized_last_seq: await lastOf(schema.dclRecords, schema.dclRecords.lastSeq),
  });
}

export const benchViewRows = async (c: BenchContext) => c.json(await d1ViewStore(scopeOf(c)).countRows());

export async function benchClearViews(c: BenchContext) {
  await d1ViewStore(scopeOf(c)).clear();
  return c.json({ cleared: true });
}
