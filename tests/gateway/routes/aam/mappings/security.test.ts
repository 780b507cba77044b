import { describe, expect, it } from "vitest";
import { MappingDiffSchema } from "../../../../../workers/gateway/routes/aam/mappings/diff";
import { MappingListSchema } from "../../../../../workers/gateway/routes/aam/mappings/list";
import { MappingSchema } from "../../../../../workers/gateway/routes/aam/mappings/schemas";
import { MappingHistorySchema } from "../../../../../workers/gateway/routes/aam/mappings/versions";
import { bearer, createApiKey, signUp } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { accountsOverride, getJson, memberToken, putMapping } from "../../../../helpers/mappings";

const alice = await signUp();
const mallory = await signUp();
expect((await putMapping(alice.accessToken, "filesource/accounts", { source: accountsOverride(2), comment: "alice's" })).status).toBe(201);

describe("mapping routes: tenant isolation and scopes", () => {
  it("never show one tenant's override to another", async () => {
    const get = (path: string) => getJson(mallory.accessToken, `/api/v1/aam/mappings${path}`);
    const { items } = MappingListSchema.parse(await (await get("")).json());
    expect(items.find((i) => i.object === "accounts")).toMatchObject({ version: 1, origin: "system" });
    expect(MappingSchema.parse(await (await get("/filesource/accounts")).json()).source).not.toContain("tenant override");
    const history = MappingHistorySchema.parse(await (await get("/filesource/accounts/versions")).json());
    expect(history.items.map((v) => [v.version, v.origin])).toEqual([[1, "system"]]);
    await expectProblem(await get("/filesource/accounts/versions/2"), 404, "not-found");
    await expectProblem(await get("/filesource/accounts/diff?from=2"), 404, "not-found");
    const current = MappingDiffSchema.parse(await (await get("/filesource/accounts/diff?from=system")).json());
    expect(current.to.origin).toBe("system");
  });

  it("check a new version against the caller's tenant only", async () => {
    // alice is at version 2; mallory's tenant is still at the default, so its version 2 is not a conflict
    const res = await putMapping(mallory.accessToken, "filesource/accounts", { source: accountsOverride(2, "[trim, lower]") });
    expect(res.status).toBe(201);
    const aliceHistory = MappingHistorySchema.parse(await (await getJson(alice.accessToken, "/api/v1/aam/mappings/filesource/accounts/versions")).json());
    expect(aliceHistory.items.map((v) => [v.version, v.author])).toEqual([[2, alice.userId], [1, null]]);
  });

  it("let members and read-only keys read but not save; validating needs only aam:read", async () => {
    const member = await memberToken(alice.tenantId);
    const { key: reader } = await createApiKey(alice.accessToken, ["aam:read"]);
    const { key: writer } = await createApiKey(alice.accessToken, ["aam:write"]);
    for (const token of [member, reader]) {
      expect((await getJson(token, "/api/v1/aam/mappings/filesource/accounts")).status).toBe(200);
      const denied = await expectProblem(await putMapping(token, "filesource/accounts", { source: accountsOverride(3) }), 403, "forbidden");
      expect(denied.detail).toBe("This call requires the aam:write scope");
      const validate = await call("/api/v1/aam/mappings/validate", { body: { source: accountsOverride(3) }, headers: bearer(token) });
      expect(validate.status).toBe(200);
    }
    await expectProblem(await getJson(writer, "/api/v1/aam/mappings"), 403, "forbidden");
    const saved = await putMapping(writer, "filesource/accounts", { source: accountsOverride(3) });
    expect(saved.status).toBe(201);
    expect(((await saved.json()) as { author: string }).author).toMatch(/^key_/);
  });

  it("require credentials", async () => {
    await expectProblem(await call("/api/v1/aam/mappings"), 401, "unauthorized");
    await expectProblem(await call("/api/v1/aam/mappings/filesource/accounts", { method: "PUT", body: { source: accountsOverride(9) } }), 401, "unauthorized");
  });
});
