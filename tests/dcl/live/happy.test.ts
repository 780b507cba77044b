import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { connectionFilesPrefix } from "../../../workers/aam/connections/files";
import { getConnection } from "../../../workers/aam/connections/registry";
import { startObjectSync } from "../../../workers/aam/pipeline/start-sync";
import { captureQueues, deliver as deliverTo, fileConnection, newTenant as pipelineTenant } from "../../helpers/pipeline";
import { publishMaterialized } from "../../../workers/dcl/live/events";
import { connectFeed, newTenant } from "../../helpers/feeds";
import { accountsBatch, deliver, normalizedRun, tenantScope } from "../../helpers/normalize";

describe("live-flow events from the pipeline", () => {
  afterEach(() => vi.restoreAllMocks());

  it("each page the sync step reads publishes received with its record and reject counts", async () => {
    const queues = captureQueues();
    const scope = await pipelineTenant();
    const connection = await fileConnection(scope, { page_size: 2 });
    await env.FILES.put(`${connectionFilesPrefix(scope.tenantId, connection.id)}accounts.csv`, "id,name\n1,A\n2,B\n3,C");
    const flow = await connectFeed(scope.tenantId, { channel: "live-flow" });
    const runId = await startObjectSync(env, scope, {
      connection: await getConnection(scope, connection.id),
      kind: "upload",
      object: "accounts.csv",
      cursor: null,
      entity: "account",
      traceId: "0af7651916cd43dd8448eb211c80319c",
    });
    for (let next = 0; next < queues.syncJobs().length; next++) await deliverTo("autonomos-sync", [queues.syncJobs()[next]]);
    const common = { type: "flow", stage: "received", run_id: runId, connection_id: connection.id, object: "accounts.csv" };
    expect(await flow.received(2)).toEqual([
      { ...common, seq: 1, trace_id: "0af7651916cd43dd8448eb211c80319c", at: expect.any(String), counts: { records: 2, rejects: 0 } },
      { ...common, seq: 2, trace_id: "0af7651916cd43dd8448eb211c80319c", at: expect.any(String), counts: { records: 1, rejects: 0 } },
    ]);
  });

  it("normalizing a raw batch publishes mapped and quarantined with the run's ids and counts", async () => {
    const { scope } = await tenantScope();
    const flow = await connectFeed(scope.tenantId, { channel: "live-flow" });
    const { runId, connectionId } = await normalizedRun(scope);
    const messages = await flow.received(2);
    const common = { type: "flow", run_id: runId, connection_id: connectionId, object: "accounts", trace_id: "trace-normalize", at: expect.any(String) };
    expect(messages).toEqual([
      { ...common, seq: 1, stage: "mapped", counts: { emitted: 2, duplicates: 0 } },
      { ...common, seq: 2, stage: "quarantined", counts: { quarantined: 2 } },
    ]);
  });

  it("a redelivered batch that was already counted publishes nothing again", async () => {
    const { scope } = await tenantScope();
    const { runId, connectionId } = await normalizedRun(scope);
    const flow = await connectFeed(scope.tenantId, { channel: "live-flow", since: 0 });
    await flow.received(2);
    await deliver([accountsBatch(scope.tenantId, runId, connectionId)]);
    expect(await flow.sync()).toHaveLength(2);
  });

  it("publishMaterialized puts the changes on /dcl and one materialized event per entity on /live-flow, in one publish", async () => {
    const tenant = newTenant();
    const dcl = await connectFeed(tenant, { channel: "dcl" });
    const flow = await connectFeed(tenant, { channel: "live-flow" });
    const at = new Date("2026-01-01T00:00:00Z");
    await publishMaterialized(env, tenant, "trace-m", [
      { entity: "account", id: "acc_1", op: "upsert", last_seq: 4 },
      { entity: "account", id: "acc_2", op: "delete", last_seq: 9 },
      { entity: "contact", id: "con_1", op: "upsert", last_seq: 7 },
    ], at);
    expect((await dcl.received(3)).map((m) => ("id" in m ? m.id : null))).toEqual(["acc_1", "acc_2", "con_1"]);
    const common = { type: "flow", stage: "materialized", trace_id: "trace-m", at: at.toISOString() };
    expect(await flow.received(2)).toEqual([
      { ...common, seq: 1, entity: "account", counts: { upserted: 1, deleted: 1 }, last_seq: 9 },
      { ...common, seq: 2, entity: "contact", counts: { upserted: 1, deleted: 0 }, last_seq: 7 },
    ]);
  });
});
