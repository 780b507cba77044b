import { describe, expect, it } from "vitest";
import type { SyncJob } from "../../../../workers/aam/pipeline/messages";
import { deferral, retryAfterSeconds } from "../../../../workers/aam/pipeline/sync-deferral";
import { ProblemError } from "../../../../workers/gateway/problem";

const job: SyncJob = { tenant_id: "ten_1", connection_id: "con_1", run_id: "run_1", trace_id: "t", object: "Account", cursor: null };
const now = new Date("2026-11-26T10:00:00.000Z");

describe("reading retry-after", () => {
  it("takes whole seconds and ignores what is not (an HTTP date, a negative number, nothing)", () => {
    const withHeader = (value: string) => new ProblemError("unavailable", "x", { headers: { "retry-after": value } });
    expect(retryAfterSeconds(withHeader("120"))).toBe(120);
    expect(retryAfterSeconds(withHeader(" 0 "))).toBe(0);
    expect(retryAfterSeconds(withHeader("Wed, 21 Oct 2026 07:28:00 GMT"))).toBeUndefined();
    expect(retryAfterSeconds(withHeader("-5"))).toBeUndefined();
    expect(retryAfterSeconds(new ProblemError("unavailable"))).toBeUndefined();
    expect(retryAfterSeconds(new Error("plain"))).toBeUndefined();
  });

  it("never waits less than a second, even for retry-after: 0", () => {
    expect(deferral(job, new ProblemError("source-quota-reached", "x", { headers: { "retry-after": "0" } }), now)).toMatchObject({ delaySeconds: 1 });
  });
});
