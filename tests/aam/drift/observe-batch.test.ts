import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { observeBatch } from "../../../workers/aam/drift/observe-batch";
import { observeDiscovery } from "../../../workers/aam/drift/observe-discovery";
import { getDriftEvent, recordDriftEvent, setDriftStatus } from "../../../workers/aam/drift/events";
import { loadShape } from "../../../workers/aam/drift/snapshots";
import { connectFeed } from "../../helpers/feeds";
import { newConnectionId, tenantScope } from "../../helpers/normalize";
import { bundled, range, records, sfAccount, without } from "./helpers";

const mapping = bundled("mappings/salesforce/account.yaml");
const { scope } = await tenantScope();
const origin = (connection_id: string, run = 1) => ({
  connection_id,
  run_id: `run_${run}`,
  trace_id: `trace-${run}`,
  system: "salesforce" as const,
  object: "Account",
  entity: "account" as const,
  mapping_version: "salesforce/Account@1#abc",
});
const renamed = (n: number) => without(sfAccount(n, { Annual_Revenue__c: 500 * n }), "AnnualRevenue");
const eventCount = async (connectionId: string) =>
  (await env.DB.prepare("SELECT count(*) AS n FROM drift_events WHERE connection_id = ?").bind(connectionId).first<{ n: number }>())?.n;

describe("observeBatch", () => {
  it("stores the first batch's shape as the baseline, without an event", async () => {
    const connectionId = newConnectionId();
    const result = await observeBatch(env, scope, origin(connectionId), records(range(3).map((n) => sfAccount(n))), mapping);
    expect(result).toEqual({ changes: [], breaking: false, event: undefined });
    const shape = await loadShape(scope, { connectionId, object: "Account" });
    expect(shape?.records).toBe(3);
    expect(shape?.fields.find((f) => f.path === "AnnualRevenue")).toMatchObject({ type: "integer", seen: 3, present: 3 });
    expect(await eventCount(connectionId)).toBe(0);
  });

  it("records a rename as one breaking event, publishes it on /live-flow, and merges the shape", async () => {
    const connectionId = newConnectionId();
    const flow = await connectFeed(scope.tenantId, { channel: "live-flow" });
    await observeBatch(env, scope, origin(connectionId), records(range(3).map((n) => sfAccount(n))), mapping);
    const result = await observeBatch(env, scope, origin(connectionId, 2), records([renamed(1), renamed(2)]), mapping);
    expect(result.breaking).toBe(true);
    expect(result.event).toMatchObject({
      id: expect.stringMatching(/^drf_[0-9a-f]{32}$/),
      tenantId: scope.tenantId,
      connectionId,
      runId: "run_2",
      system: "salesforce",
      object: "Account",
      entity: "account",
      mappingVersion: "salesforce/Account@1#abc",
      breaking: true,
      status: "open",
      repairId: null,
      resolvedAt: null,
    });
    expect(result.event?.changes).toEqual(result.changes);
    expect(result.changes.map((c) => `${c.kind} ${c.path}`)).toEqual(["added Annual_Revenue__c", "removed AnnualRevenue"]);
    const [message] = await flow.received(1);
    expect(message).toEqual({
      type: "flow",
      seq: expect.any(Number),
      stage: "drift",
      run_id: "run_2",
      connection_id: connectionId,
      object: "Account",
      trace_id: "trace-2",
      at: result.event?.detectedAt,
      counts: { added: 1, removed: 1, changed: 0 },
      fields: ["Annual_Revenue__c", "AnnualRevenue"],
    });
    const shape = await loadShape(scope, { connectionId, object: "Account" });
    expect(shape?.records).toBe(5);
    expect(shape?.fields.some((f) => f.path === "AnnualRevenue")).toBe(false);
    expect(shape?.fields.find((f) => f.path === "Annual_Revenue__c")).toMatchObject({ seen: 2 });
  });

  it("re-observing the same drift records nothing new, and holds the batches until the event is repaired", async () => {
    const connectionId = newConnectionId();
    // the required name's column renamed: no record maps until the mapping is repaired
    const renamed = (n: number) => without(sfAccount(n, { Account_Name__c: `Acme ${n}` }), "Name");
    await observeBatch(env, scope, origin(connectionId), records(range(3).map((n) => sfAccount(n))), mapping);
    const first = await observeBatch(env, scope, origin(connectionId, 2), records([renamed(1)]), mapping);
    // redelivered, then the next page: Name is still missing (the mapping still reads it)
    const again = await observeBatch(env, scope, origin(connectionId, 2), records([renamed(1)]), mapping);
    const next = await observeBatch(env, scope, origin(connectionId, 3), records([renamed(4), renamed(5)]), mapping);
    for (const result of [again, next]) {
      expect(result.changes.map((c) => `${c.kind} ${c.path}`)).toEqual(["removed Name"]);
      expect(result.event?.id).toBe(first.event?.id);
      expect(result.breaking).toBe(true);
    }
    expect(await eventCount(connectionId)).toBe(1);
    // once repaired, the event no longer speaks for the path: a mapping still reading it is reported anew
    await setDriftStatus(scope, first.event?.id ?? "", "repaired", "rep_1");
    const after = await observeBatch(env, scope, origin(connectionId, 4), records([renamed(6)]), mapping);
    expect(after.event?.id).not.toBe(first.event?.id);
    expect(after.event?.changes).toEqual(after.changes);
    expect(await eventCount(connectionId)).toBe(2);
  });

  it("does not observe deletions (a tombstone carries no fields)", async () => {
    const connectionId = newConnectionId();
    await observeBatch(env, scope, origin(connectionId), records(range(2).map((n) => sfAccount(n))), mapping);
    const tombstone = { record_id: "0011", data: { Id: "0011" }, cursor: "9", op: "delete" as const };
    expect((await observeBatch(env, scope, origin(connectionId, 2), [tombstone], mapping)).changes).toEqual([]);
    expect((await loadShape(scope, { connectionId, object: "Account" }))?.records).toBe(2);
  });
});

