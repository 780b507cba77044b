import { describe, expect, it } from "vitest";
import { bearer, createApiKey, signUp } from "../../../../helpers/auth";
import { call } from "../../../../helpers/http";
import { AuditPageSchema, type AuditPage } from "../../../../../workers/audit/schema";

async function listAudit(token: string, query = ""): Promise<AuditPage> {
  const res = await call(`/api/v1/audit${query}`, { headers: bearer(token) });
  expect(res.status).toBe(200);
  return AuditPageSchema.parse(await res.json());
}

describe("GET /api/v1/audit", () => {
  it("pages through the tenant's records newest first", async () => {
    const owner = await signUp();
    for (const name of ["one", "two", "three"]) {
      await call("/api/v1/auth/api-keys", { body: { name, scopes: ["dcl:read"] }, headers: bearer(owner.accessToken) });
    }

    const first = await listAudit(owner.accessToken, "?limit=3");
    expect(first.items.map((r) => r.seq)).toEqual([4, 3, 2]);
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = await listAudit(owner.accessToken, `?limit=3&cursor=${first.next_cursor}`);
    expect(second.items.map((r) => r.seq)).toEqual([1]);
    expect(second.items[0]).toMatchObject({ route: "/api/v1/auth/register", actor_id: owner.userId });
    expect(second.next_cursor).toBeNull();
  });

  it("returns at most 50 records unless asked for more, and up to 200", async () => {
    const owner = await signUp();
    const key = await createApiKey(owner.accessToken, ["audit:read"]);
    for (let i = 0; i < 51; i++) {
      await call("/api/v1/auth/api-keys/key_missing", { method: "DELETE", headers: bearer(owner.accessToken) });
    }
    const byDefault = await listAudit(key.key);
    expect(byDefault.items).toHaveLength(50);
    expect(byDefault.next_cursor).not.toBeNull();
    const all = await listAudit(key.key, "?limit=200");
    expect(all.items).toHaveLength(53);
    expect(all.next_cursor).toBeNull();
  });

  it("filters by actor, method and status, combined", async () => {
    const owner = await signUp();
    const key = await createApiKey(owner.accessToken, ["audit:read"]);
    await call("/api/v1/auth/api-keys", { body: { name: "", scopes: [] }, headers: bearer(owner.accessToken) });
    await call("/api/v1/auth/api-keys/key_missing", { method: "DELETE", headers: bearer(owner.accessToken) });
    await call("/api/v1/auth/api-keys", { body: { name: "by key", scopes: ["dcl:read"] }, headers: bearer(key.key) });

    const routes = async (query: string) => (await listAudit(owner.accessToken, query)).items.map((r) => `${r.method} ${r.status}`);
    expect(await routes("?method=DELETE")).toEqual(["DELETE 404"]);
    expect(await routes("?status=400")).toEqual(["POST 400"]);
    expect(await routes(`?actor_id=${key.id}`)).toEqual(["POST 403"]);
    expect(await routes(`?actor_id=${owner.userId}&method=POST&status=201`)).toEqual(["POST 201", "POST 201"]);
    expect(await routes("?status=500")).toEqual([]);
  });
});
