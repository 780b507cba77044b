import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { withCatalogStore } from "../../../workers/dcl/catalog/for-env";
import { tenantWithCatalog } from "../../helpers/catalog";
import { neonEnv } from "../../helpers/neon";
import { describeCatalogStore } from "./catalog-store.contract";

// The real PostgreSQL started by tests/setup/postgres.ts, reached from workerd through its WebSocket proxy.
describeCatalogStore("Neon", () => ({ env: neonEnv() }));

describe("catalog on Neon, against D1", () => {
  it("reads the stream and views from Postgres only, quarantine and connections from D1", async () => {
    const t = await tenantWithCatalog(neonEnv());
    const fromD1 = await withCatalogStore(env, t.tenantId, async (c) => ({ stream: await c.streamObjects(), rows: await c.viewRowCounts(), held: await c.heldBack() }));
    expect(fromD1.stream).toEqual([]);
    expect(fromD1.rows.account).toEqual({ live: 0, tombstoned: 0 });
    const fromNeon = await withCatalogStore(neonEnv(), t.tenantId, async (c) => ({ stream: await c.streamObjects(), rows: await c.viewRowCounts(), held: await c.heldBack() }));
    expect(fromNeon.stream.reduce((n, o) => n + o.events, 0)).toBe(t.events.length);
    expect(fromNeon.rows.account).toEqual({ live: 2, tombstoned: 1 });
    expect(fromNeon.held).toEqual(fromD1.held);
    expect(fromNeon.held).toHaveLength(1);
  });
});
