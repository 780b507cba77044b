/**
 * The gateway's middleware order, tracing → body guard → auth → rate limit → idempotency → audit → route,
 * proved by behaviour that only that order produces.
 */
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { tenantGate } from "../../durable-objects/tenant-gate";
import { auditRecords } from "../helpers/audit";
import { bearer, signUp } from "../helpers/auth";
import { expectProblem, call } from "../helpers/http";

const createKey = (token: string, idempotencyKey: string, name = "order") =>
  call("/api/v1/auth/api-keys", {
    body: { name, scopes: ["dcl:read"] },
    headers: { ...bearer(token), "idempotency-key": idempotencyKey },
  });

describe("middleware order", () => {
  it("tracing runs before everything: rejections by every later middleware carry the trace id", async () => {
    await expectProblem(await call("/api/v1/auth/me"), 401, "unauthorized");
    await expectProblem(
      await call("/api/v1/auth/login", { body: "x", headers: { "content-type": "text/plain" } }),
      415,
      "unsupported-media-type",
    );
  });

  it("the body guard runs before auth: an oversized body is refused before credentials are even looked at", async () => {
    const res = await call("/api/v1/auth/api-keys", { body: { name: "x".repeat(2_000_000), scopes: [] } });
    await expectProblem(res, 413, "payload-too-large");
  });

  it("auth runs before the rate limit: the limiter applies the caller's plan, not the anonymous policy", async () => {
    const { accessToken } = await signUp();
    const authed = await call("/api/v1/auth/me", { headers: bearer(accessToken) });
    expect(authed.headers.get("ratelimit-policy")).toMatch(/^"free";/);
    const anonymous = await call("/api/v1/health");
    expect(anonymous.headers.get("ratelimit-policy")).toMatch(/^"anonymous";/);
  });

  it("idempotency runs before audit, and audit after the route: one record, with the route's own status", async () => {
    const { accessToken, tenantId } = await signUp();
    const first = await createKey(accessToken, "order-audit-1");
    expect(first.status).toBe(201);
    const replay = await createKey(accessToken, "order-audit-1");
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    const records = (await auditRecords(tenantId)).filter((r) => r.route === "/api/v1/auth/api-keys");
    expect(records.map((r) => r.status)).toEqual([201]);
  });

  it("the rate limit runs before idempotency: an exhausted tenant gets 429 even for a key it could replay", async () => {
    const { accessToken, tenantId } = await signUp();
    expect((await createKey(accessToken, "order-limit-1")).status).toBe(201);
    let last: Response | undefined;
    for (let i = 0; i < 130; i++) {
      last = await call("/api/v1/auth/me", { headers: bearer(accessToken) });
      if (last.status === 429) break;
    }
    expect(last?.status).toBe(429);
    // The bucket refills 2 tokens/s; pin it empty for the next minute so the replay cannot race a refill.
    await runInDurableObject(tenantGate(env, tenantId), (_gate, state) => {
      state.storage.sql.exec("UPDATE rate_limit_bucket SET tokens = 0, updated_at = ?", Date.now() + 60_000);
    });
    const replay = await createKey(accessToken, "order-limit-1");
    await expectProblem(replay, 429, "rate-limited");
    expect(replay.headers.get("idempotent-replayed")).toBeNull();
  });
});
