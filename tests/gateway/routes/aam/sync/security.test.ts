import { afterEach, describe, expect, it, vi } from "vitest";
import { bearer, createApiKey, signUp } from "../../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../../helpers/connections";
import { call, expectProblem } from "../../../../helpers/http";
import { captureQueues } from "../../../../helpers/pipeline";

describe("POST /api/v1/aam/connections/{id}/sync: isolation and permissions", () => {
  afterEach(() => vi.restoreAllMocks());

  it("treats another tenant's connection as not found and queues nothing", async () => {
    const queues = captureQueues();
    const [owner, other] = [await signUp(), await signUp()];
    const connection = await createConnection(owner.accessToken);
    await expectProblem(await call(`${CONNECTIONS}/${connection.id}/sync`, { method: "POST", headers: bearer(other.accessToken) }), 404, "not-found");
    expect(queues.syncJobs()).toEqual([]);
  });

  it("requires the aam:write scope", async () => {
    const owner = await signUp();
    const connection = await createConnection(owner.accessToken);
    const readOnly = await createApiKey(owner.accessToken, ["aam:read"]);
    await expectProblem(await call(`${CONNECTIONS}/${connection.id}/sync`, { method: "POST", headers: bearer(readOnly.key) }), 403, "forbidden");
  });
});
