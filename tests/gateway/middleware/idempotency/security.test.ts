import { describe, expect, it } from "vitest";
import type { Principal } from "../../../../workers/auth/principal";
import { randomHex } from "../../../../workers/platform/ids";
import { anonymousFrom, as, gateApp, newPrincipal } from "../../../helpers/gate-app";

let executed = 0;
const request = gateApp((app) => {
  app.post("/things", async (c) => {
    executed += 1;
    return c.json({ n: executed, tenant: c.get("principal")?.tenantId ?? null }, 201);
  });
});

function post(headers: Record<string, string>, key: string, body: unknown): Promise<Response> {
  return request("/things", {
    method: "POST",
    headers: { ...headers, "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify(body),
  });
}

async function executesIndependently(first: Record<string, string>, second: Record<string, string>) {
  const key = randomHex(16);
  const before = executed;
  const a = await post(first, key, { name: "same" });
  const b = await post(second, key, { name: "same" });
  expect([a.status, b.status]).toEqual([201, 201]);
  expect(b.headers.has("Idempotent-Replayed")).toBe(false);
  expect(executed - before).toBe(2);
  return [await a.json<{ tenant: string | null }>(), await b.json<{ tenant: string | null }>()] as const;
}

describe("idempotency: keys are scoped to the caller", () => {
  it("tenant B reusing tenant A's key executes independently and never sees A's response", async () => {
    const [tenantA, tenantB] = [newPrincipal(), newPrincipal()];
    const [a, b] = await executesIndependently(as(tenantA), as(tenantB));
    expect(a.tenant).toBe(tenantA.tenantId);
    expect(b.tenant).toBe(tenantB.tenantId);
  });

  it("tenant B reusing tenant A's key with another body is not told about A's request (no 422)", async () => {
    const key = randomHex(16);
    await post(as(newPrincipal()), key, { name: "a" });
    expect((await post(as(newPrincipal()), key, { name: "b" })).status).toBe(201);
  });

  it("two API keys of one tenant cannot collide on a key", async () => {
    const tenantId = newPrincipal().tenantId;
    const keyOf = (): Principal => newPrincipal({ tenantId });
    await executesIndependently(as(keyOf()), as(keyOf()));
  });

  it("a user and an API key of one tenant cannot collide either", async () => {
    const tenantId = newPrincipal().tenantId;
    await executesIndependently(as(newPrincipal({ tenantId, kind: "user" })), as(newPrincipal({ tenantId })));
  });

  it("anonymous callers at different addresses are kept apart", async () => {
    await executesIndependently(anonymousFrom("198.51.100.40"), anonymousFrom("198.51.100.41"));
  });

  it("the same actor still gets its replay from another address", async () => {
    const principal = newPrincipal();
    const key = randomHex(16);
    await post({ ...as(principal), ...anonymousFrom("198.51.100.50") }, key, { name: "roaming" });
    const replay = await post({ ...as(principal), ...anonymousFrom("198.51.100.51") }, key, { name: "roaming" });
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
  });
});
