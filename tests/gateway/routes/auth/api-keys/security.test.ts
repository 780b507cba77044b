import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ALL_SCOPES } from "../../../../../workers/auth/principal";
import { ApiKeyListSchema } from "../../../../../workers/gateway/routes/auth/api-keys/list";
import { bearer, createApiKey, signUp } from "../../../../helpers/auth";
import { call } from "../../../../helpers/http";

const keysPath = "/api/v1/auth/api-keys";

async function expectForbidden(res: Response) {
  expect(res.status).toBe(403);
  expect(await res.json()).toMatchObject({ type: "https://autonomos.dev/problems/forbidden" });
}

describe("API keys cannot manage API keys", () => {
  it("refuses to let a key, even one holding every scope, create, list or revoke keys", async () => {
    const { accessToken } = await signUp();
    const { key, id } = await createApiKey(accessToken, [...ALL_SCOPES]);
    await expectForbidden(await call(keysPath, { body: { name: "child", scopes: ["dcl:read"] }, headers: bearer(key) }));
    await expectForbidden(await call(keysPath, { headers: bearer(key) }));
    await expectForbidden(await call(`${keysPath}/${id}`, { method: "DELETE", headers: bearer(key) }));
    expect((await call("/api/v1/auth/me", { headers: bearer(key) })).status).toBe(200);
  });
});

describe("tenant isolation of API keys", () => {
  it("never lists another tenant's keys", async () => {
    const a = await signUp();
    const b = await signUp();
    const aKey = await createApiKey(a.accessToken, ["dcl:read"]);
    const res = await call(keysPath, { headers: bearer(b.accessToken) });
    const items = ApiKeyListSchema.parse(await res.json()).items;
    expect(items.map((k) => k.id)).not.toContain(aKey.id);
  });

  it("answers 404, not 403, when a tenant tries to revoke another's key, and the key keeps working", async () => {
    const a = await signUp();
    const b = await signUp();
    const aKey = await createApiKey(a.accessToken, ["dcl:read"]);
    const res = await call(`${keysPath}/${aKey.id}`, { method: "DELETE", headers: bearer(b.accessToken) });
    expect(res.status).toBe(404);
    expect((await call("/api/v1/auth/me", { headers: bearer(aKey.key) })).status).toBe(200);
  });

  it("creates keys in the caller's tenant whatever the body says", async () => {
    const a = await signUp();
    const b = await signUp();
    const res = await call(keysPath, { body: { name: "k", scopes: ["dcl:read"], tenant_id: b.tenantId }, headers: bearer(a.accessToken) });
    expect(res.status).toBe(201);
    const { id } = await res.json<{ id: string }>();
    const row = await env.DB.prepare("SELECT tenant_id FROM api_keys WHERE id = ?").bind(id).first<{ tenant_id: string }>();
    expect(row?.tenant_id).toBe(a.tenantId);
  });
});

describe("API key secrets", () => {
  it("stores only a SHA-256 of the key", async () => {
    const { accessToken } = await signUp();
    const { id, key } = await createApiKey(accessToken, ["dcl:read"]);
    const row = await env.DB.prepare("SELECT key_hash FROM api_keys WHERE id = ?").bind(id).first<{ key_hash: string }>();
    const digest = Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key))), (b) =>
      b.toString(16).padStart(2, "0"),
    ).join("");
    expect(row?.key_hash).toBe(digest);
  });

  it("rejects a key whose id is real but whose secret is not", async () => {
    const { accessToken } = await signUp();
    const { key } = await createApiKey(accessToken, ["dcl:read"]);
    const forged = `${key.slice(0, -43)}${"A".repeat(43)}`;
    const res = await call("/api/v1/auth/me", { headers: bearer(forged) });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ type: "https://autonomos.dev/problems/invalid-token" });
  });
});
