import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { connectionFilesPrefix } from "../../../../../workers/aam/connections/files";
import { getRun } from "../../../../../workers/aam/pipeline/runs";
import { SyncStartedSchema } from "../../../../../workers/gateway/routes/aam/connections/sync";
import { forTenant } from "../../../../../workers/platform/db";
import { bearer, signUp } from "../../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../../helpers/connections";
import { call } from "../../../../helpers/http";
import { captureQueues, db } from "../../../../helpers/pipeline";

describe("POST /api/v1/aam/connections/{id}/sync", () => {
  afterEach(() => vi.restoreAllMocks());

  it("queues a manual run per file and leaves the schedule alone", async () => {
    const queues = captureQueues();
    const owner = await signUp();
    const connection = await createConnection(owner.accessToken);
    const prefix = connectionFilesPrefix(owner.tenantId, connection.id);
    await env.FILES.put(`${prefix}a.csv`, "id\n1\n");
    await env.FILES.put(`${prefix}b.csv`, "id\n2\n");
    const res = await call(`${CONNECTIONS}/${connection.id}/sync`, { method: "POST", headers: bearer(owner.accessToken) });
    expect(res.status).toBe(202);
    const { run_ids } = SyncStartedSchema.parse(await res.json());
    expect(run_ids).toHaveLength(2);
    const scope = forTenant(db, owner.tenantId);
    const runs = await Promise.all(run_ids.map((id) => getRun(scope, id)));
    expect(runs.map((r) => [r?.kind, r?.object]).sort()).toEqual([["manual", "a.csv"], ["manual", "b.csv"]]);
    expect(queues.syncJobs().map((j) => j.run_id).sort()).toEqual([...run_ids].sort());
    const after = await call(`${CONNECTIONS}/${connection.id}`, { headers: bearer(owner.accessToken) });
    expect(((await after.json()) as { next_sync_at: string }).next_sync_at).toBe(connection.next_sync_at);
  });

  it("returns no runs for a connection with nothing to read yet", async () => {
    const queues = captureQueues();
    const owner = await signUp();
    const connection = await createConnection(owner.accessToken);
    const res = await call(`${CONNECTIONS}/${connection.id}/sync`, { method: "POST", headers: bearer(owner.accessToken) });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ run_ids: [] });
    expect(queues.syncJobs()).toEqual([]);
  });
});
