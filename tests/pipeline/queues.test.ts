import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../workers/index";
import { consumers } from "../../workers/pipeline/queues";

const messages = [
  { id: "m1", timestamp: new Date(), attempts: 1, body: { n: 1 } },
  { id: "m2", timestamp: new Date(), attempts: 1, body: { n: 2 } },
];

describe("queue entry point", () => {
  afterEach(() => {
    delete consumers["autonomos-test"];
    vi.restoreAllMocks();
  });

  it("hands a batch to the consumer registered for its queue", async () => {
    const seen: unknown[] = [];
    consumers["autonomos-test"] = async (batch) => {
      for (const m of batch.messages) {
        seen.push(m.body);
        m.ack();
      }
    };
    const batch = createMessageBatch("autonomos-test", messages);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
    expect(result.explicitAcks.sort()).toEqual(["m1", "m2"]);
    expect(result.retryBatch.retry).toBe(false);
  });

  it("retries a batch nobody consumes, so it ends in the dead-letter queue instead of vanishing", async () => {
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    const batch = createMessageBatch("autonomos-unknown", messages);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.retryBatch.retry).toBe(true);
    expect(result.explicitAcks).toEqual([]);
    expect(errors.map((l) => JSON.parse(l) as Record<string, unknown>)).toContainEqual(
      expect.objectContaining({ level: "error", queue: "autonomos-unknown", messages: 2 }),
    );
  });
});
