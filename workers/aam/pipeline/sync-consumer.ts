/**
 * The SYNC_QUEUE consumer: runs each SyncJob (sync-step.ts) on its own, so one failing job never holds up the
 * others in its batch. A failure that may pass (source or storage unreachable, a file changing mid-read) is
 * retried with exponential backoff; once the queue's retries are used up the job goes to the dead-letter queue,
 * and the run and the connection say why. A failure no retry can fix (the connection or file is gone, the config
 * is invalid, no connector exists) fails the run at once. Nothing is acknowledged silently.
 */
import type { Env } from "../../env";
import { retryDelaySeconds } from "../../pipeline/backoff";
import { ProblemError, problemKinds } from "../../gateway/problem";
import { database, forTenant } from "../../platform/db";
import { createLogger, errorFields, logLevel } from "../../platform/log";
import { recordSyncFailed } from "../connections/sync-state";
import { type SyncJob, SyncJobSchema } from "./messages";
import { recordRunFailed } from "./runs";
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
    const parsed = SyncJobSchema.safeParse(message.body);
    if (!parsed.success) {
      // Not a job this code can run: no run to fail, so it is kept in the dead-letter queue for inspection.
      log.error("invalid sync job; retrying it into the dead-letter queue", { message_id: message.id, issues: parsed.error.issues });
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
      continue;
    }
    const job = parsed.data;
    try {
      await runSyncStep(env, job);
      message.ack();
    } catch (err) {
      const jobLog = log.child({ trace_id: job.trace_id, tenant_id: job.tenant_id, run_id: job.run_id, message_id: message.id });
      if (isPermanent(err)) {
        jobLog.error("sync job failed permanently", errorFields(err));
        await giveUp(env, job, err);
        message.ack();
      } else if (message.attempts > SYNC_MAX_RETRIES) {
        jobLog.error("sync job failed on its last attempt; it goes to the dead-letter queue", errorFields(err));
        await giveUp(env, job, err);
        message.retry();
      } else {
        const delaySeconds = retryDelaySeconds(message.attempts);
        jobLog.warn("sync job failed; retrying", { attempts: message.attempts, delay_seconds: delaySeconds, ...errorFields(err) });
        message.retry({ delaySeconds });
      }
    }
  }
}

async function giveUp(env: Env, job: SyncJob, err: unknown): Promise<void> {
  const scope = forTenant(database(env.DB), job.tenant_id);
  const reason = `${job.object}: ${err instanceof Error ? err.message : String(err)}`;
  const now = new Date();
  await recordRunFailed(scope, job.run_id, reason, now);
  await recordSyncFailed(scope, job.connection_id, reason, now);
}
