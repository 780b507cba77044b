import { afterEach, describe, expect, it, vi } from "vitest";
import { createApiKey, signUp } from "../../../../../helpers/auth";
import { createConnection } from "../../../../../helpers/connections";
import { expectProblem } from "../../../../../helpers/http";
import { connectionAs } from "../../../../../aam/connections/sync-state/helpers";
import { checkFails, testConnection } from "./helpers";

const alice = await signUp();
const mallory = await signUp();

afterEach(() => vi.restoreAllMocks());

describe("POST /api/v1/aam/connections/{id}/test and another tenant's connection", () => {
  it("is a 404 that neither runs the check nor changes the connection's source state", async () => {
    const connection = await createConnection(alice.accessToken);
    checkFails("schema-drift");
    await testConnection(alice.accessToken, connection.id);
    const before = await connectionAs(alice.accessToken, connection.id);
    expect(before.source_state).toBe("schema-drift");

    const check = checkFails("bad-credentials");
    const checks = check.mock.calls.length;
    const { res } = await testConnection(mallory.accessToken, connection.id);
    await expectProblem(res, 404, "not-found");
    expect(check.mock.calls).toHaveLength(checks);
    expect(await connectionAs(alice.accessToken, connection.id)).toEqual(before);
  });

  it("records nothing for a key that may only read", async () => {
    const connection = await createConnection(alice.accessToken);
    const { key } = await createApiKey(alice.accessToken, ["aam:read"]);
    await expectProblem((await testConnection(key, connection.id)).res, 403, "forbidden");
    expect(await connectionAs(alice.accessToken, connection.id)).toMatchObject({ source_state: null, source_state_at: null });
  });
});
