import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { tenantFeed } from "../../../durable-objects/tenant-feed";
import { change, connectFeed, mapped, newTenant } from "../../helpers/feeds";

describe("TenantFeed: isolation", () => {
  it("a /live-flow socket never receives /dcl changes, nor a /dcl socket flow events", async () => {
    const tenant = newTenant();
    const dcl = await connectFeed(tenant, { channel: "dcl" });
    const flow = await connectFeed(tenant, { channel: "live-flow" });
    await tenantFeed(env, tenant).publish({ dcl: [change("a1")], "live-flow": [mapped(1)] });
    expect((await dcl.sync()).map((m) => m.type)).toEqual(["change"]);
    expect((await flow.sync()).map((m) => m.type)).toEqual(["flow"]);
  });

  it("a replay on one channel never includes the other channel's buffer", async () => {
    const tenant = newTenant();
    await tenantFeed(env, tenant).publish({ dcl: [change("a1")], "live-flow": [mapped(1), mapped(2)] });
    const flow = await connectFeed(tenant, { channel: "live-flow", since: 0 });
    expect(await flow.sync()).toEqual([1, 2].map((n) => ({ type: "flow", seq: n, ...mapped(n) })));
  });

  it("tenants are separate objects: one tenant's publish reaches none of another's sockets", async () => {
    const a = newTenant();
    const b = newTenant();
    const bClient = await connectFeed(b, { channel: "dcl", since: 0 });
    await tenantFeed(env, a).publish({ dcl: [change("a-only")] });
    expect(await bClient.sync()).toEqual([]);
  });

  it("a socket's stored state holds who connected and what it follows, never a credential", async () => {
    const tenant = newTenant();
    await connectFeed(tenant, { channel: "dcl", entities: ["account"] });
    const attachments = await runInDurableObject(tenantFeed(env, tenant), (_, state) =>
      state.getWebSockets().map((ws) => ws.deserializeAttachment() as Record<string, unknown>),
    );
    expect(attachments).toEqual([{ channel: "dcl", entities: ["account"], actor: "usr_test", lastSeen: expect.any(Number) }]);
  });
});
