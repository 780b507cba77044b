/**
 * When a failed sync job runs again. A source over its API quota is not failing: the job is acknowledged and the
 * same job (same cursor) sent again for when the quota resets (its `retry-after`, else an hour), so the wait never
 * uses up the queue's retries. A job that has waited MAX_DEFERRAL_HOURS without reading a page gives up: a quota
 * that does not reset in two days (Salesforce's allocation is a rolling 24 hours) is used by something a person
 * has to look at. Other passing failures back off exponentially, but never sooner than the source's `retry-after`.
 */
import { retryDelaySeconds } from "../../pipeline/backoff";
import { ProblemError, problemKinds } from "../../gateway/problem";
import type { ReconcileJob, SyncJob } from "./messages";

/** The longest delay Queues accepts for a message (12 hours). */
export const MAX_DELAY_SECONDS = 12 * 60 * 60;
/** How long a quota wait lasts when the source does not say. */
export const QUOTA_WAIT_SECONDS = 60 * 60;
export const MAX_DEFERRAL_HOURS = 48;

type Job = SyncJob | ReconcileJob;

/** The source's `retry-after` in whole seconds (connectors give seconds, see source-state.ts), if it gave one. */
export function retryAfterSeconds(err: unknown): number | undefined {
  const header = err instanceof ProblemError ? err.extras.headers?.["retry-after"] : undefined;
  if (header === undefined || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header.trim());
}

// at least a second: a `retry-after: 0` must not turn a used-up quota into a loop of immediate re-reads
const clamp = (seconds: number) => Math.min(Math.max(seconds, 1), MAX_DELAY_SECONDS);

/** The delay of a retried job: its backoff, or the source's `retry-after` when that is longer. */
export function retryDelay(err: unknown, attempts: number): number {
  return clamp(Math.max(retryDelaySeconds(attempts), retryAfterSeconds(err) ?? 0));
}

/** The job a processed page enqueues next: whatever quota wait came before the page is over, so it carries none. */
export function afterPageRead<J extends Job>(job: J): Omit<J, "deferred_since"> {
  const { deferred_since: _waited, ...next } = job;
  return next;
}

export type Deferral =
  | { wait: true; job: Job; delaySeconds: number; note: string }
  | { wait: false; reason: string };

/** What to do with a job whose source's quota is used up: wait for it again, or give up after waiting too long. */
export function deferral(job: Job, err: ProblemError, now: Date): Deferral {
  const since = job.deferred_since ?? now.toISOString();
  const quota = `${problemKinds[err.kind].title}${err.detail === undefined ? "" : ` (${err.detail})`}`;
  if (now.getTime() - Date.parse(since) >= MAX_DEFERRAL_HOURS * 3_600_000) {
    return {
      wait: false,
      reason: `${job.object}: ${quota}, still after ${MAX_DEFERRAL_HOURS} hours of waiting since ${since}: raise the source's API allocation or reduce what else uses it, then sync again`,
    };
  }
  const delaySeconds = clamp(retryAfterSeconds(err) ?? QUOTA_WAIT_SECONDS);
  const resumesAt = new Date(now.getTime() + delaySeconds * 1000).toISOString();
  return { wait: true, job: { ...job, deferred_since: since }, delaySeconds, note: `${job.object}: ${quota}; the sync resumes at ${resumesAt}` };
}
