/**
 * Sync runs: created when a sync starts, counted by the consumers as batches are read and normalized, finished
 * when reading is done and every enqueued batch has been normalized. Counters are added in SQL (`x = x + ?`) so
 * concurrent consumers never lose an update, and the finishing transition happens in one conditional UPDATE.
 */
import { eq, sql } from "drizzle-orm";
import type { TenantScope } from "../../platform/db";
import { schema } from "../../platform/db";
import type { SyncRunRow } from "../../platform/db/schema";
import { newId } from "../../platform/ids";

const { syncRuns } = schema;

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

/** The reader handed a page to normalization: count what it read and how far it got. */
export async function recordPageRead(
  scope: TenantScope,
  runId: string,
  page: { records: number; progress?: { done: number; total?: number; unit: string } },
  now = new Date(),
): Promise<void> {
  await scope.db
    .update(syncRuns)
    .set({
      status: "running",
      startedAt: sql`coalesce(${syncRuns.startedAt}, ${now.toISOString()})`,
      read: sql`${syncRuns.read} + ${page.records}`,
      batchesEnqueued: sql`${syncRuns.batchesEnqueued} + 1`,
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

/** A batch was normalized: add its outcome, and finish the run if it was the last one. */
export async function recordBatchNormalized(
  scope: TenantScope,
  runId: string,
  counts: { emitted: number; quarantined: number; duplicates: number },
  now = new Date(),
): Promise<void> {
  await scope.db
    .update(syncRuns)
    .set({
      emitted: sql`${syncRuns.emitted} + ${counts.emitted}`,
      quarantined: sql`${syncRuns.quarantined} + ${counts.quarantined}`,
      duplicates: sql`${syncRuns.duplicates} + ${counts.duplicates}`,
      batchesDone: sql`${syncRuns.batchesDone} + 1`,
    })
    .where(scope.where(syncRuns, eq(syncRuns.id, runId)))
    .run();
  await finishIfComplete(scope, runId, now);
}

/** The run cannot go on (source unreachable, retries exhausted): keep what it counted, record why. */
export async function recordRunFailed(scope: TenantScope, runId: string, error: string, now = new Date()): Promise<void> {
  await scope.update(syncRuns, { status: "failed", error, finishedAt: now.toISOString() }, eq(syncRuns.id, runId));
}

async function finishIfComplete(scope: TenantScope, runId: string, now: Date): Promise<void> {
  await scope.db
    .update(syncRuns)
    .set({ status: "succeeded", finishedAt: now.toISOString() })
    .where(
      scope.where(
        syncRuns,
        eq(syncRuns.id, runId),
        eq(syncRuns.readingDone, true),
        eq(syncRuns.batchesDone, syncRuns.batchesEnqueued),
        sql`${syncRuns.status} in ('queued', 'running')`,
      ),
    )
    .run();
}
