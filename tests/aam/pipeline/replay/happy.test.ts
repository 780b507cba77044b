import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bundledMappings } from "../../../../workers/aam/mapping/bundled";
import { systemMappings } from "../../../../workers/aam/mapping/registry";
import { replayQuarantine } from "../../../../workers/aam/pipeline/replay";
import { getRun } from "../../../../workers/aam/pipeline/runs";
import { accountsBatch, deliver, newConnectionId, quarantineRows, readRun, streamRows, tenantScope } from "../../../helpers/normalize";

const { scope } = await tenantScope();

afterEach(() => vi.restoreAllMocks());

const accountsYaml = bundledMappings.find((m) => m.file === "mappings/filesource/accounts.yaml")!.text;

/** A tenant's fix of the accounts mapping, through the registry's override seam: "lots" is read as unknown. */
async function fixedMappings() {
  const text = accountsYaml
    .replace("version: 1", "version: 2")
    .replace(
      "annual_revenue: { from: Annual Revenue (EUR), transforms: [{ number: { locale: de-DE } }] }",
      "annual_revenue: { from: Annual Revenue (EUR), transforms: [{ map: { values: { lots: '' }, keep_unmapped: true } }, { number: { locale: de-DE } }] }",
    );
  expect(text).not.toBe(accountsYaml);
  return (await systemMappings()).withOverrides([{ file: "tenant override v2", text }]);
}

async function quarantinedRun() {
  const connectionId = newConnectionId();
  const runId = await readRun(scope, connectionId, 3);
  await deliver([accountsBatch(scope.tenantId, runId, connectionId)]);
  return { connectionId, runId };
}

describe("replaying quarantine through a fixed mapping", () => {
  it("moves the now-mappable records into the stream and marks them replayed; unparseable rows stay open", async () => {
    const { connectionId, runId } = await quarantinedRun();
    const sent = vi.spyOn(env.CANONICAL_QUEUE, "send");
    const result = await replayQuarantine(env, scope, await fixedMappings(), { connection_id: connectionId }, "trace-replay");
    expect(result).toEqual({ run_id: expect.stringMatching(/^run_/), replayed: 1, still_failing: 1 });

    const [replayedRow, rejectRow] = await quarantineRows(runId);
    const events = await streamRows(result.run_id);
    expect(events.map((e) => e.record_id)).toEqual(["A-3"]);
    const event = JSON.parse(events[0]!.event) as { meta: { mapping_version: string; trace_id: string }; data: Record<string, unknown>; source: Record<string, unknown> };
    expect(event.meta).toMatchObject({ trace_id: "trace-replay", mapping_version: expect.stringMatching(/^filesource\/accounts@2#/) });
    expect(event.data).toMatchObject({ name: "Acme A-3", annual_revenue: null });
    expect(event.source).toEqual({ system: "filesource", connection_id: connectionId, object: "accounts", record_id: "A-3", cursor: "line:4" });
    expect(replayedRow).toMatchObject({ status: "replayed", replayed_event_id: events[0]!.event_id, resolved_at: expect.any(String) });
    expect(rejectRow).toMatchObject({ status: "open", reason: "unparseable row: row has 3 fields, the header 6", replayed_event_id: null });

    expect(sent.mock.calls.map((c) => c[0])).toEqual([{ tenant_id: scope.tenantId, trace_id: "trace-replay", seqs: [events[0]!.seq] }]);
    expect(await getRun(scope, result.run_id)).toMatchObject({
      kind: "replay",
      connectionId,
      object: "accounts",
      status: "succeeded",
      read: 2,
      emitted: 1,
      quarantined: 1,
      duplicates: 0,
    });
  });

  it("keeps rows that still fail open, with the current mapping's reason and version", async () => {
    const { connectionId, runId } = await quarantinedRun();
    const [before] = await quarantineRows(runId);
    const stricter = (await systemMappings()).withOverrides([
      { file: "tenant override v3", text: accountsYaml.replace("version: 1", "version: 3").replace("locale: de-DE } }] }", "locale: en-US } }] }") },
    ]);
    const result = await replayQuarantine(env, scope, await stricter, { ids: [before!.id as string] }, "trace-replay");
    expect(result).toMatchObject({ replayed: 0, still_failing: 1 });
    const [after] = await quarantineRows(runId);
    expect(after).toMatchObject({ id: before!.id, status: "open", mapping_version: expect.stringMatching(/^filesource\/accounts@3#/) });
    expect(after!.mapping_version).not.toBe(before!.mapping_version);
    expect(await streamRows(result.run_id)).toEqual([]);
  });

  it("counts a replayed record whose event is already in the stream as a duplicate, and still resolves its row", async () => {
    const { connectionId, runId } = await quarantinedRun();
    const fixed = await fixedMappings();
    const [row] = await quarantineRows(runId);
    await replayQuarantine(env, scope, fixed, { ids: [row!.id as string] }, "trace-replay");
    const [first] = await quarantineRows(runId);
    // the same record quarantined again by a later run (e.g. a re-upload before the mapping was fixed)
    const secondRun = await readRun(scope, connectionId, 3);
    await deliver([accountsBatch(scope.tenantId, secondRun, connectionId)]);
    const [again] = await quarantineRows(secondRun);
    const result = await replayQuarantine(env, scope, fixed, { ids: [again!.id as string] }, "trace-replay");
    expect(result).toMatchObject({ replayed: 1, still_failing: 0 });
    expect(await getRun(scope, result.run_id)).toMatchObject({ emitted: 0, duplicates: 1, status: "succeeded" });
    const [resolved] = await quarantineRows(secondRun);
    expect(first!.replayed_event_id).toMatch(/^evt_/);
    expect(resolved).toMatchObject({ status: "replayed", replayed_event_id: first!.replayed_event_id });
  });
});
