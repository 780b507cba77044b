/**
 * Sync runs: created when a sync starts, counted by the consumers as batches are read and normalized, finished
 * when reading is done and every enqueued batch has been normalized. Counters are added in SQL (`x = x + ?`) so
 * concurrent consumers never lose an update, and the finishing transition happens in one conditional UPDATE.
 */
import { desc, eq, exists, isNull, sql } from "drizzle-orm";
import type { TenantScope } from "../../platform/db";
import { schema } from "../../platform/db";
import type { SyncRunRow } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { olderThan, type PagePosition } from "./page-cursor";

const { normalizedBatches, syncRuns } = schema;

export type RunKind = SyncRunRow["kind"];

export async function createRun(
  scope: TenantScope,
  run: { connectionId: string; kind: RunKind; object: string | null; traceId: string },
): Promise<string> {
  const id = newId("run");
  await scope.insert(syncRuns, { id, connectionId: run.connectionId, kind: run.kind, object: run.object, traceId: run.traceId });
  return id;
}

export async function getRun(scope: TenantScope, runId: string): Promise<SyncRunRow | undefined> {
  return (await scope.select(syncRuns, eq(syncRuns.id, runId)))[0];
}

/** The connection's runs, newest first, continuing before `before`; fetch one more than a page to know if more follow. */
export async function listRuns(
  scope: TenantScope,
  query: { connectionId?: string; before?: PagePosition; limit: number },
): Promise<SyncRunRow[]> {
  return scope.db
    .select()
    .from(syncRuns)
    .where(
      scope.where(
        syncRuns,
        query.connectionId === undefined ? undefined : eq(syncRuns.connectionId, query.connectionId),
        olderThan(syncRuns, query.before),
      ),
    )
    .orderBy(desc(syncRuns.createdAt), desc(syncRuns.id))
    .limit(query.limit);
}

/** The reader handed a page to normalization: count what it read and how far it got. */
export async function recordPageRead(
  scope: TenantScope,
  runId: string,
  page: { records: number; batches?: number; progress?: { done: number; total?: number; unit: string } },
  now = new Date(),
): Promise<void> {
  await scope.db
    .update(syncRuns)
    .set({
      // Only a queued run starts: a failed (or finished) one is never revived by a late page.
      status: sql`case when ${syncRuns.status} = 'queued' then 'running' else ${syncRuns.status} end`,
      // a page read ends a quota wait: its note goes; a failed run keeps why it failed
      error: sql`case when ${syncRuns.status} = 'failed' then ${syncRuns.error} else null end`,
      startedAt: sql`coalesce(${syncRuns.startedAt}, ${now.toISOString()})`,
      read: sql`${syncRuns.read} + ${page.records}`,
      batchesEnqueued: sql`${syncRuns.batchesEnqueued} + ${page.batches ?? 1}`,
      ...(page.progress === undefined
        ? {}
        : { progressDone: page.progress.done, progressTotal: page.progress.total ?? null, progressUnit: page.progress.unit }),
    })
    .where(scope.where(syncRuns, eq(syncRuns.id, runId)))
    .run();
}

/** The reader reached the end of the object (for now). */
export async function recordReadingDone(scope: TenantScope, runId: string, now = new Date()): Promise<void> {
  await scope.db
    .update(syncRuns)
    .set({ readingDone: true, startedAt: sql`coalesce(${syncRuns.startedAt}, ${now.toISOString()})` })
    .where(scope.where(syncRuns, eq(syncRuns.id, runId)))
    .run();
  await finishIfComplete(scope, runId, now);
}

/**
 * A batch was normalized: add its outcome ONCE per (run, batch). The counter update applies only while the batch's
 * marker (normalized_batches, written when its events were appended) is uncounted and flips it in the same
 * transaction, so a redelivered batch can call this again safely; the same transaction finishes the run if it was
 * the last batch.
 */
export async function recordBatchNormalized(
  scope: TenantScope,
  runId: string,
  batchId: string,
  counts: { emitted: number; quarantined: number; duplicates: number },
  now = new Date(),
): Promise<void> {
  const uncounted = scope.where(
    normalizedBatches,
    eq(normalizedBatches.runId, runId),
    eq(normalizedBatches.batchId, batchId),
    isNull(normalizedBatches.countedAt),
  );
  await scope.db.batch([
    scope.db
      .update(syncRuns)
      .set({
        emitted: sql`${syncRuns.emitted} + ${counts.emitted}`,
        quarantined: sql`${syncRuns.quarantined} + ${counts.quarantined}`,
        duplicates: sql`${syncRuns.duplicates} + ${counts.duplicates}`,
        batchesDone: sql`${syncRuns.batchesDone} + 1`,
      })
      .where(scope.where(syncRuns, eq(syncRuns.id, runId), exists(scope.db.select({ one: sql`1` }).from(normalizedBatches).where(uncounted)))),
    scope.db.update(normalizedBatches).set({ countedAt: now.toISOString() }).where(uncounted),
    // in the same transaction, after the counters: one D1 round trip per batch instead of two
    finishIfCompleteQuery(scope, runId, now),
  ]);
}

/** The run waits for its source's quota: it is running (not failed), and `error` says until when. */
export async function recordRunDeferred(scope: TenantScope, runId: string, note: string, now = new Date()): Promise<void> {
  await scope.db
    .update(syncRuns)
    .set({ status: "running", error: note, startedAt: sql`coalesce(${syncRuns.startedAt}, ${now.toISOString()})` })
    .where(scope.where(syncRuns, eq(syncRuns.id, runId), sql`${syncRuns.status} in ('queued', 'running')`))
    .run();
}

/** The run cannot go on (source unreachable, retries exhausted): keep what it counted, record why. */
export async function recordRunFailed(scope: TenantScope, runId: string, error: string, now = new Date()): Promise<void> {
  await scope.update(syncRuns, { status: "failed", error, finishedAt: now.toISOString() }, eq(syncRuns.id, runId));
}

async function finishIfComplete(scope: TenantScope, runId: string, now: Date): Promise<void> {
  await finishIfCompleteQuery(scope, runId, now).run();
}

function finishIfCompleteQuery(scope: TenantScope, runId: string, now: Date) {
  return scope.db
    .update(syncRuns)
    // a succeeded run has no error: what `error` held was a quota wait's note
    .set({ status: "succeeded", error: null, finishedAt: now.toISOString() })
    .where(
      scope.where(
        syncRuns,
        eq(syncRuns.id, runId),
        eq(syncRuns.readingDone, true),
        eq(syncRuns.batchesDone, syncRuns.batchesEnqueued),
        sql`${syncRuns.status} in ('queued', 'running')`,
      ),
    );
}
