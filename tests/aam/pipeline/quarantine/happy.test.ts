/** The quarantine keeps one entry per bad source record, however often the record is read again. */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { accountsBatch, deliver, newConnectionId, readRun, tenantScope } from "../../../helpers/normalize";

const { scope } = await tenantScope();

async function entriesOf(connectionId: string) {
  const { results } = await env.DB.prepare("SELECT id, run_id, record_id, line, status, replayed_event_id FROM quarantine WHERE connection_id = ? ORDER BY line")
    .bind(connectionId)
    .all<{ id: string; run_id: string; record_id: string | null; line: number; status: string; replayed_event_id: string | null }>();
  return results;
}

async function readAgain(connectionId: string) {
  const runId = await readRun(scope, connectionId, 3);
  const result = await deliver([accountsBatch(scope.tenantId, runId, connectionId)], { ids: [`msg-${runId}`] });
  expect(result.explicitAcks).toHaveLength(1);
  return runId;
}

const setStatus = (id: string, status: string) =>
  env.DB.prepare("UPDATE quarantine SET status = ?, replayed_event_id = ?, resolved_at = ? WHERE id = ?")
    .bind(status, status === "replayed" ? "evt-earlier" : null, "2026-01-01T00:00:00.000Z", id)
    .run();

describe("quarantine entries of records read again", () => {
  it("updates the one entry of each bad record with the latest run instead of adding another", async () => {
    const connectionId = newConnectionId();
    const firstRun = await readAgain(connectionId);
    const first = await entriesOf(connectionId);
    expect(first.map((e) => [e.record_id, e.line, e.run_id])).toEqual([["A-3", 4, firstRun], [null, 5, firstRun]]);

    const secondRun = await readAgain(connectionId);
    const second = await entriesOf(connectionId);
    expect(second.map((e) => [e.id, e.run_id, e.status])).toEqual(first.map((e) => [e.id, secondRun, "open"]));
  });

  it("opens a replayed entry again when the mapping in effect fails it, and leaves a discarded one discarded", async () => {
    const connectionId = newConnectionId();
    await readAgain(connectionId);
    const [bad, unparseable] = await entriesOf(connectionId);
    await setStatus(bad!.id, "replayed");
    await setStatus(unparseable!.id, "discarded");

    await readAgain(connectionId);
    expect((await entriesOf(connectionId)).map((e) => [e.id, e.status, e.replayed_event_id])).toEqual([
      [bad!.id, "open", null],
      [unparseable!.id, "discarded", null],
    ]);
  });
});
