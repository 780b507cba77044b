import { afterEach, describe, expect, it, vi } from "vitest";
import { FileSource } from "../../../../../../workers/aam/connectors/filesource";
import { SourceStateSchema } from "../../../../../../workers/aam/connectors/source-state";
import { signUp } from "../../../../../helpers/auth";
import { createConnection } from "../../../../../helpers/connections";
import { expectProblem } from "../../../../../helpers/http";
import { connectionAs } from "../../../../../aam/connections/sync-state/helpers";
import { checkFails, testConnection } from "./helpers";

const owner = await signUp();

afterEach(() => vi.restoreAllMocks());

describe("POST /api/v1/aam/connections/{id}/test when the source fails", () => {
  it.each(SourceStateSchema.exclude(["ok"]).options)("answers %s and keeps it as the connection's source state", async (state) => {
    const connection = await createConnection(owner.accessToken);
    checkFails(state, `detail of ${state}`);
    const { res, health } = await testConnection(owner.accessToken, connection.id);
    expect(res.status).toBe(200);
    expect(health).toMatchObject({ ok: false, state, detail: `detail of ${state}` });
    const checked = await connectionAs(owner.accessToken, connection.id);
    // a check says how the source is; whether the connection syncs stays the syncs' to say
    expect(checked).toMatchObject({ source_state: state, status: "active", last_error: null });
    expect(checked.source_state_at).toEqual(expect.any(String));
  });

  it("replaces an earlier check's state with the latest one", async () => {
    const connection = await createConnection(owner.accessToken);
    checkFails("unreachable");
    await testConnection(owner.accessToken, connection.id);
    checkFails("missing-permission");
    await testConnection(owner.accessToken, connection.id);
    expect((await connectionAs(owner.accessToken, connection.id)).source_state).toBe("missing-permission");
  });

  it("records nothing when the check itself breaks (no source failure): the state stays as it was", async () => {
    const connection = await createConnection(owner.accessToken);
    await testConnection(owner.accessToken, connection.id);
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(FileSource.prototype, "check").mockRejectedValueOnce(new Error("bug in the connector"));
    const { res } = await testConnection(owner.accessToken, connection.id);
    await expectProblem(res, 500, "internal");
    expect((await connectionAs(owner.accessToken, connection.id)).source_state).toBe("ok");
  });
});
