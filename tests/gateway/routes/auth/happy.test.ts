import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ALL_SCOPES } from "../../../../workers/auth/principal";
import { TokenPairSchema } from "../../../../workers/auth/sessions";
import { RegisteredSchema } from "../../../../workers/gateway/routes/auth/register";
import { MeSchema } from "../../../../workers/gateway/routes/auth/me";
import { PASSWORD, bearer, signUp, uniqueEmail } from "../../../helpers/auth";
import { call } from "../../../helpers/http";

const login = (email: string, password: string) => call("/api/v1/auth/login", { body: { email, password } });
const refresh = (refresh_token: string) => call("/api/v1/auth/refresh", { body: { refresh_token } });
const me = (token: string) => call("/api/v1/auth/me", { headers: bearer(token) });

describe("POST /api/v1/auth/register", () => {
  it("creates a free-plan tenant with the caller as its admin and signs them in", async () => {
    const email = uniqueEmail();
    const res = await call("/api/v1/auth/register", { body: { email, password: PASSWORD, tenant_name: "Acme Corp" } });
    expect(res.status).toBe(201);
    const body = RegisteredSchema.parse(await res.json());
    expect(body.tenant).toMatchObject({ name: "Acme Corp", plan: "free" });
    expect(body.tenant.id).toMatch(/^ten_/);
    expect(body.user).toEqual({ id: expect.stringMatching(/^usr_/), username: email.split("@")[0], email, role: "admin" });
    expect(body.token_type).toBe("Bearer");
    expect(body.expires_in).toBe(Number(env.ACCESS_TOKEN_TTL_SECONDS));
    expect((await me(body.access_token)).status).toBe(200);
  });

  it("normalises the email and keeps an explicit username", async () => {
    const email = uniqueEmail();
    const res = await call("/api/v1/auth/register", {
      body: { email: `  ${email.toUpperCase()} `, password: PASSWORD, tenant_name: "  Spaced  ", username: "ada" },
    });
    const body = RegisteredSchema.parse(await res.json());
    expect(body.user).toMatchObject({ email, username: "ada" });
    expect(body.tenant.name).toBe("Spaced");
  });

  it("stores the password as an OWASP-strength Argon2id hash, never in clear", async () => {
    const { userId } = await signUp();
    const row = await env.DB.prepare("SELECT hashed_password FROM users WHERE id = ?").bind(userId).first<{ hashed_password: string }>();
    expect(row?.hashed_password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(row?.hashed_password).not.toContain(PASSWORD);
  });
});

describe("POST /api/v1/auth/login", () => {
  it("answers a token pair for the right password, whatever the email's case", async () => {
    const { email, password } = await signUp();
    const res = await login(email.toUpperCase(), password);
    expect(res.status).toBe(200);
    const tokens = TokenPairSchema.parse(await res.json());
    expect(tokens.token_type).toBe("Bearer");
    expect((await me(tokens.access_token)).status).toBe(200);
  });
});

describe("GET /api/v1/auth/me", () => {
  it("describes the signed-in admin, their tenant and every scope", async () => {
    const { accessToken, tenantId, userId, email } = await signUp({ tenant_name: "Globex" });
    const res = await me(accessToken);
    expect(res.status).toBe(200);
    const body = MeSchema.parse(await res.json());
    expect(body).toEqual({
      kind: "user",
      user: { id: userId, username: email.split("@")[0], email, role: "admin" },
      tenant: { id: tenantId, name: "Globex", plan: "free" },
      scopes: [...ALL_SCOPES],
    });
  });
});

describe("POST /api/v1/auth/refresh", () => {
  it("rotates: each refresh token is exchanged for a new pair that works", async () => {
    const { refreshToken, tenantId } = await signUp();
    const first = await refresh(refreshToken);
    expect(first.status).toBe(200);
    const rotated = TokenPairSchema.parse(await first.json());
    expect(rotated.refresh_token).not.toBe(refreshToken);
    const who = MeSchema.parse(await (await me(rotated.access_token)).json());
    expect(who.tenant.id).toBe(tenantId);

    const second = await refresh(rotated.refresh_token);
    expect(second.status).toBe(200);
  });
});

describe("the auth routes in the OpenAPI document", () => {
  it("documents every auth route, with sign-up, sign-in and refresh open to anonymous callers", async () => {
    const doc = await (await call("/api/v1/openapi.json")).json<{ paths: Record<string, Record<string, { security?: unknown[] }>> }>();
    const operation = (path: string, method: string) => doc.paths[path]?.[method];
    for (const path of ["/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh"]) {
      expect(operation(path, "post")?.security).toEqual([]);
    }
    for (const [path, method] of [
      ["/api/v1/auth/me", "get"],
      ["/api/v1/auth/api-keys", "post"],
      ["/api/v1/auth/api-keys", "get"],
      ["/api/v1/auth/api-keys/{id}", "delete"],
    ] as const) {
      expect(operation(path, method)).toBeDefined();
      expect(operation(path, method)?.security).toBeUndefined();
    }
  });
});
