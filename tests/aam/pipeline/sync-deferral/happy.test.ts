import { describe, expect, it } from "vitest";
import { sourceProblem } from "../../../../workers/aam/connectors/source-state";
import type { SyncJob } from "../../../../workers/aam/pipeline/messages";
import { MAX_DEFERRAL_HOURS, QUOTA_WAIT_SECONDS, deferral, retryDelay } from "../../../../workers/aam/pipeline/sync-deferral";

const job: SyncJob = { tenant_id: "ten_1", connection_id: "con_1", run_id: "run_1", trace_id: "t", object: "Account", cursor: "2026-11-01T00:00:00.000Z|001" };
const now = new Date("2026-11-26T10:00:00.000Z");

describe("a quota wait", () => {
  it("re-sends the same job (same cursor) marked with when it first waited, for the source's retry-after", () => {
    expect(deferral(job, sourceProblem("quota-reached", "93% used", 7200), now)).toEqual({
      wait: true,
      job: { ...job, deferred_since: now.toISOString() },
      delaySeconds: 7200,
      note: "Account: The source's API quota is used up for now (93% used); the sync resumes at 2026-11-26T12:00:00.000Z",
    });
  });

  it("keeps the first wait's time, and waits an hour when the source does not say", () => {
    const since = "2026-11-25T10:00:00.000Z";
    const next = deferral({ ...job, deferred_since: since }, sourceProblem("quota-reached", "used up"), now);
    expect(next).toMatchObject({ wait: true, job: { deferred_since: since }, delaySeconds: QUOTA_WAIT_SECONDS });
  });

  it("gives up once the job has waited MAX_DEFERRAL_HOURS, with what a person can do about it", () => {
    const since = new Date(now.getTime() - MAX_DEFERRAL_HOURS * 3_600_000).toISOString();
    const next = deferral({ ...job, deferred_since: since }, sourceProblem("quota-reached", "used up"), now);
    expect(next).toEqual({
      wait: false,
      reason: `Account: The source's API quota is used up for now (used up), still after ${MAX_DEFERRAL_HOURS} hours of waiting since ${since}: raise the source's API allocation or reduce what else uses it, then sync again`,
    });
  });
});

describe("a retry's delay", () => {
  it("is the backoff, or the source's retry-after when that is longer, within Queues' 12 hours", () => {
    expect(retryDelay(sourceProblem("unreachable", "down", 600), 1)).toBe(600);
    expect(retryDelay(sourceProblem("unreachable", "down", 5), 3)).toBe(40);
    expect(retryDelay(new Error("boom"), 2)).toBe(20);
    expect(retryDelay(sourceProblem("unreachable", "down", 100_000), 1)).toBe(43_200);
  });
});
