/**
 * The SYNC_QUEUE consumer: runs each SyncJob (sync-step.ts) or ReconcileJob (reconcile-step.ts) on its own, so
 * one failing job never holds up the others in its batch. A failure that may pass (source or storage unreachable, a file changing mid-read) is
 * retried with exponential backoff (never sooner than the source's `retry-after`); once the queue's retries are
 * used up the job goes to the dead-letter queue, and the run and the connection say why. A source over its API
 * quota is waited for, not retried (sync-deferral.ts). A failure no retry can fix (the connection or file is gone, the config
 * is invalid, no connector exists) fails the run at once. Nothing is acknowledged silently.
 */
import type { Env } from "../../env";
import { retryDelaySeconds } from "../../pipeline/backoff";
import { ProblemError, problemKinds } from "../../gateway/problem";
import { database, forTenant } from "../../platform/db";
import { createLogger, errorFields, type Logger, logLevel } from "../../platform/log";
import { type SourceFailure, sourceStateOf } from "../connectors/source-state";
import { recordSyncDeferred, recordSyncFailed } from "../connections/sync-state";
import { type ReconcileJob, type SyncJob, SyncQueueMessageSchema } from "./messages";
import { runReconcileStep } from "./reconcile-step";
import { recordRunDeferred, recordRunFailed } from "./runs";
import { deferral, retryDelay } from "./sync-deferral";
import { runSyncStep } from "./sync-step";

/** wrangler.toml's `max_retries` for autonomos-sync: a message is delivered at most this many times plus one. */
export const SYNC_MAX_RETRIES = 5;

/** Client-side problems (bad config or cursor, gone, unsupported) fail the same way every time. */
function isPermanent(err: unknown): boolean {
  if (!(err instanceof ProblemError)) return false;
  const status = problemKinds[err.kind].status;
  return status === 501 || (status >= 400 && status < 500 && status !== 409 && status !== 429);
}

export async function consumeSyncJobs(batch: MessageBatch, env: Env): Promise<void> {
  const log = createLogger({ queue: batch.queue }, logLevel(env.LOG_LEVEL));
  for (const message of batch.messages) {
    const parsed = SyncQueueMessageSchema.safeParse(message.body);
    if (!parsed.success) {
      // Not a job this code can run: no run to fail, so it is kept in the dead-letter queue for inspection.
      log.error("invalid sync job; retrying it into the dead-letter queue", { message_id: message.id, issues: parsed.error.issues });
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
      continue;
    }
    const job = parsed.data;
    try {
      await ("step" in job ? runReconcileStep(env, job) : runSyncStep(env, job));
      message.ack();
    } catch (err) {
      const jobLog = log.child({ trace_id: job.trace_id, tenant_id: job.tenant_id, run_id: job.run_id, message_id: message.id });
      if (err instanceof ProblemError && sourceStateOf(err) === "quota-reached") {
        await waitForQuota(env, job, err, jobLog);
        message.ack();
      } else if (isPermanent(err)) {
        jobLog.error("sync job failed permanently", errorFields(err));
        await giveUp(env, job, failureOf(job, err), sourceStateOf(err));
        message.ack();
      } else if (message.attempts > SYNC_MAX_RETRIES) {
        jobLog.error("sync job failed on its last attempt; it goes to the dead-letter queue", errorFields(err));
        await giveUp(env, job, failureOf(job, err), sourceStateOf(err));
        message.retry();
      } else {
        const delaySeconds = retryDelay(err, message.attempts);
        jobLog.warn("sync job failed; retrying", { attempts: message.attempts, delay_seconds: delaySeconds, ...errorFields(err) });
        message.retry({ delaySeconds });
      }
    }
  }
}

/**
 * The source's quota is used up: the run and the connection say until when, then the same job is sent again for
 * then (in that order: a failed send is retried, and its notes are simply written again), or, after waiting too
 * long, the sync gives up.
 */
async function waitForQuota(env: Env, job: SyncJob | ReconcileJob, err: ProblemError, log: Logger): Promise<void> {
  const now = new Date();
  const next = deferral(job, err, now);
  if (!next.wait) {
    log.error("sync job gave up waiting for the source's quota", errorFields(err));
    await giveUp(env, job, next.reason, "quota-reached", now);
    return;
  }
  log.warn("source quota reached; the sync job waits", { delay_seconds: next.delaySeconds, deferred_since: next.job.deferred_since, ...errorFields(err) });
  const scope = forTenant(database(env.DB), job.tenant_id);
  await recordRunDeferred(scope, job.run_id, next.note, now);
  await recordSyncDeferred(scope, job.connection_id, next.note, now);
  await env.SYNC_QUEUE.send(next.job, { contentType: "json", delaySeconds: next.delaySeconds });
}

/** Why a job failed, for the run and the connection: a source's problem names its kind before the source's words. */
function failureOf(job: SyncJob | ReconcileJob, err: unknown): string {
  const source = err instanceof ProblemError && sourceStateOf(err) !== undefined && err.detail !== undefined;
  const why = source ? `${problemKinds[err.kind].title}: ${err.detail}` : err instanceof Error ? err.message : String(err);
  return `${job.object}: ${why}`;
}

/** `state` is the source's failure behind it, if the source caused it (source-state.ts). */
async function giveUp(env: Env, job: SyncJob | ReconcileJob, reason: string, state: SourceFailure | undefined, now = new Date()): Promise<void> {
  const scope = forTenant(database(env.DB), job.tenant_id);
  await recordRunFailed(scope, job.run_id, reason, now);
  await recordSyncFailed(scope, job.connection_id, reason, now, state);
}
