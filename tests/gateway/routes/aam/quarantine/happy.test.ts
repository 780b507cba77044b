import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { QuarantinePageSchema } from "../../../../../workers/gateway/routes/aam/quarantine/list";
import { ReplayResultSchema } from "../../../../../workers/gateway/routes/aam/quarantine/replay";
import { RunSchema } from "../../../../../workers/gateway/routes/aam/runs/schemas";
import { EventPageSchema } from "../../../../../workers/gateway/routes/aam/events/list";
import { bundledMappings } from "../../../../../workers/aam/mapping/bundled";
import { systemMappings } from "../../../../../workers/aam/mapping/registry";
import { normalizeRawBatch, perDelivery } from "../../../../../workers/aam/pipeline/normalize-consumer";
import { bearer } from "../../../../helpers/auth";
import { call } from "../../../../helpers/http";
import { accountsBatch, newConnectionId, normalizedRun, readRun, tenantScope } from "../../../../helpers/normalize";

const { scope, accessToken } = await tenantScope();
const auth = bearer(accessToken);
const get = async (path: string) => (await call(path, { headers: auth })).json();
const listQuarantine = async (query: string) => QuarantinePageSchema.parse(await get(`/api/v1/aam/quarantine?${query}`));

describe("GET /api/v1/aam/quarantine", () => {
  it("lists a connection's open records with reason, per-field errors, raw record, line and mapping version", async () => {
    const { connectionId, runId } = await normalizedRun(scope);
    const { items, next_cursor } = await listQuarantine(`status=open&connection_id=${connectionId}`);
    expect(next_cursor).toBeNull();
    const byLine = [...items].sort((a, b) => a.line! - b.line!);
    expect(byLine).toMatchObject([
      {
        id: expect.stringMatching(/^qua_[0-9a-f]{32}$/),
        connection_id: connectionId,
        run_id: runId,
        object: "accounts",
        entity: "account",
        record_id: "A-3",
        line: 4,
        reason: expect.stringMatching(/^mapping failed: annual_revenue: /),
        errors: [{ field: "annual_revenue", source_path: "Annual Revenue (EUR)" }],
        raw: { record_id: "A-3", cursor: "line:4", line: 4, data: { "Annual Revenue (EUR)": "lots" } },
        mapping_version: expect.stringMatching(/^filesource\/accounts@1#/),
        status: "open",
        replayed_event_id: null,
      },
      { record_id: null, line: 5, raw: "A-4;Broken;x", reason: "unparseable row: row has 3 fields, the header 6", mapping_version: null },
    ]);
  });

  it("pages newest first", async () => {
    const { connectionId } = await normalizedRun(scope);
    const first = await listQuarantine(`connection_id=${connectionId}&limit=1`);
    const second = await listQuarantine(`connection_id=${connectionId}&limit=1&cursor=${first.next_cursor}`);
    expect(second.next_cursor).toBeNull();
    const both = [...first.items, ...second.items];
    expect(new Set(both.map((q) => q.id)).size).toBe(2);
    expect(both[0]!.created_at >= both[1]!.created_at).toBe(true);
  });
});

describe("POST /api/v1/aam/quarantine/replay", () => {
  /**
   * Records quarantined under a broken tenant mapping (its name column does not exist); the current mapping fixes
   * them. The tenant approves every repair itself, so self-healing holds the records instead of repairing at once.
   */
  async function quarantinedUnderBrokenMapping() {
    await scope.updateTenant({ autoApplyThreshold: 1 });
    const yaml = bundledMappings.find((m) => m.file === "mappings/filesource/accounts.yaml")!.text;
    const broken = await (await systemMappings()).withOverrides([
      { file: "broken override", text: yaml.replace("version: 1", "version: 9").replace("from: Company Name", "from: Firma") },
    ]);
    const connectionId = newConnectionId();
    const runId = await readRun(scope, connectionId, 3);
    await normalizeRawBatch(env, perDelivery(async () => broken), accountsBatch(scope.tenantId, runId, connectionId), "batch-1");
    return { connectionId, runId };
  }

  it("moves the records the current mapping accepts into the stream, as a replay run with its counts", async () => {
    const { connectionId } = await quarantinedUnderBrokenMapping();
    expect((await listQuarantine(`status=open&connection_id=${connectionId}`)).items).toHaveLength(4);

    const res = await call("/api/v1/aam/quarantine/replay", { body: { connection_id: connectionId }, headers: auth });
    expect(res.status).toBe(200);
    const result = ReplayResultSchema.parse(await res.json());
    expect(result).toMatchObject({ replayed: 2, still_failing: 2 });

    const run = RunSchema.parse(await get(`/api/v1/aam/runs/${result.run_id}`));
    expect(run).toMatchObject({ kind: "replay", connection_id: connectionId, status: "succeeded", counts: { read: 4, emitted: 2, quarantined: 2, duplicates: 0 } });
    const events = EventPageSchema.parse(await get(`/api/v1/aam/events?connection_id=${connectionId}`));
    expect(events.items.map((e) => [e.source.record_id, e.entity === "account" ? e.data.name : e.entity])).toEqual([
      ["A-1", "Acme A-1"],
      ["A-2", "Acme A-2"],
    ]);
    const replayed = await listQuarantine(`status=replayed&connection_id=${connectionId}`);
    expect(replayed.items.map((q) => q.replayed_event_id).sort()).toEqual(events.items.map((e) => e.meta.event_id).sort());
    const open = await listQuarantine(`status=open&connection_id=${connectionId}`);
    const revenue = open.items.find((q) => q.record_id === "A-3")!;
    // still failing, now for the current mapping's reason and version (the broken override's name error is gone)
    expect(revenue.errors.map((e) => e.field)).toEqual(["annual_revenue"]);
    expect(revenue.mapping_version).toMatch(/^filesource\/accounts@1#/);
  });

  it("replays only the records selected by id", async () => {
    const { connectionId } = await quarantinedUnderBrokenMapping();
    const open = await listQuarantine(`status=open&connection_id=${connectionId}`);
    const target = open.items.find((q) => q.record_id === "A-1")!;
    const res = await call("/api/v1/aam/quarantine/replay", { body: { ids: [target.id] }, headers: auth });
    expect(ReplayResultSchema.parse(await res.json())).toMatchObject({ replayed: 1, still_failing: 0 });
    expect((await listQuarantine(`status=open&connection_id=${connectionId}`)).items.map((q) => q.id)).not.toContain(target.id);
    expect((await listQuarantine(`status=open&connection_id=${connectionId}`)).items).toHaveLength(3);
  });
});
