import { afterEach, describe, expect, it, vi } from "vitest";
import { SourceStateSchema } from "../../../../workers/aam/connectors/source-state";
import { SYNC_MAX_RETRIES } from "../../../../workers/aam/pipeline/sync-consumer";
import { ConnectionPageSchema } from "../../../../workers/gateway/routes/aam/connections/list";
import { bearer, signUp } from "../../../helpers/auth";
import { CONNECTIONS } from "../../../helpers/connections";
import { call } from "../../../helpers/http";
import { connectionAs, fileConnectionWithData, sourceFails } from "./helpers";

const owner = await signUp();

afterEach(() => vi.restoreAllMocks());

describe("a connection's source state after a successful sync", () => {
  it("is null until the connection was synced, then ok with when, on the connection and in the list", async () => {
    const { connection, syncOnce } = await fileConnectionWithData(owner.accessToken);
    expect(connection).toMatchObject({ source_state: null, source_state_at: null });

    const before = Date.now();
    expect((await syncOnce()).result.explicitAcks).toHaveLength(1);
    const synced = await connectionAs(owner.accessToken, connection.id);
    expect(synced).toMatchObject({ status: "active", source_state: "ok", last_error: null });
    expect(Date.parse(synced.source_state_at!)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(synced.source_state_at!)).toBeLessThanOrEqual(Date.now());

    const page = ConnectionPageSchema.parse(await (await call(CONNECTIONS, { headers: bearer(owner.accessToken) })).json());
    expect(page.items.find((item) => item.id === connection.id)).toMatchObject({ source_state: "ok", source_state_at: synced.source_state_at });
  });

  it.each(SourceStateSchema.exclude(["ok"]).options)("is ok again once a sync succeeds after the source was %s", async (state) => {
    const { connection, syncOnce } = await fileConnectionWithData(owner.accessToken);
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    sourceFails(state);
    await syncOnce(SYNC_MAX_RETRIES + 1);
    expect((await connectionAs(owner.accessToken, connection.id)).source_state).toBe(state);

    expect((await syncOnce()).result.explicitAcks).toHaveLength(1);
    const recovered = await connectionAs(owner.accessToken, connection.id);
    expect(recovered).toMatchObject({ status: "active", source_state: "ok", last_error: null });
  });
});

describe("the Connection schema in the OpenAPI document", () => {
  it("describes source_state as a nullable SourceState with what to do about each state", async () => {
    type Property = { description?: string; anyOf?: unknown[] };
    const doc = await (await call("/api/v1/openapi.json")).json<{ components: { schemas: Record<string, { properties: Record<string, Property> }> } }>();
    const properties = doc.components.schemas.Connection!.properties;
    expect(properties.source_state!.anyOf).toEqual([{ $ref: "#/components/schemas/SourceState" }, { type: "null" }]);
    const description = properties.source_state!.description!;
    for (const state of SourceStateSchema.options) expect(description).toContain(`\`${state}\``);
    expect(description).toMatch(/update the connection's secrets/);
    expect(description).toMatch(/grant it at the source/);
    expect(properties.source_state_at!.description).toBeDefined();
  });
});
