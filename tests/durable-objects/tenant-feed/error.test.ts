import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { tenantFeed } from "../../../durable-objects/tenant-feed";
import { connectUrl } from "../../../workers/dcl/live/connect";
import { CUTOFF_CLOSE_CODE, ACK_WINDOW } from "../../../workers/dcl/live/protocol";
import { change, connectFeed, newTenant } from "../../helpers/feeds";

describe("TenantFeed: what it refuses and what it survives", () => {
  it("a request that is not an upgrade, or has no valid subscription, is 400", async () => {
    const feed = tenantFeed(env, newTenant());
    expect((await feed.fetch(new Request(connectUrl({ channel: "dcl", actor: "usr_x" })))).status).toBe(400);
    const badChannel = new Request("https://tenant-feed.internal/connect?channel=audit&actor=usr_x", { headers: { Upgrade: "websocket" } });
    expect((await feed.fetch(badChannel)).status).toBe(400);
    const noActor = new Request("https://tenant-feed.internal/connect?channel=dcl", { headers: { Upgrade: "websocket" } });
    expect((await feed.fetch(noActor)).status).toBe(400);
  });

  it("a client that closed does not disturb publishing to the others", async () => {
    const tenant = newTenant();
    const gone = await connectFeed(tenant, { channel: "dcl" });
    const staying = await connectFeed(tenant, { channel: "dcl" });
    gone.socket.close(1000, "bye");
    await gone.closed;
    await tenantFeed(env, tenant).publish({ dcl: [change("a1"), change("a2")] });
    expect((await staying.received(2)).map((m) => m.type)).toEqual(["change", "change"]);
  });

  it("a client cut off mid-batch receives nothing after its notice, and later publishes skip it", async () => {
    const tenant = newTenant();
    const feed = tenantFeed(env, tenant);
    const slow = await connectFeed(tenant, { channel: "dcl" });
    await feed.publish({ dcl: Array.from({ length: ACK_WINDOW + 3 }, (_, i) => change(`a${i}`)) });
    await feed.publish({ dcl: [change("later")] });
    expect((await slow.closed).code).toBe(CUTOFF_CLOSE_CODE);
    expect(slow.messages).toHaveLength(ACK_WINDOW + 1);
    expect(slow.messages.at(-1)?.type).toBe("cutoff");
  });

  it("an ack beyond anything sent just clears the window", async () => {
    const tenant = newTenant();
    const client = await connectFeed(tenant, { channel: "dcl" });
    client.send({ type: "ack", seq: 1_000_000 });
    client.send({ type: "subscribe", entities: ["account"] });
    await client.received(1);
    await tenantFeed(env, tenant).publish({ dcl: [change("a1")] });
    expect((await client.received(2))[1]).toEqual({ type: "change", seq: 1, ...change("a1") });
  });

  it("an idle sweep with no sockets is harmless", async () => {
    await runInDurableObject(tenantFeed(env, newTenant()), (instance) => instance.heartbeat(Date.now()));
  });
});
