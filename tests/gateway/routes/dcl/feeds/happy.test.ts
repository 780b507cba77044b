import { describe, expect, it } from "vitest";
import { bearer, createApiKey, signUp } from "../../../../helpers/auth";
import { call } from "../../../../helpers/http";
import { change, mapped, openFeed, publish } from "../../../../helpers/feeds";
import { FEED_PROTOCOL } from "../../../../../workers/dcl/live/protocol";

describe("GET /dcl and /live-flow: the live feeds", () => {
  it("an access token in Authorization opens /dcl, which delivers published changes with consecutive seqs", async () => {
    const { tenantId, accessToken } = await signUp();
    const { res, client } = await openFeed("/dcl", bearer(accessToken));
    expect(res.status).toBe(101);
    expect(res.headers.get("sec-websocket-protocol")).toBeNull();
    await publish(tenantId, { dcl: [change("acc_1"), change("acc_2", "contact")] });
    const messages = await client.received(2);
    expect(messages).toEqual([
      { type: "change", seq: 1, ...change("acc_1") },
      { type: "change", seq: 2, ...change("acc_2", "contact") },
    ]);
  });

  it("a browser's subprotocol credential opens /live-flow and is answered with autonomos.v1 only", async () => {
    const { tenantId, accessToken } = await signUp();
    const key = await createApiKey(accessToken, ["aam:read"]);
    const { res, client } = await openFeed("/live-flow", { "sec-websocket-protocol": `${FEED_PROTOCOL}, bearer.${key.key}` });
    expect(res.headers.get("sec-websocket-protocol")).toBe(FEED_PROTOCOL);
    await publish(tenantId, { "live-flow": [mapped(1), mapped(2)] });
    expect(await client.received(2)).toEqual([
      { type: "flow", seq: 1, ...mapped(1) },
      { type: "flow", seq: 2, ...mapped(2) },
    ]);
  });

  it("the upgrade is rate limited like any API call: it carries the RateLimit headers", async () => {
    const { accessToken } = await signUp();
    const { res } = await openFeed("/dcl", bearer(accessToken));
    expect(res.headers.get("RateLimit-Policy")).toBe('"free";q=120;w=60');
    expect(res.headers.get("x-trace-id")).toMatch(/^[0-9a-f]{32}$/);
  });

  it("?entities= filters /dcl, and a subscribe message replaces the filter", async () => {
    const { tenantId, accessToken } = await signUp();
    const { client } = await openFeed("/dcl?entities=contact", bearer(accessToken));
    await publish(tenantId, { dcl: [change("a1"), change("c1", "contact"), change("o1", "opportunity")] });
    expect(await client.sync()).toEqual([{ type: "change", seq: 2, ...change("c1", "contact") }]);

    client.send({ type: "subscribe", entities: ["account", "opportunity"] });
    await client.received(2);
    expect(client.messages[1]).toEqual({ type: "subscribed", entities: ["account", "opportunity"] });
    await publish(tenantId, { dcl: [change("a2"), change("c2", "contact"), change("o2", "opportunity")] });
    await client.sync();
    expect(client.seqs()).toEqual([2, 4, 6]);

    client.send({ type: "subscribe", entities: [] });
    await publish(tenantId, { dcl: [change("c3", "contact")] });
    await client.sync();
    expect(client.messages.at(-2)).toEqual({ type: "subscribed", entities: null });
    expect(client.seqs()).toEqual([2, 4, 6, 7]);
  });

  it("reconnecting with since= replays exactly the missed messages, then live ones, without duplicates", async () => {
    const { tenantId, accessToken } = await signUp();
    await publish(tenantId, { dcl: [1, 2, 3, 4, 5].map((n) => change(`a${n}`)) });
    const { client } = await openFeed("/dcl?since=2", bearer(accessToken));
    await client.received(3);
    await publish(tenantId, { dcl: [change("a6")] });
    await client.sync();
    expect(client.seqs()).toEqual([3, 4, 5, 6]);
    expect(client.messages[0]).toEqual({ type: "change", seq: 3, ...change("a3") });
  });

  it("since= on /dcl honours the entity filter in the replay too", async () => {
    const { tenantId, accessToken } = await signUp();
    await publish(tenantId, { dcl: [change("a1"), change("c1", "contact"), change("a2")] });
    const { client } = await openFeed("/dcl?since=0&entities=account", bearer(accessToken));
    await client.sync();
    expect(client.seqs()).toEqual([1, 3]);
  });

  it("the OpenAPI document describes both upgrades with 101 and their problems", async () => {
    const doc = (await (await call("/api/v1/openapi.json")).json()) as { paths: Record<string, { get: { responses: Record<string, unknown>; parameters: { name: string }[] } }> };
    for (const path of ["/dcl", "/live-flow"]) {
      const op = doc.paths[path]!.get;
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["101", "400", "401", "403", "426", "429"]));
      expect(op.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["since", "sec-websocket-protocol"]));
    }
    expect(doc.paths["/dcl"]!.get.parameters.map((p) => p.name)).toContain("entities");
  });
});
