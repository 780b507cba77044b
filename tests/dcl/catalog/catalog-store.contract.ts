/**
 * What the catalog store must answer whatever store holds the stream and the views (d1-/neon-catalog-store.test.ts):
 * the tenant's events and views are written through the store's ports (tests/helpers/catalog.ts), its connection
 * and quarantine in D1, and the catalog is read through `withCatalogStore` and the Worker's routes with the env.
 */
import { describe, expect, it } from "vitest";
import { EntityNameSchema } from "../../../workers/canonical/names";
import { withCatalogStore } from "../../../workers/dcl/catalog/for-env";
import { CatalogEntityListSchema } from "../../../workers/dcl/catalog/entities";
import { LineageGraphSchema } from "../../../workers/dcl/catalog/lineage";
import { RowLineageSchema } from "../../../workers/dcl/catalog/row-lineage";
import { CatalogSourceListSchema } from "../../../workers/dcl/catalog/sources";
import type { CatalogStore } from "../../../workers/dcl/catalog/store";
import { bearer, signUp } from "../../helpers/auth";
import { tenantWithCatalog } from "../../helpers/catalog";
import { type DclStoreUnderTest, viewRowsIn } from "../../helpers/dcl-store";
import { call } from "../../helpers/http";

const JAN = "2026-01-01T00:00:00.000Z";
const FEB = "2026-02-01T00:00:00.000Z";

