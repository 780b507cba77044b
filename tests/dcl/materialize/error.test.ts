import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { accountEvent, append, viewRows } from "../../helpers/dcl";
import { captureQueues, deliver, newTenant } from "../../helpers/pipeline";

afterEach(() => vi.restoreAllMocks());

function captureErrors() {
  const lines: Record<string, unknown>[] = [];
  vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>));
  return lines;
}

/** D1 whose batches (every materializer write) fail, as during an outage. */
function failingBatches() {
  return vi.spyOn(env.DB, "batch").mockRejectedValue(new Error("D1_ERROR: storage operation exceeded timeout"));
}

describe("a message that is not a CanonicalBatch", () => {
  it("is logged and retried, so it ends in the dead-letter queue", async () => {
    const errors = captureErrors();
    const { ids, result, retriedWith } = await deliver("autonomos-canonical", [{ tenant_id: "ten_x", seqs: [] }]);
    expect(result.explicitAcks).toEqual([]);
    expect(retriedWith).toEqual([{ id: ids[0], options: { delaySeconds: 10 } }]);
    expect(errors).toContainEqual(expect.objectContaining({ msg: "invalid canonical batch", issues: expect.any(Array) }));
  });
});

describe("a failing batch", () => {
  it("is retried with growing delays on every delivery and never acknowledged, then succeeds once D1 is back", async () => {
    captureQueues();
    const errors = captureErrors();
    const scope = await newTenant();
    const seqs = await append(scope, [accountEvent(scope.tenantId, "A-1", {})]);
    const body = { tenant_id: scope.tenantId, trace_id: "t", seqs };
    const failing = failingBatches();
    // max_retries = 5 (wrangler.toml): six deliveries, then the platform moves it to autonomos-canonical-dlq
    for (let attempts = 1; attempts <= 6; attempts++) {
      const { result, retriedWith } = await deliver("autonomos-canonical", [body], attempts);
      expect(result.explicitAcks).toEqual([]);
      expect(retriedWith.map((r) => r.options)).toEqual([{ delaySeconds: 10 * 2 ** (attempts - 1) }]);
    }
    expect(errors.filter((e) => e.msg === "materializing a canonical batch failed")).toHaveLength(6);
    expect(await viewRows("materialized_accounts", scope.tenantId)).toEqual([]);

    failing.mockRestore();
    const { result } = await deliver("autonomos-canonical", [body]);
    expect(result.explicitAcks).toHaveLength(1);
    expect(await viewRows("materialized_accounts", scope.tenantId)).toHaveLength(1);
  });

  it("does not hold up the other messages of the same delivery", async () => {
    captureErrors();
    const scope = await newTenant();
    const seqs = await append(scope, [accountEvent(scope.tenantId, "A-2", {})]);
    const { ids, result } = await deliver("autonomos-canonical", [{ nope: 1 }, { tenant_id: scope.tenantId, trace_id: "t", seqs }]);
    expect(result.explicitAcks).toEqual([ids[1]]);
    expect(result.retryMessages.map((m) => m.msgId)).toEqual([ids[0]]);
  });
});
