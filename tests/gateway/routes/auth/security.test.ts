import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { TokenPairSchema } from "../../../../workers/auth/sessions";
import { MeSchema } from "../../../../workers/gateway/routes/auth/me";
import { bearer, signUp } from "../../../helpers/auth";
import { call } from "../../../helpers/http";

const refresh = (refresh_token: string) => call("/api/v1/auth/refresh", { body: { refresh_token } });

async function rotate(refreshToken: string): Promise<string> {
  const res = await refresh(refreshToken);
  expect(res.status).toBe(200);
  return TokenPairSchema.parse(await res.json()).refresh_token;
}

describe("refresh-token reuse detection", () => {
  it("revokes the whole family when a spent token comes back, so the newest token dies too", async () => {
    const { refreshToken: first } = await signUp();
    const second = await rotate(first);

    const reuse = await refresh(first);
    expect(reuse.status).toBe(401);
    expect(await reuse.json()).toMatchObject({
      type: "https://autonomos.dev/problems/invalid-token",
      detail: expect.stringContaining("reuse detected"),
    });

    expect((await refresh(second)).status).toBe(401);
  });

  it("leaves the user's other sign-ins alone", async () => {
    const { email, password, refreshToken: stolen } = await signUp();
    const login = await call("/api/v1/auth/login", { body: { email, password } });
    const other = TokenPairSchema.parse(await login.json()).refresh_token;

    await rotate(stolen);
    expect((await refresh(stolen)).status).toBe(401);
    expect((await refresh(other)).status).toBe(200);
  });

  it("lets only one of two concurrent refreshes with the same token succeed", async () => {
    const { refreshToken } = await signUp();
    const statuses = (await Promise.all([refresh(refreshToken), refresh(refreshToken)])).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 401]);
  });

  it("stores refresh tokens only as hashes", async () => {
    const { refreshToken, userId } = await signUp();
    const { results } = await env.DB.prepare("SELECT token_hash FROM refresh_tokens WHERE user_id = ?").bind(userId).all<{ token_hash: string }>();
    expect(results).toHaveLength(1);
    expect(results[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(results[0]?.token_hash).not.toContain(refreshToken);
  });
});

describe("tenant isolation of the caller", () => {
  it("takes the tenant from the token, never from the query, headers or body", async () => {
    const a = await signUp({ tenant_name: "Tenant A" });
    const b = await signUp({ tenant_name: "Tenant B" });
    const res = await call(`/api/v1/auth/me?tenant_id=${b.tenantId}&tid=${b.tenantId}`, {
      headers: { ...bearer(a.accessToken), "x-tenant-id": b.tenantId },
    });
    const me = MeSchema.parse(await res.json());
    expect(me.tenant).toMatchObject({ id: a.tenantId, name: "Tenant A" });
    expect(me.user?.id).toBe(a.userId);
  });

  it("gives every registration its own tenant", async () => {
    const a = await signUp({ tenant_name: "Same name" });
    const b = await signUp({ tenant_name: "Same name" });
    expect(a.tenantId).not.toBe(b.tenantId);
  });

  it("never returns the password hash", async () => {
    const res = await call("/api/v1/auth/register", {
      body: { email: `hash-${crypto.randomUUID()}@example.com`, password: "correct horse battery staple", tenant_name: "T" },
    });
    const text = await res.text();
    expect(res.status).toBe(201);
    expect(text).not.toMatch(/argon2|hashed_password/);
  });
});
