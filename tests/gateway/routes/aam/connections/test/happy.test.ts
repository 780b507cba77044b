import { afterEach, describe, expect, it, vi } from "vitest";
import { bearer, signUp } from "../../../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../../../helpers/connections";
import { call } from "../../../../../helpers/http";
import { ConnectionPageSchema } from "../../../../../../workers/gateway/routes/aam/connections/list";
import { connectionAs, fileConnectionWithData, sourceFails } from "../../../../../aam/connections/sync-state/helpers";
import { testConnection } from "./helpers";

const owner = await signUp();

afterEach(() => vi.restoreAllMocks());

describe("POST /api/v1/aam/connections/{id}/test and the connection's source state", () => {
  it("keeps a passing check's ok on the connection, with when, in the connection and in the list", async () => {
    const connection = await createConnection(owner.accessToken);
    const before = Date.now();
    const { health } = await testConnection(owner.accessToken, connection.id);
    expect(health).toMatchObject({ ok: true, state: "ok" });

    const checked = await connectionAs(owner.accessToken, connection.id);
    expect(checked).toMatchObject({ source_state: "ok", status: "active", last_sync_at: null });
    expect(Date.parse(checked.source_state_at!)).toBeGreaterThanOrEqual(before - 1000);
    const page = ConnectionPageSchema.parse(await (await call(CONNECTIONS, { headers: bearer(owner.accessToken) })).json());
    expect(page.items.find((item) => item.id === connection.id)?.source_state).toBe("ok");
  });

  it("turns a failed sync's state ok once the source answers, leaving the sync's own outcome to the next sync", async () => {
    const { connection, syncOnce } = await fileConnectionWithData(owner.accessToken);
    vi.spyOn(console, "error").mockImplementation(() => {});
    sourceFails("bad-credentials", "key revoked");
    await syncOnce();
    expect((await connectionAs(owner.accessToken, connection.id)).source_state).toBe("bad-credentials");

    expect((await testConnection(owner.accessToken, connection.id)).health?.state).toBe("ok");
    expect(await connectionAs(owner.accessToken, connection.id)).toMatchObject({
      source_state: "ok",
      status: "error",
      last_error: expect.stringContaining("key revoked"),
    });
  });
});
