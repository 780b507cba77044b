import { createExecutionContext, env } from "cloudflare:test";
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { SignJWT, base64url, decodeJwt } from "jose";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Scope } from "../../../../workers/auth/principal";
import type { AppEnv } from "../../../../workers/gateway/context";
import { createApp } from "../../../../workers/gateway/app";
import { onError } from "../../../../workers/gateway/errors";
import { auth } from "../../../../workers/gateway/middleware/auth";
import { requireScope } from "../../../../workers/gateway/middleware/auth/require";
import { tracing } from "../../../../workers/gateway/middleware/tracing";
import { type SignedUp, bearer, createApiKey, signUp } from "../../../helpers/auth";
import { API, call } from "../../../helpers/http";

const encoder = new TextEncoder();
const realSecret = encoder.encode(env.JWT_SECRET);
const json = (value: unknown) => base64url.encode(JSON.stringify(value));

/** Access-token claims as the service issues them for `user`, with any claim overridden (undefined drops it). */
function claimsFor(user: SignedUp, overrides: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: env.JWT_ISSUER,
    aud: env.JWT_AUDIENCE,
    sub: user.userId,
    tid: user.tenantId,
    plan: "free",
    role: "admin",
    jti: crypto.randomUUID(),
    iat: now,
    nbf: now,
    exp: now + 900,
    ...overrides,
  };
}

function mint(claims: Record<string, unknown>, { alg = "HS256", key = realSecret } = {}) {
  return new SignJWT(claims).setProtectedHeader({ alg, typ: "JWT" }).sign(key);
}

function me(credential: string) {
  return call("/api/v1/auth/me", { headers: bearer(credential) });
}

async function expectRejected(res: Response) {
  expect(res.status).toBe(401);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(res.headers.get("www-authenticate")).toBe('Bearer realm="autonomos", error="invalid_token"');
  const body = await res.json<{ type: string; trace_id: string }>();
  expect(body.type).toBe("https://autonomos.dev/problems/invalid-token");
  expect(body.trace_id).toMatch(/^[0-9a-f]{32}$/);
  return body;
}

let alice: SignedUp;
let mallory: SignedUp;
beforeAll(async () => {
  alice = await signUp();
  mallory = await signUp();
});

describe("access tokens the middleware must reject", () => {
  it("accepts a token minted exactly as the service does (the baseline the cases below alter)", async () => {
    expect((await me(await mint(claimsFor(alice)))).status).toBe(200);
  });

  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, () => Promise<string>][] = [
    ["expired", () => mint(claimsFor(alice, { iat: now() - 1000, nbf: now() - 1000, exp: now() - 10 }))],
    ["signed with another secret", () => mint(claimsFor(alice), { key: encoder.encode("another-secret-0123456789abcdef-0123456789") })],
    ["unsigned (alg: none)", async () => `${json({ alg: "none", typ: "JWT" })}.${json(claimsFor(alice))}.`],
    ["signed with HS512 and the right secret", () => mint(claimsFor(alice), { alg: "HS512" })],
    [
      "RS256-looking",
      async () => `${json({ alg: "RS256", typ: "JWT" })}.${json(claimsFor(alice))}.${base64url.encode(crypto.getRandomValues(new Uint8Array(256)))}`,
    ],
    ["for another audience", () => mint(claimsFor(alice, { aud: "some-other-api" }))],
    ["from another issuer", () => mint(claimsFor(alice, { iss: "https://evil.example" }))],
    ["not valid yet (nbf in the future)", () => mint(claimsFor(alice, { nbf: now() + 600 }))],
    ["without a tenant claim", () => mint(claimsFor(alice, { tid: undefined }))],
    ["without an expiry", () => mint(claimsFor(alice, { exp: undefined }))],
    ["with a role the service does not know", () => mint(claimsFor(alice, { role: "superuser" }))],
  ];

  it.each(cases)("rejects a token %s", async (_case, token) => {
    await expectRejected(await me(await token()));
  });

  it("rejects a real token whose payload was edited to another tenant", async () => {
    const [header, , signature] = alice.accessToken.split(".");
    const payload = { ...decodeJwt(alice.accessToken), tid: mallory.tenantId };
    await expectRejected(await me(`${header}.${json(payload)}.${signature}`));
  });

  it("says an expired token has expired, so clients know to refresh", async () => {
    const body = await expectRejected(await me(await mint(claimsFor(alice, { exp: now() - 10 }))));
    expect(body).toMatchObject({ detail: "The access token has expired" });
  });
});

describe("API keys the middleware must reject", () => {
  it("rejects a revoked key", async () => {
    const { key, id } = await createApiKey(alice.accessToken, ["dcl:read"]);
    expect((await me(key)).status).toBe(200);
    await call(`/api/v1/auth/api-keys/${id}`, { method: "DELETE", headers: bearer(alice.accessToken) });
    const body = await expectRejected(await me(key));
    expect(body).toMatchObject({ detail: "The API key has been revoked" });
  });
});

describe("scopes", () => {
  // A route per scope check, behind the real tracing and auth middleware.
  const scoped = new OpenAPIHono<AppEnv>();
  scoped.use("*", tracing(), auth());
  for (const scope of ["dcl:read", "dcl:write"] as const satisfies Scope[]) {
    const route = createRoute({
      method: "get",
      path: `/api/v1/scoped/${scope}`,
      middleware: [requireScope(scope)] as const,
      responses: { 200: { description: "ok", content: { "application/json": { schema: z.object({ ok: z.boolean() }) } } } },
    });
    scoped.openapi(route, (c) => c.json({ ok: true }, 200));
  }
  scoped.onError(onError);
  const callScoped = (scope: Scope, credential: string) =>
    scoped.request(`${API}/api/v1/scoped/${scope}`, { headers: bearer(credential) }, env, createExecutionContext());

  it("lets admins use every scope", async () => {
    expect((await callScoped("dcl:read", alice.accessToken)).status).toBe(200);
    expect((await callScoped("dcl:write", alice.accessToken)).status).toBe(200);
  });

  it("gives members read scopes only", async () => {
    const member = await mint(claimsFor(alice, { role: "member" }));
    expect((await callScoped("dcl:read", member)).status).toBe(200);
    const denied = await callScoped("dcl:write", member);
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ type: "https://autonomos.dev/problems/forbidden", detail: expect.stringContaining("dcl:write") });
  });

  it("holds an API key to the scopes it was created with", async () => {
    const { key } = await createApiKey(alice.accessToken, ["dcl:read"]);
    expect((await callScoped("dcl:read", key)).status).toBe(200);
    expect((await callScoped("dcl:write", key)).status).toBe(403);
  });
});

describe("signing key configuration", () => {
  it("fails closed with a generic 500, logging why, when JWT_SECRET is shorter than 32 bytes", async () => {
    const logged = vi.spyOn(console, "error");
    const res = await createApp().request(
      `${API}/api/v1/auth/me`,
      { headers: bearer(alice.accessToken) },
      { ...env, JWT_SECRET: "too-short" },
      createExecutionContext(),
    );
    expect(res.status).toBe(500);
    const body = await res.json<{ type: string; detail: string }>();
    expect(body.type).toBe("https://autonomos.dev/problems/internal");
    expect(body.detail).not.toContain("JWT_SECRET");
    expect(logged.mock.calls.some(([line]) => String(line).includes("JWT_SECRET must be at least 32 bytes"))).toBe(true);
    logged.mockRestore();
  });
});
