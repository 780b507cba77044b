import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { connectionFilesPrefix } from "../../../../../workers/aam/connections/files";
import { database, forTenant, schema } from "../../../../../workers/platform/db";
import { bearer, createApiKey, signUp } from "../../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../../helpers/connections";
import { call, expectProblem } from "../../../../helpers/http";
import { captureQueues } from "../../../../helpers/pipeline";

const csv = new TextEncoder().encode("id,name\n1,Acme\n");

describe("POST /api/v1/aam/connections/{id}/files: isolation and permissions", () => {
  afterEach(() => vi.restoreAllMocks());

  it("treats another tenant's connection as not found, stores nothing and queues nothing", async () => {
    const queues = captureQueues();
    const [victim, attacker] = [await signUp(), await signUp()];
    const connection = await createConnection(victim.accessToken);
    const res = await call(`${CONNECTIONS}/${connection.id}/files?entity=account&name=a.csv`, {
      body: csv,
      headers: { ...bearer(attacker.accessToken), "content-type": "text/csv" },
    });
    await expectProblem(res, 404, "not-found");
    const listing = await env.FILES.list({ prefix: connectionFilesPrefix(victim.tenantId, connection.id) });
    expect(listing.objects).toEqual([]);
    expect(queues.syncJobs()).toEqual([]);
    const runs = await forTenant(database(env.DB), victim.tenantId).select(schema.syncRuns, eq(schema.syncRuns.connectionId, connection.id));
    expect(runs).toEqual([]);
  });

  it("requires the aam:write scope", async () => {
    const owner = await signUp();
    const connection = await createConnection(owner.accessToken);
    const readOnly = await createApiKey(owner.accessToken, ["aam:read"]);
    const res = await call(`${CONNECTIONS}/${connection.id}/files?entity=account&name=a.csv`, {
      body: csv,
      headers: { ...bearer(readOnly.key), "content-type": "text/csv" },
    });
    await expectProblem(res, 403, "forbidden");
  });

  it("requires credentials", async () => {
    const res = await call(`${CONNECTIONS}/con_000000000000000000000000/files?entity=account&name=a.csv`, {
      body: csv,
      headers: { "content-type": "text/csv" },
    });
    await expectProblem(res, 401, "unauthorized");
  });
});
