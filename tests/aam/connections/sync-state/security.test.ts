import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { recordSourceChecked, recordSyncDeferred, recordSyncFailed, recordSyncSucceeded } from "../../../../workers/aam/connections/sync-state";
import { ConnectionPageSchema } from "../../../../workers/gateway/routes/aam/connections/list";
import { database, forTenant } from "../../../../workers/platform/db";
import type { SyncRunRow } from "../../../../workers/platform/db/schema";
import { bearer, signUp } from "../../../helpers/auth";
import { CONNECTIONS } from "../../../helpers/connections";
import { call, expectProblem } from "../../../helpers/http";
import { connectionAs, fileConnectionWithData, sourceFails } from "./helpers";

const alice = await signUp();
const mallory = await signUp();

afterEach(() => vi.restoreAllMocks());

describe("a connection's source state across tenants", () => {
  it("is never shown to another tenant, in its list or by id", async () => {
    const { connection, syncOnce } = await fileConnectionWithData(alice.accessToken);
    vi.spyOn(console, "error").mockImplementation(() => {});
    sourceFails("bad-credentials");
    await syncOnce();
    expect((await connectionAs(alice.accessToken, connection.id)).source_state).toBe("bad-credentials");

    const page = ConnectionPageSchema.parse(await (await call(CONNECTIONS, { headers: bearer(mallory.accessToken) })).json());
    expect(page.items.map((item) => item.id)).not.toContain(connection.id);
    expect(page.items.map((item) => item.source_state)).not.toContain("bad-credentials");
    const problem = await expectProblem(await call(`${CONNECTIONS}/${connection.id}`, { headers: bearer(mallory.accessToken) }), 404, "not-found");
    expect(JSON.stringify(problem)).not.toContain("bad-credentials");
  });

  it("cannot be written through another tenant's scope, by any sync outcome or check", async () => {
    const { connection } = await fileConnectionWithData(alice.accessToken);
    const before = await connectionAs(alice.accessToken, connection.id);
    const foreign = forTenant(database(env.DB), mallory.tenantId);
    const now = new Date();
    // recordSyncSucceeded reads only a run's counters and times
    const run = { read: 1, emitted: 1, quarantined: 0, duplicates: 0, startedAt: now.toISOString(), createdAt: now.toISOString() } as SyncRunRow;

    await recordSyncFailed(foreign, connection.id, "pwned", now, "bad-credentials");
    await recordSyncDeferred(foreign, connection.id, "pwned", now);
    await recordSourceChecked(foreign, connection.id, "schema-drift", now);
    await recordSyncSucceeded(foreign, connection.id, { object: "a.csv", cursor: "x", run }, now);

    expect(await connectionAs(alice.accessToken, connection.id)).toEqual(before);
  });
});
