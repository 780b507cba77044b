import { describe, expect, it } from "vitest";
import { randomHex } from "../../../../workers/platform/ids";
import { expectProblem, call } from "../../../helpers/http";
import { bearer, signUp } from "../../../helpers/auth";
import { as, gateApp, newPrincipal, sleep } from "../../../helpers/gate-app";

let executed = 0;
const request = gateApp((app) => {
  app.post("/things", async (c) => {
    executed += 1;
    // Long enough that concurrent duplicates arrive while the first is still in flight.
    await sleep(25);
    return c.json({ n: executed, received: await c.req.json() }, 201, { "x-handler": "things" });
  });
  app.get("/things", (c) => {
    executed += 1;
    return c.json({ n: executed });
  });
  app.delete("/things/:id", (c) => {
    executed += 1;
    return c.body(null, 204);
  });
});

const caller = as(newPrincipal());

function send(method: string, path: string, key: string | undefined, body?: unknown): Promise<Response> {
  return request(path, {
    method,
    headers: { ...caller, "content-type": "application/json", ...(key === undefined ? {} : { "idempotency-key": key }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe("idempotency: one execution per key", () => {
  it("replays the first response (status, body, headers) with Idempotent-Replayed, without running the handler", async () => {
    const key = randomHex(16);
    const first = await send("POST", "/things", key, { name: "alpha" });
    const firstBody = await first.text();
    const before = executed;
    const replay = await send("POST", "/things", key, { name: "alpha" });
    expect(executed).toBe(before);
    expect(first.status).toBe(201);
    expect(first.headers.has("Idempotent-Replayed")).toBe(false);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await replay.text()).toBe(firstBody);
    expect(replay.headers.get("content-type")).toBe(first.headers.get("content-type"));
    expect(replay.headers.get("x-handler")).toBe("things");
  });

  it("a replay is a new request of its own: its own trace id and RateLimit headers", async () => {
    const key = randomHex(16);
    const first = await send("POST", "/things", key, { name: "beta" });
    const replay = await send("POST", "/things", key, { name: "beta" });
    expect(replay.headers.get("x-trace-id")).toMatch(/^[0-9a-f]{32}$/);
    expect(replay.headers.get("x-trace-id")).not.toBe(first.headers.get("x-trace-id"));
    expect(replay.headers.get("RateLimit")).toMatch(/^"free";r=\d+;t=\d+$/);
  });

  it("20 concurrent requests with one key execute exactly once", async () => {
    const key = randomHex(16);
    const before = executed;
    const responses = await Promise.all(Array.from({ length: 20 }, () => send("POST", "/things", key, { name: "gamma" })));
    expect(executed - before).toBe(1);
    const originals = responses.filter((res) => res.status === 201 && !res.headers.has("Idempotent-Replayed"));
    expect(originals).toHaveLength(1);
    const body = await originals[0]!.text();
    for (const res of responses.filter((r) => r !== originals[0])) {
      if (res.status === 201) expect(await res.text()).toBe(body);
      else await expectProblem(res, 409, "idempotency-in-flight");
    }
  });

  it("requests without the header are not deduplicated", async () => {
    const before = executed;
    await send("POST", "/things", undefined, { name: "delta" });
    await send("POST", "/things", undefined, { name: "delta" });
    expect(executed - before).toBe(2);
  });

  it("safe methods pass through even with a key", async () => {
    const key = randomHex(16);
    const first = await send("GET", "/things", key);
    const second = await send("GET", "/things", key);
    expect(second.headers.has("Idempotent-Replayed")).toBe(false);
    expect((await second.json<{ n: number }>()).n).toBe((await first.json<{ n: number }>()).n + 1);
  });

  it("replays a bodiless 204", async () => {
    const key = randomHex(16);
    const before = executed;
    expect((await send("DELETE", "/things/t1", key)).status).toBe(204);
    const replay = await send("DELETE", "/things/t1", key);
    expect(replay.status).toBe(204);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await replay.text()).toBe("");
    expect(executed - before).toBe(1);
  });

  it("accepts a key of 255 printable characters", async () => {
    const key = "~ !".repeat(85);
    expect((await send("POST", "/things", key, { name: "epsilon" })).status).toBe(201);
    expect((await send("POST", "/things", key, { name: "epsilon" })).headers.get("Idempotent-Replayed")).toBe("true");
  });
});

describe("idempotency through the real gateway", () => {
  it("20 concurrent POST /api/v1/auth/api-keys with one key create exactly one key", async () => {
    const { accessToken } = await signUp();
    const key = randomHex(16);
    const create = () =>
      call("/api/v1/auth/api-keys", {
        body: { name: "agent", scopes: ["dcl:read"] },
        headers: { ...bearer(accessToken), "idempotency-key": key },
      });
    const responses = await Promise.all(Array.from({ length: 20 }, create));
    const created = responses.filter((res) => res.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(created.filter((res) => !res.headers.has("Idempotent-Replayed"))).toHaveLength(1);
    for (const res of responses.filter((r) => r.status !== 201)) await expectProblem(res, 409, "idempotency-in-flight");
    const ids = new Set(await Promise.all(created.map(async (res) => (await res.json<{ id: string }>()).id)));
    expect(ids.size).toBe(1);

    const replay = await create();
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect((await replay.json<{ id: string }>()).id).toBe([...ids][0]);
    const list = await call("/api/v1/auth/api-keys", { headers: bearer(accessToken) });
    const { items } = await list.json<{ items: { id: string }[] }>();
    expect(items.map((item) => item.id)).toEqual([...ids]);
  });
});