describe("drift event status", () => {
  it("moves an event to repair_pending with its repair, then resolves it", async () => {
    const connectionId = newConnectionId();
    await observeBatch(env, scope, origin(connectionId), records([sfAccount(1)]), mapping);
    const { event } = await observeBatch(env, scope, origin(connectionId, 2), records([renamed(1)]), mapping);
    const id = event?.id ?? "";
    expect(await setDriftStatus(scope, id, "repair_pending", "rep_9")).toMatchObject({ status: "repair_pending", repairId: "rep_9", resolvedAt: null });
    const repaired = await setDriftStatus(scope, id, "repaired");
    expect(repaired).toMatchObject({ status: "repaired", repairId: "rep_9", resolvedAt: expect.any(String) });
    expect(await setDriftStatus(scope, "drf_missing", "ignored")).toBeUndefined();
    expect((await getDriftEvent(scope, id))?.status).toBe("repaired");
  });

  it("records the same drift once; recorded again after its repair, it is reopened; ignored, it stays ignored", async () => {
    const connectionId = newConnectionId();
    const changes = [{ kind: "removed" as const, path: "Phone", to: null, from_type: "string" as const, to_type: null, target: "phone", samples: [] }];
    const first = await recordDriftEvent(scope, origin(connectionId), { changes, breaking: true });
    expect(await recordDriftEvent(scope, origin(connectionId, 2), { changes, breaking: true })).toEqual(first);
    await setDriftStatus(scope, first.id, "repaired", "rep_1");
    expect(await recordDriftEvent(scope, origin(connectionId, 3), { changes, breaking: true })).toMatchObject({
      id: first.id,
      status: "open",
      repairId: null,
      resolvedAt: null,
      runId: "run_3",
    });
    await setDriftStatus(scope, first.id, "ignored");
    expect(await recordDriftEvent(scope, origin(connectionId, 4), { changes, breaking: true })).toMatchObject({ id: first.id, status: "ignored" });
    expect(await eventCount(connectionId)).toBe(1);
  });
});

describe("observeDiscovery", () => {
  it("records the listing, then reports a field gone from it", async () => {
    const connectionId = newConnectionId();
    const field = (name: string) => ({ name, label: name, type: "string" as const, nullable: true, sample_values: [] });
    const names = ["Id", "Name", "AnnualRevenue", "Rating"];
    const baseline = await observeDiscovery(env, scope, origin(connectionId), names.map(field), undefined);
    expect(baseline.changes).toEqual([]);
    const gone = await observeDiscovery(env, scope, origin(connectionId, 2), ["Id", "Name", "AnnualRevenue"].map(field), undefined);
    expect(gone.changes.map((c) => `${c.kind} ${c.path}`)).toEqual(["removed Rating"]);
    expect(gone).toMatchObject({ breaking: false, event: { breaking: false, status: "open" } });
    expect((await loadShape(scope, { connectionId, object: "Account" }))?.fields.map((f) => f.path)).toEqual(["Id", "Name", "AnnualRevenue", "Rating"]);
  });
});
