import { describe, expect, it } from "vitest";
import { bearer, signUp } from "../../../helpers/auth";
import { call } from "../../../helpers/http";
import { anonymousFrom, as, gateApp, newPrincipal } from "../../../helpers/gate-app";

const request = gateApp((app) => {
  app.get("/things", (c) => c.json({ ok: true }));
});

function burst(count: number, send: (i: number) => Promise<Response>): Promise<Response[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => send(i)));
}

const limitedCount = (responses: Response[]) => responses.filter((res) => res.status === 429).length;

describe("rate limit: isolation between callers", () => {
  it("a tenant that exhausted its bucket does not limit another tenant", async () => {
    const tenantA = newPrincipal({ plan: "free" });
    expect(limitedCount(await burst(130, () => request("/things", { headers: as(tenantA) })))).toBeGreaterThan(0);
    const tenantB = await request("/things", { headers: as(newPrincipal({ plan: "free" })) });
    expect(tenantB.status).toBe(200);
    expect(tenantB.headers.get("RateLimit")).toBe('"free";r=119;t=1');
  });

  it("all of a tenant's credentials share its bucket", async () => {
    const tenantId = newPrincipal().tenantId;
    const responses = await burst(130, () => request("/things", { headers: as(newPrincipal({ tenantId, plan: "free" })) }));
    expect(limitedCount(responses)).toBeGreaterThan(0);
  });

  it("an authenticated tenant cannot escape its limit by changing its apparent address", async () => {
    const headers = as(newPrincipal({ plan: "free" }));
    const responses = await burst(130, (i) =>
      request("/things", { headers: { ...headers, ...anonymousFrom(`192.0.2.${i}`) } }),
    );
    expect(limitedCount(responses)).toBeGreaterThan(0);
  });

  it("anonymous callers from different addresses are limited independently", async () => {
    const exhausted = await burst(70, () => request("/things", { headers: anonymousFrom("198.51.100.20") }));
    expect(limitedCount(exhausted)).toBeGreaterThan(0);
    const other = await request("/things", { headers: anonymousFrom("198.51.100.21") });
    expect(other.status).toBe(200);
    expect(other.headers.get("RateLimit")).toBe('"anonymous";r=59;t=1');
  });

  it("anonymous traffic does not spend a tenant's tokens, nor a tenant's an anonymous caller's", async () => {
    const anonymous = anonymousFrom("198.51.100.30");
    expect(limitedCount(await burst(70, () => request("/things", { headers: anonymous })))).toBeGreaterThan(0);
    const tenant = newPrincipal({ plan: "free" });
    const fromSameAddress = await request("/things", { headers: { ...as(tenant), ...anonymous } });
    expect(fromSameAddress.headers.get("RateLimit")).toBe('"free";r=119;t=1');
    expect(limitedCount(await burst(130, () => request("/things", { headers: as(tenant) })))).toBeGreaterThan(0);
    const otherAnonymous = await request("/things", { headers: anonymousFrom("198.51.100.31") });
    expect(otherAnonymous.status).toBe(200);
  });

  it("through the real gateway, a tenant that exhausted its bucket does not limit another tenant", async () => {
    const [tenantA, tenantB] = await Promise.all([signUp(), signUp()]);
    const me = (accessToken: string) => call("/api/v1/auth/me", { headers: bearer(accessToken) });
    expect(limitedCount(await burst(130, () => me(tenantA.accessToken)))).toBeGreaterThan(0);
    const res = await me(tenantB.accessToken);
    expect(res.status).toBe(200);
    expect(res.headers.get("RateLimit")).toBe('"free";r=119;t=1');
  });
});