export function describeCatalogStore(name: string, under: () => DclStoreUnderTest): void {
  describe(`catalog on ${name}`, async () => {
    const { env } = under();
    // two tenants with the same catalog in one store: each must count its own only
    const a = await tenantWithCatalog(env);
    const b = await tenantWithCatalog(env);
    const read = <T>(tenantId: string, work: (catalog: CatalogStore) => Promise<T>) => withCatalogStore(env, tenantId, work);
    /** the tenant's tombstoned account (A-1, upserted then deleted) */
    const tombstoneOf = async (tenantId: string) => (await viewRowsIn(env, tenantId, "account")).find((r) => r.source_id === "A-1")!.id as string;

    it("counts the stream per source object and mapping version, with the latest emission time", async () => {
      const objects = await read(a.tenantId, (c) => c.streamObjects());
      const on = { connectionId: a.connection.id, system: "filesource" };
      expect(objects.sort((x, y) => x.mappingVersion.localeCompare(y.mappingVersion))).toEqual([
        { ...on, object: "companies", entity: "account", mappingVersion: "filesource/companies@1#aaaaaaaaaaaa", events: 2, lastEventAt: JAN },
        { ...on, object: "companies", entity: "account", mappingVersion: "filesource/companies@2#bbbbbbbbbbbb", events: 2, lastEventAt: FEB },
        { ...on, object: "people", entity: "contact", mappingVersion: "filesource/people@1#cccccccccccc", events: 4, lastEventAt: JAN },
      ]);
    });

    it("counts each view's live and tombstoned rows", async () => {
      expect(await read(a.tenantId, (c) => c.viewRowCounts())).toEqual({
        account: { live: 2, tombstoned: 1 },
        opportunity: { live: 0, tombstoned: 0 },
        contact: { live: 4, tombstoned: 0 },
        cost: { live: 0, tombstoned: 0 },
      });
    });

    it("reads quarantine (not replayed) and connections from D1", async () => {
      expect(await read(a.tenantId, (c) => c.heldBack())).toEqual([{ connectionId: a.connection.id, system: "filesource", object: "people", quarantined: 2 }]);
      expect(await read(a.tenantId, (c) => c.connections())).toEqual([{ id: a.connection.id, name: "crm", system: "filesource", status: "active" }]);
    });

    it("traces a view row to its sources and its events in seq order, ignoring unknown event ids", async () => {
      const id = await tombstoneOf(a.tenantId);
      const trail = await read(a.tenantId, (c) => c.rowTrail("account", id));
      expect(trail).toMatchObject({ id, deleted: true, sources: [{ connection_id: a.connection.id, object: "companies", record_id: "A-1" }] });
      const events = await read(a.tenantId, (c) => c.eventsById([...[...trail!.lineage].reverse(), "evt_unknown"]));
      expect(events.map((e) => [e.recordId, e.op, e.mappingVersion, e.emittedAt])).toEqual([
        ["A-1", "upsert", "filesource/companies@1#aaaaaaaaaaaa", JAN],
        ["A-1", "delete", "filesource/companies@2#bbbbbbbbbbbb", FEB],
      ]);
      expect(events[0]!.seq).toBeLessThan(events[1]!.seq);
      expect(trail!.lastSeq).toBe(events[1]!.seq);
      expect(await read(a.tenantId, (c) => c.rowTrail("account", "acc_missing"))).toBeUndefined();
      expect(await read(a.tenantId, (c) => c.eventsById([]))).toEqual([]);
    });

    it("never reaches another tenant's events, rows, quarantine or connections", async () => {
      const aRow = await tombstoneOf(a.tenantId);
      const aEventIds = a.events.map((e) => e.meta.event_id);
      expect(await read(b.tenantId, (c) => c.rowTrail("account", aRow))).toBeUndefined();
      expect(await read(b.tenantId, (c) => c.eventsById(aEventIds))).toEqual([]);
      expect(await read(a.tenantId, (c) => c.eventsById(aEventIds))).toHaveLength(aEventIds.length);
      expect((await read(b.tenantId, (c) => c.connections())).map((c) => c.id)).toEqual([b.connection.id]);
      const empty = (await signUp()).tenantId;
      expect(await read(empty, (c) => c.streamObjects())).toEqual([]);
      expect(await read(empty, (c) => c.heldBack())).toEqual([]);
      expect(await read(empty, (c) => c.connections())).toEqual([]);
      expect(Object.values(await read(empty, (c) => c.viewRowCounts()))).toEqual(EntityNameSchema.options.map(() => ({ live: 0, tombstoned: 0 })));
    });

    it("is what the catalog routes read under the env", async () => {
      const get = async (path: string) => {
        const res = await call(path, { headers: a.auth, env });
        expect(res.status, await res.clone().text()).toBe(200);
        return res.json();
      };
      const entities = CatalogEntityListSchema.parse(await get("/api/v1/dcl/catalog/entities"));
      expect(entities.items.map((e) => e.rows)).toEqual([{ live: 2, tombstoned: 1 }, { live: 0, tombstoned: 0 }, { live: 4, tombstoned: 0 }, { live: 0, tombstoned: 0 }]);
      const sources = CatalogSourceListSchema.parse(await get("/api/v1/dcl/catalog/sources"));
      expect(sources.items.map((s) => [s.id, s.objects.map((o) => [o.object, o.events, o.quarantined])])).toEqual([
        [a.connection.id, [["companies", 4, 0], ["people", 4, 2]]],
      ]);
      expect(sources.relationships).toEqual([expect.objectContaining({ from: expect.objectContaining({ object: "people", field: "account_id" }), matched: 4 })]);
      const graph = LineageGraphSchema.parse(await get("/api/v1/dcl/catalog/lineage"));
      expect(graph.links).toContainEqual({ source: "entity:account", target: "view:accounts", value: 3 });
      expect(graph.links).toHaveLength(7);
      const lineage = RowLineageSchema.parse(await get(`/api/v1/dcl/catalog/lineage/account/${await tombstoneOf(a.tenantId)}`));
      expect(lineage.events.map((e) => e.op)).toEqual(["upsert", "delete"]);
      // and B, with the same kind of catalog, is not shown A's row
      expect((await call(`/api/v1/dcl/catalog/lineage/account/${lineage.id}`, { headers: b.auth, env })).status).toBe(404);
    });
  });
}
