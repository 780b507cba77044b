import { describe, expect, it } from "vitest";
import { call, expectProblem } from "../../../helpers/http";
import { anonymousFrom, as, gateApp, newPrincipal, sleep } from "../../../helpers/gate-app";

let executed = 0;
const request = gateApp((app) => {
  app.post("/things", (c) => {
    executed += 1;
    return c.json({ ok: true }, 201);
  });
});

/** Sends `count` requests at once. */
function burst(count: number, send: () => Promise<Response>): Promise<Response[]> {
  return Promise.all(Array.from({ length: count }, send));
}

const statusCounts = (responses: Response[]) =>
  responses.reduce<Record<number, number>>((counts, res) => ({ ...counts, [res.status]: (counts[res.status] ?? 0) + 1 }), {});

describe("rate limit: over the limit", () => {
  it("a burst gets 429 after exactly the limit, and the 429 never reaches the route", async () => {
    // The anonymous policy (60, refilling 1/s) is exhausted well within the second a token takes to come back.
    const headers = anonymousFrom("203.0.113.10");
    const responses = await burst(61, () => request("/things", { method: "POST", headers }));
    expect(statusCounts(responses)).toEqual({ 201: 60, 429: 1 });
    expect(executed).toBe(60);
  });

  it("answers 429 as problem+json with Retry-After and the RateLimit headers", async () => {
    const headers = anonymousFrom("203.0.113.11");
    await burst(60, () => request("/things", { method: "POST", headers }));
    const res = await request("/things", { method: "POST", headers });
    const problem = await expectProblem(res, 429, "rate-limited");
    expect(problem.detail).toMatch(/anonymous rate limit/);
    const retryAfter = res.headers.get("Retry-After");
    expect(retryAfter).toMatch(/^[1-9]\d*$/);
    expect(res.headers.get("RateLimit-Policy")).toBe('"anonymous";q=60;w=60');
    expect(res.headers.get("RateLimit")).toMatch(/^"anonymous";r=0;t=60$/);
  });

  it("recovers once the bucket refills", async () => {
    const post = { method: "POST", headers: as(newPrincipal({ plan: "free" })) };
    const responses = await burst(130, () => request("/things", post));
    const limited = responses.find((res) => res.status === 429);
    expect(limited).toBeDefined();
    const retryAfter = Number(limited!.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect((await request("/things", post)).status).toBe(429);
    await sleep(retryAfter * 1000);
    const recovered = await request("/things", post);
    expect(recovered.status).toBe(201);
    expect(recovered.headers.get("RateLimit")).toMatch(/^"free";r=\d+;t=\d+$/);
  });

  it("the real gateway limits a burst from one address and answers problem+json", async () => {
    const headers = anonymousFrom("203.0.113.12");
    const responses = await burst(61, () => call("/api/v1/health", { headers }));
    const counts = statusCounts(responses);
    expect(counts[429]).toBeGreaterThanOrEqual(1);
    const limited = responses.find((res) => res.status === 429)!;
    await expectProblem(limited, 429, "rate-limited");
    expect(limited.headers.get("Retry-After")).toMatch(/^[1-9]\d*$/);
  });
});
