import { describe, expect, it } from "vitest";
import { PLAN_POLICIES } from "../../../../durable-objects/tenant-gate/rate-limit";
import type { Plan } from "../../../../workers/auth/principal";
import { bearer, signUp } from "../../../helpers/auth";
import { call } from "../../../helpers/http";
import { anonymousFrom, as, gateApp, newPrincipal } from "../../../helpers/gate-app";

const request = gateApp((app) => {
  app.get("/things", (c) => c.json({ ok: true }));
});

describe("rate limit: RateLimit headers on every response", () => {
  it.each(["free", "pro", "enterprise"] satisfies Plan[])("a %s tenant is limited by its plan's policy", async (plan) => {
    const { capacity } = PLAN_POLICIES[plan];
    const res = await request("/things", { headers: as(newPrincipal({ plan })) });
    expect(res.status).toBe(200);
    expect(res.headers.get("RateLimit-Policy")).toBe(`"${plan}";q=${capacity};w=60`);
    expect(res.headers.get("RateLimit")).toMatch(new RegExp(`^"${plan}";r=${capacity - 1};t=1$`));
  });

  it("an anonymous caller is limited by the anonymous policy", async () => {
    const res = await request("/things", { headers: anonymousFrom("198.51.100.1") });
    expect(res.status).toBe(200);
    expect(res.headers.get("RateLimit-Policy")).toBe('"anonymous";q=60;w=60');
    expect(res.headers.get("RateLimit")).toBe('"anonymous";r=59;t=1');
  });

  it("error responses from further down carry the headers too", async () => {
    const res = await request("/missing", { headers: as(newPrincipal()) });
    expect(res.status).toBe(404);
    expect(res.headers.get("RateLimit-Policy")).toBe('"free";q=120;w=60');
    expect(res.headers.get("RateLimit")).toBe('"free";r=119;t=1');
  });

  it("the real gateway sends them (health, anonymous)", async () => {
    const res = await call("/api/v1/health", { headers: anonymousFrom("198.51.100.2") });
    expect(res.status).toBe(200);
    expect(res.headers.get("RateLimit-Policy")).toBe('"anonymous";q=60;w=60');
    expect(res.headers.get("RateLimit")).toBe('"anonymous";r=59;t=1');
  });

  it("the real gateway limits a signed-in user by the tenant's plan, from the credential", async () => {
    const { accessToken } = await signUp();
    const res = await call("/api/v1/auth/me", { headers: bearer(accessToken) });
    expect(res.status).toBe(200);
    expect(res.headers.get("RateLimit-Policy")).toBe('"free";q=120;w=60');
    expect(res.headers.get("RateLimit")).toBe('"free";r=119;t=1');
  });
});
