import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { publishLive } from "../../../workers/dcl/live/publish";
import { tenantFeed } from "../../../durable-objects/tenant-feed";
import type { DclChange } from "../../../workers/dcl/live/messages";
import { change, newTenant } from "../../helpers/feeds";

const unreachable = {
  ...env,
  TENANT_FEED: {
    idFromName: () => {
      throw new Error("Durable Object unreachable");
    },
  } as unknown as typeof env.TENANT_FEED,
};

describe("publishLive never fails its caller", () => {
  it("an unreachable feed is logged and swallowed", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await expect(publishLive(unreachable, newTenant(), { dcl: [change("a1")] })).resolves.toBeUndefined();
    const line = JSON.parse(String(warn.mock.calls.at(-1)?.[0])) as Record<string, unknown>;
    expect(line).toMatchObject({ level: "warn", msg: "live feed publish failed; messages dropped", dcl: 1, error: "Durable Object unreachable" });
    warn.mockRestore();
  });

  it("an invalid payload is dropped whole (logged), so no seq is spent on it", async () => {
    const tenant = newTenant();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const bad = { entity: "invoice", id: "x", op: "upsert", last_seq: 1 } as unknown as DclChange;
    await publishLive(env, tenant, { dcl: [change("a1"), bad] });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    await publishLive(env, tenant, { dcl: [change("a2")] });
    const last = await runInDurableObject(tenantFeed(env, tenant), (_, state) => state.storage.sql.exec("SELECT last_seq FROM feed_seq").one());
    expect(last).toEqual({ last_seq: 1 });
  });

  it("an empty batch makes no call at all", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await publishLive(unreachable, newTenant(), { dcl: [], "live-flow": [] });
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
