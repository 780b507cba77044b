import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { envelopes, normalizeBatch } from "../../../../workers/aam/pipeline/normalize";
import { systemMappings } from "../../../../workers/aam/mapping/registry";
import { accountsBatch, deliver, newConnectionId, quarantineRows, readRun, runCounts, streamRows, tenantScope } from "../../../helpers/normalize";
import { schema } from "../../../../workers/platform/db";

const { scope } = await tenantScope();

afterEach(() => vi.restoreAllMocks());

function captureErrors() {
  const lines: Record<string, unknown>[] = [];
  vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>));
  return lines;
}

/** The Worker's env with a D1 whose writes fail, as during a D1 outage. */
function envWithFailingD1() {
  const failing = new Proxy(env.DB, {
    get(target, prop) {
      if (prop === "batch") return () => Promise.reject(new Error("D1_ERROR: storage operation exceeded timeout"));
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { ...env, DB: failing };
}

describe("a message that is not a RawBatch", () => {
  it("is logged and retried (a producer bug ends in the dead-letter queue), never acknowledged", async () => {
    const errors = captureErrors();
    const result = await deliver([{ tenant_id: scope.tenantId, records: "nope" }], { ids: ["bad"] });
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages).toEqual([{ msgId: "bad" }]);
    expect(result.delays).toEqual([{ msgId: "bad", delaySeconds: 10 }]);
    expect(errors).toContainEqual(expect.objectContaining({ level: "error", msg: "invalid raw batch", message_id: "bad", issues: expect.any(Array) }));
  });

  it("does not hold up the valid messages of the same delivery", async () => {
    captureErrors();
    const connectionId = newConnectionId();
    const runId = await readRun(scope, connectionId, 3);
    const result = await deliver([{ nope: true }, accountsBatch(scope.tenantId, runId, connectionId)], { ids: ["bad", "good"] });
    expect(result.explicitAcks).toEqual(["good"]);
    expect(result.retryMessages.map((m) => m.msgId)).toEqual(["bad"]);
    expect(await streamRows(runId)).toHaveLength(2);
  });
});

describe("a transient failure", () => {
  it("retries with exponentially growing delays on every delivery, leaving nothing half-written", async () => {
    const errors = captureErrors();
    const connectionId = newConnectionId();
    const runId = await readRun(scope, connectionId, 3);
    const failing = envWithFailingD1();
    const delays: (number | undefined)[] = [];
    // max_retries = 5 (wrangler.toml): the Queues runtime delivers up to 6 times, then moves the message to
    // autonomos-raw-dlq. That move is the platform's; what the consumer owes is to never acknowledge a failed batch.
    for (let attempts = 1; attempts <= 6; attempts++) {
      const result = await deliver([accountsBatch(scope.tenantId, runId, connectionId)], { ids: ["m"], attempts, env: failing });
      expect(result.explicitAcks).toEqual([]);
      expect(result.retryBatch.retry).toBe(false);
      expect(result.retryMessages).toEqual([{ msgId: "m" }]);
      delays.push(...result.delays.map((d) => d.delaySeconds));
    }
    expect(delays).toEqual([10, 20, 40, 80, 160, 320]);
    expect(errors.filter((e) => e.msg === "normalizing a raw batch failed")).toHaveLength(6);
    expect(errors[0]).toMatchObject({ run_id: runId, tenant_id: scope.tenantId, error: expect.stringContaining("D1_ERROR") });
    expect(await streamRows(runId)).toEqual([]);
    expect(await quarantineRows(runId)).toEqual([]);
    expect(await runCounts(runId)).toMatchObject({ status: "running", batches_done: 0 });
  });

  it("is picked up where it failed once D1 is back: the retried delivery completes the batch", async () => {
    captureErrors();
    const connectionId = newConnectionId();
    const runId = await readRun(scope, connectionId, 3);
    await deliver([accountsBatch(scope.tenantId, runId, connectionId)], { ids: ["m"], env: envWithFailingD1() });
    const result = await deliver([accountsBatch(scope.tenantId, runId, connectionId)], { ids: ["m"], attempts: 2 });
    expect(result.explicitAcks).toEqual(["m"]);
    expect(await runCounts(runId)).toMatchObject({ status: "succeeded", emitted: 2, quarantined: 2 });
  });
});

describe("records that cannot be mapped", () => {
  it("are quarantined with the reason when the object has no mapping and no entity was chosen", async () => {
    const connectionId = newConnectionId();
    const runId = await readRun(scope, connectionId, 3);
    await deliver([{ ...accountsBatch(scope.tenantId, runId, connectionId), object: "leads", rejects: [] }]);
    expect(await streamRows(runId)).toEqual([]);
    const rows = await quarantineRows(runId);
    expect(rows.map((r) => [r.line, r.reason, r.mapping_version])).toEqual([
      [2, "no mapping for filesource/leads: no mapping's files match it and no entity was chosen", null],
      [3, "no mapping for filesource/leads: no mapping's files match it and no entity was chosen", null],
      [4, "no mapping for filesource/leads: no mapping's files match it and no entity was chosen", null],
    ]);
    expect(await runCounts(runId)).toMatchObject({ status: "succeeded", emitted: 0, quarantined: 3 });
  });

  it("get a mapping drafted from their fields when the chosen entity has several mappings and the name matches none", async () => {
    const connectionId = newConnectionId();
    const runId = await readRun(scope, connectionId, 3);
    await deliver([{ ...accountsBatch(scope.tenantId, runId, connectionId), object: "customers-2024.csv", entity: "account", rejects: [] }]);
    // zero-config onboarding: the draft maps the two good records; the one whose revenue cannot be parsed fails it
    const [draft] = await scope.select(schema.mappingRepairs);
    expect(draft).toMatchObject({ kind: "onboarding", system: "filesource", object: "customers-2024.csv", entity: "account", status: "applied" });
    const rows = await quarantineRows(runId);
    expect(rows.map((r) => r.reason)).toEqual([expect.stringMatching(/^mapping failed: annual_revenue: /)]);
    expect(await runCounts(runId)).toMatchObject({ status: "succeeded", emitted: 2, quarantined: 1 });
  });

  it("are quarantined with every failing field, and the record's other fields are reported only if they failed", async () => {
    const connectionId = newConnectionId();
    const runId = await readRun(scope, connectionId, 3);
    const batch = accountsBatch(scope.tenantId, runId, connectionId);
    batch.records = [{ ...batch.records[0]!, data: { ...batch.records[0]!.data, "Company Name": null, Employees: "12,5", Created: "31/02/2024" } }];
    await deliver([batch]);
    const [row] = await quarantineRows(runId);
    expect((row!.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(["created_at", "employee_count", "name"]);
  });
});

describe("an event whose envelope is invalid", () => {
  it("is quarantined although its data mapped cleanly: the envelope is validated once, where it is built", async () => {
    const connectionId = newConnectionId();
    const batch = { ...accountsBatch(scope.tenantId, "run_envelope", connectionId), trace_id: "" };
    const { events, quarantined } = await normalizeBatch(await systemMappings(), batch);
    expect(events).toEqual([]);
    expect(quarantined.filter((e) => e.reason.startsWith("invalid canonical event: "))).toMatchObject([
      { recordId: "A-1", errors: [{ field: "meta.trace_id", source_path: null }] },
      { recordId: "A-2", errors: [{ field: "meta.trace_id", source_path: null }] },
    ]);
  });

  it("is caught in a field only that event has, after the batch's shared envelope was validated on its first event", async () => {
    const mapping = (await systemMappings()).get("filesource", "accounts")!;
    const batch = accountsBatch(scope.tenantId, "run_envelope", newConnectionId());
    const envelope = envelopes(mapping, batch, new Date().toISOString());
    const [first, second] = batch.records.map((record) => ({ record, mapped: mapping.map(record.data, record.record_id) }));
    if (!first!.mapped.ok || !second!.mapped.ok) throw new Error("the fixture's first two accounts map cleanly");
    expect(envelope(first!.record, first!.mapped, "evt_1").ok).toBe(true);
    expect(envelope(second!.record, second!.mapped, "")).toEqual({
      ok: false,
      errors: [{ field: "meta.event_id", source_path: null, reason: expect.any(String) }],
    });
  });
});

describe("a delete of a record the pipeline never saw", () => {
  it("is an event like any delete, acknowledged once: the view gets a tombstone, nothing is quarantined or retried", async () => {
    const connectionId = newConnectionId();
    const runId = await readRun(scope, connectionId, 1);
    const record = { record_id: "never-seen", cursor: "c-1", data: { "Account No": "never-seen" }, op: "delete" as const };
    const result = await deliver([{ ...accountsBatch(scope.tenantId, runId, connectionId), records: [record], rejects: [] }]);
    expect(result.explicitAcks).toHaveLength(1);
    expect(result.retryMessages).toEqual([]);
    expect(await quarantineRows(runId)).toEqual([]);
    expect(await runCounts(runId)).toMatchObject({ status: "succeeded", emitted: 1, quarantined: 0 });
    const [row] = await streamRows(runId);
    expect(JSON.parse(row!.event)).toMatchObject({ meta: { op: "delete" }, source: { record_id: "never-seen" } });
  });
});
