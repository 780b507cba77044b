import { env } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { ApiKeyListSchema } from "../../../../../workers/gateway/routes/auth/api-keys/list";
import { CreatedApiKeySchema } from "../../../../../workers/gateway/routes/auth/api-keys/create";
import { MeSchema } from "../../../../../workers/gateway/routes/auth/me";
import { bearer, createApiKey, signUp } from "../../../../helpers/auth";
import { call } from "../../../../helpers/http";

const listKeys = async (accessToken: string) => {
  const res = await call("/api/v1/auth/api-keys", { headers: bearer(accessToken) });
  expect(res.status).toBe(200);
  return ApiKeyListSchema.parse(await res.json()).items;
};

describe("API key lifecycle", () => {
  it("creates a key shown once, in the aos_<id>_<secret> format", async () => {
    const { accessToken } = await signUp();
    const res = await call("/api/v1/auth/api-keys", {
      body: { name: "  revops agent ", scopes: ["dcl:read", "agents:run", "dcl:read"] },
      headers: bearer(accessToken),
    });
    expect(res.status).toBe(201);
    const created = CreatedApiKeySchema.parse(await res.json());
    expect(created).toMatchObject({ name: "revops agent", scopes: ["dcl:read", "agents:run"] });
    expect(created.id).toMatch(/^key_[0-9a-f]{24}$/);
    expect(created.key).toMatch(new RegExp(`^aos_${created.id}_[A-Za-z0-9_-]{43}$`));
    expect(Date.parse(created.created_at)).not.toBeNaN();
  });

  it("lists the tenant's keys newest first, with their prefix but never the secret or its hash", async () => {
    const { accessToken } = await signUp();
    const older = await createApiKey(accessToken, ["aam:read"], "older");
    const newer = await createApiKey(accessToken, ["dcl:write"], "newer");
    // Both may land in the same millisecond; date the older one back so the order is certain.
    const olderCreatedAt = "2026-01-01T00:00:00.000Z";
    await env.DB.prepare("UPDATE api_keys SET created_at = ? WHERE id = ?").bind(olderCreatedAt, older.id).run();
    const response = await call("/api/v1/auth/api-keys", { headers: bearer(accessToken) });
    const text = await response.text();
    expect(text).not.toContain(older.key);
    // The secret is base64url and may itself contain "_": cut it after the known prefix.
    expect(text).not.toContain(newer.key.slice(`aos_${newer.id}_`.length));
    expect(text).not.toMatch(/hash/);
    const items = ApiKeyListSchema.parse(JSON.parse(text)).items;
    expect(items.map((k) => k.id)).toEqual([newer.id, older.id]);
    expect(items[1]).toEqual({
      id: older.id,
      name: "older",
      prefix: `aos_${older.id}`,
      scopes: ["aam:read"],
      created_at: olderCreatedAt,
      last_used_at: null,
      revoked_at: null,
    });
  });

  it("authenticates agents with the key: /me shows the key, its tenant and its scopes", async () => {
    const { accessToken, tenantId } = await signUp({ tenant_name: "Agents Inc" });
    const created = await createApiKey(accessToken, ["dcl:read", "agents:run"], "agent");
    const res = await call("/api/v1/auth/me", { headers: bearer(created.key) });
    expect(res.status).toBe(200);
    const me = MeSchema.parse(await res.json());
    expect(me).toMatchObject({
      kind: "api_key",
      api_key: { id: created.id, name: "agent", prefix: `aos_${created.id}`, revoked_at: null },
      tenant: { id: tenantId, name: "Agents Inc", plan: "free" },
      scopes: ["dcl:read", "agents:run"],
    });
    expect(me.user).toBeUndefined();
  });

  it("records when a key was last used", async () => {
    const { accessToken } = await signUp();
    const created = await createApiKey(accessToken, ["dcl:read"]);
    await call("/api/v1/auth/me", { headers: bearer(created.key) });
    // The timestamp is written after the response (waitUntil), so poll the row briefly.
    await vi.waitFor(async () => {
      const row = await env.DB.prepare("SELECT last_used_at FROM api_keys WHERE id = ?").bind(created.id).first<{ last_used_at: string | null }>();
      expect(row?.last_used_at).not.toBeNull();
    });
  });

  it("revokes a key: 204, listed with revoked_at, and no longer accepted", async () => {
    const { accessToken } = await signUp();
    const created = await createApiKey(accessToken, ["dcl:read"]);
    expect((await call("/api/v1/auth/me", { headers: bearer(created.key) })).status).toBe(200);

    const res = await call(`/api/v1/auth/api-keys/${created.id}`, { method: "DELETE", headers: bearer(accessToken) });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");

    const [listed] = await listKeys(accessToken);
    expect(listed?.revoked_at).not.toBeNull();
    expect((await call("/api/v1/auth/me", { headers: bearer(created.key) })).status).toBe(401);
  });

  it("treats revoking twice as done, keeping the first revocation time", async () => {
    const { accessToken } = await signUp();
    const created = await createApiKey(accessToken, ["dcl:read"]);
    const revoke = () => call(`/api/v1/auth/api-keys/${created.id}`, { method: "DELETE", headers: bearer(accessToken) });
    expect((await revoke()).status).toBe(204);
    const [first] = await listKeys(accessToken);
    expect((await revoke()).status).toBe(204);
    const [second] = await listKeys(accessToken);
    expect(second?.revoked_at).toBe(first?.revoked_at);
  });
});
