/**
 * Following messages through the pipeline's queues in tests: the queue producers are spied on (and stubbed, so
 * the local queues deliver nothing behind the test's back), and what was sent can be fed to a consumer directly.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { expect, vi } from "vitest";
import worker from "../../workers/index";
import type { Env } from "../../workers/env";
import { createConnection } from "../../workers/aam/connections/registry";
import type { CanonicalBatch, RawBatch, SyncJob } from "../../workers/aam/pipeline/messages";
import { database, forTenant, schema } from "../../workers/platform/db";
import { newId } from "../../workers/platform/ids";

export const db = database(env.DB);

/** A fresh tenant's scope (straight in D1: these tests are about the pipeline, not sign-up). */
export async function newTenant() {
  const id = newId("ten");
  await db.insert(schema.tenants).values({ id, name: id });
  return forTenant(db, id);
}

/** A FileSource connection of the scope's tenant. */
export function fileConnection(scope: ReturnType<typeof forTenant>, config: Record<string, unknown> = {}, now = new Date()) {
  return createConnection(
    scope,
    env,
    { system: "filesource", name: `files-${crypto.randomUUID()}`, config: { format: "csv", ...config }, schedule_minutes: 60 },
    now,
  );
}

/** Spies on the producers; `sent()` returns what each queue was given so far. */
export function captureQueues() {
  const sync = vi.spyOn(env.SYNC_QUEUE, "send").mockResolvedValue(undefined as never);
  const raw = vi.spyOn(env.RAW_QUEUE, "send").mockResolvedValue(undefined as never);
  const rawBatch = vi.spyOn(env.RAW_QUEUE, "sendBatch").mockResolvedValue(undefined as never);
  const canonical = vi.spyOn(env.CANONICAL_QUEUE, "send").mockResolvedValue(undefined as never);
  return {
    syncJobs: () => sync.mock.calls.map((call) => call[0] as SyncJob),
    rawBatches: () => [
      ...raw.mock.calls.map((call) => call[0] as RawBatch),
      ...rawBatch.mock.calls.flatMap((call) => [...call[0]].map((message) => message.body as RawBatch)),
    ],
    canonicalBatches: () => canonical.mock.calls.map((call) => call[0] as CanonicalBatch),
    sync,
    raw,
    rawSendBatch: rawBatch,
    canonical,
  };
}

let messageSeq = 0;

/**
 * Delivers `bodies` to the worker's queue handler as one batch (delivery `attempts` each) and returns the outcome,
 * with the options each retried message was retried with (the queue result does not report delays). `workerEnv`
 * replaces the Worker's bindings (e.g. the Neon store selected).
 */
export async function deliver(queue: string, bodies: unknown[], attempts = 1, workerEnv: Env = env) {
  const batch = createMessageBatch(
    queue,
    bodies.map((body) => ({ id: `msg-${++messageSeq}`, timestamp: new Date(), attempts, body })),
  );
  const retries = batch.messages.map((message) => vi.spyOn(message, "retry"));
  const ctx = createExecutionContext();
  await worker.queue(batch, workerEnv, ctx);
  const retriedWith = retries.flatMap((spy, i) => spy.mock.calls.map(([options]) => ({ id: batch.messages[i]?.id, options })));
  return { ids: batch.messages.map((m) => m.id), result: await getQueueResult(batch, ctx), retriedWith };
}

/**
 * Feeds every message the captured producers were given, and not yet fed, to its consumer (the sync consumer's
 * pages produce raw batches, the raw consumer canonical batches for the DCL) until the queues are quiet; each
 * delivery must be acknowledged.
 */
export function queueDrainer(queues: ReturnType<typeof captureQueues>) {
  const delivered = new Set<unknown>();
  return async function drainQueues() {
    for (;;) {
      const jobs = queues.syncJobs().filter((job) => !delivered.has(job));
      const batches = queues.rawBatches().filter((batch) => !delivered.has(batch));
      const canonical = queues.canonicalBatches().filter((batch) => !delivered.has(batch));
      if (jobs.length === 0 && batches.length === 0 && canonical.length === 0) return;
      for (const message of [...jobs, ...batches, ...canonical]) delivered.add(message);
      for (const job of jobs) expect((await deliver("autonomos-sync", [job])).result.outcome).toBe("ok");
      for (const batch of batches) expect((await deliver("autonomos-raw", [batch])).result.outcome).toBe("ok");
      for (const batch of canonical) expect((await deliver("autonomos-canonical", [batch])).result.explicitAcks).toHaveLength(1);
    }
  };
}
