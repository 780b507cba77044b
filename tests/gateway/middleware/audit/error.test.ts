import { env } from "cloudflare:test";
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bearer, signUp } from "../../../helpers/auth";
import { call } from "../../../helpers/http";
import { auditRecords } from "../../../helpers/audit";
import type { AppEnv } from "../../../../workers/gateway/context";
import type { Env } from "../../../../workers/env";
import type { Principal } from "../../../../workers/auth/principal";
import { onError } from "../../../../workers/gateway/errors";
import { tracing } from "../../../../workers/gateway/middleware/tracing";
import { audit } from "../../../../workers/gateway/middleware/audit";
import { sha256Hex } from "../../../../workers/platform/crypto";

describe("audit middleware: failed requests and failed appends", () => {
  afterEach(() => vi.restoreAllMocks());

  it("records a rejected mutating request with its 4xx status", async () => {
    const owner = await signUp();
    const body = JSON.stringify({ name: "", scopes: [] });
    const invalid = await call("/api/v1/auth/api-keys", { body, headers: bearer(owner.accessToken) });
    expect(invalid.status).toBe(400);
    const missing = await call("/api/v1/auth/api-keys/key_missing", { method: "DELETE", headers: bearer(owner.accessToken) });
    expect(missing.status).toBe(404);

    const [revoke, create] = await auditRecords(owner.tenantId);
    expect(create).toMatchObject({ route: "/api/v1/auth/api-keys", status: 400, trace_id: invalid.headers.get("x-trace-id"), body_hash: await sha256Hex(body) });
    expect(revoke).toMatchObject({ route: "/api/v1/auth/api-keys/:id", resource: "/api/v1/auth/api-keys/key_missing", status: 404 });
  });

  it("records a request that matched no route with a null route", async () => {
    const owner = await signUp();
    const res = await call("/api/v1/no-such-thing", { body: { a: 1 }, headers: bearer(owner.accessToken) });
    expect(res.status).toBe(404);
    const [latest] = await auditRecords(owner.tenantId);
    expect(latest).toMatchObject({ route: null, resource: "/api/v1/no-such-thing", status: 404, trace_id: res.headers.get("x-trace-id") });
  });

  it("leaves a failed sign-in out of every chain", async () => {
    const owner = await signUp();
    const before = await auditRecords(owner.tenantId);
    const res = await call("/api/v1/auth/login", { body: { email: owner.email, password: "not the password" } });
    expect(res.status).toBe(401);
    expect(await auditRecords(owner.tenantId)).toEqual(before);
  });

  it("still answers when the append fails, and logs the whole entry", async () => {
    const principal: Principal = { kind: "user", actorId: "usr_1", tenantId: "ten_1", plan: "free", role: "admin", scopes: [] };
    const app = new Hono<AppEnv>();
    app.use("*", tracing(), createMiddleware<AppEnv>(async (c, next) => { c.set("principal", principal); await next(); }), audit());
    app.post("/api/v1/things/:id", (c) => c.json({ ok: true }, 201));
    app.onError(onError);
    const unavailableGate = { idFromName: () => ({}), get: () => ({ appendAudit: () => Promise.reject(new Error("gate unavailable")) }) };
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));

    const body = JSON.stringify({ n: 1 });
    const res = await app.request(
      "https://api.test/api/v1/things/7",
      { method: "POST", headers: { "content-type": "application/json" }, body },
      { ...env, TENANT_GATE: unavailableGate } as unknown as Env,
    );

    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ ok: true });
    const logged = errors.map((line) => JSON.parse(line) as Record<string, unknown>).find((e) => e.msg === "audit append failed");
    expect(logged).toMatchObject({
      level: "error",
      trace_id: res.headers.get("x-trace-id"),
      error: "gate unavailable",
      audit_entry: {
        tenant_id: "ten_1",
        actor_type: "user",
        actor_id: "usr_1",
        method: "POST",
        route: "/api/v1/things/:id",
        resource: "/api/v1/things/7",
        status: 201,
        trace_id: res.headers.get("x-trace-id"),
        body_hash: await sha256Hex(body),
      },
    });
  });
});
