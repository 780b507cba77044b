import { describe, expect, it } from "vitest";
import { RunSchema } from "../../../../../workers/gateway/routes/aam/runs/schemas";
import { RunPageSchema } from "../../../../../workers/gateway/routes/aam/runs/list";
import { createRun, recordPageRead } from "../../../../../workers/aam/pipeline/runs";
import { bearer } from "../../../../helpers/auth";
import { call } from "../../../../helpers/http";
import { newConnectionId, normalizedRun, tenantScope } from "../../../../helpers/normalize";

const { scope, accessToken } = await tenantScope();
const auth = bearer(accessToken);

describe("GET /api/v1/aam/runs/{run_id}", () => {
  it("returns the run's status, counts and timing", async () => {
    const { connectionId, runId } = await normalizedRun(scope);
    const res = await call(`/api/v1/aam/runs/${runId}`, { headers: auth });
    expect(res.status).toBe(200);
    const run = RunSchema.parse(await res.json());
    expect(run).toMatchObject({
      id: runId,
      connection_id: connectionId,
      kind: "upload",
      object: "accounts",
      status: "succeeded",
      counts: { read: 3, emitted: 2, quarantined: 2, duplicates: 0 },
      progress: null,
      error: null,
    });
    expect(run.duration_ms).toBe(Date.parse(run.finished_at!) - Date.parse(run.started_at!));
  });

  it("reports a backfill's progress while it runs", async () => {
    const runId = await createRun(scope, { connectionId: newConnectionId(), kind: "manual", object: "big.csv", traceId: "t" });
    await recordPageRead(scope, runId, { records: 500, progress: { done: 65536, total: 1048576, unit: "bytes" } });
    const run = RunSchema.parse(await (await call(`/api/v1/aam/runs/${runId}`, { headers: auth })).json());
    expect(run).toMatchObject({ status: "running", finished_at: null, progress: { done: 65536, total: 1048576, unit: "bytes" } });
    expect(run.duration_ms).toBeGreaterThanOrEqual(0);
  });
});

describe("GET /api/v1/aam/runs", () => {
  it("pages through a connection's runs newest first", async () => {
    const connectionId = newConnectionId();
    const ids: string[] = [];
    for (const kind of ["scheduled", "manual", "upload"] as const) ids.push(await createRun(scope, { connectionId, kind, object: null, traceId: "t" }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `connection_id=${connectionId}&limit=2${cursor === null ? "" : `&cursor=${cursor}`}`;
      const page = RunPageSchema.parse(await (await call(`/api/v1/aam/runs?${query}`, { headers: auth })).json());
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.next_cursor;
    } while (cursor !== null);
    expect([...seen].sort()).toEqual([...ids].sort());
    const created = await Promise.all(seen.map(async (id) => RunSchema.parse(await (await call(`/api/v1/aam/runs/${id}`, { headers: auth })).json()).created_at));
    expect(created).toEqual([...created].sort().reverse());
  });
});
