/**
 * The CatalogStore when DCL_STORE = "neon": the stream and the views are read from Postgres, every statement scoped
 * by `forPgTenant` (counts computed by the database, GROUP BY); quarantine and connections stay in D1 and are read
 * by the D1 store's own queries. Postgres binds up to 65,535 parameters, so the event id list needs no chunking.
 */
import { asc, count, eq, inArray, max } from "drizzle-orm";
import type { TenantScope } from "../../platform/db";
import { pgSchema } from "../../platform/db/pg";
import type { PgTenantScope } from "../../platform/db/pg-scope";
import { VIEW_TABLES } from "../materialize/neon-view-store";
import { d1SourceCatalog } from "./d1-catalog-store";
import { viewRowCounts } from "./row-counts";
import type { CatalogStore, StreamCatalog } from "./store";

const { canonicalEvents } = pgSchema;

/** `pg` and `d1` are the same tenant's scopes (for-env.ts makes both from the caller's tenant). */
export function neonCatalogStore(pg: PgTenantScope, d1: TenantScope): CatalogStore {
  return { ...neonStreamCatalog(pg), ...d1SourceCatalog(d1) };
}

function neonStreamCatalog(scope: PgTenantScope): StreamCatalog {
  const { db } = scope;
  const e = canonicalEvents;
  return {
    streamObjects: async () => {
      const rows = await db
        .select({ connectionId: e.connectionId, system: e.system, object: e.object, entity: e.entity, mappingVersion: e.mappingVersion, events: count(), lastEventAt: max(e.emittedAt) })
        .from(e)
        .where(scope.where(e))
        .groupBy(e.connectionId, e.system, e.object, e.entity, e.mappingVersion);
      // max() over a non-empty group is never null
      return rows.map((r) => ({ ...r, lastEventAt: r.lastEventAt! }));
    },
    viewRowCounts: () =>
      viewRowCounts((entity) => {
        const table = VIEW_TABLES[entity];
        return db.select({ deleted: table.deleted, n: count() }).from(table).where(scope.where(table)).groupBy(table.deleted);
      }),
    rowTrail: async (entity, id) => {
      const table = VIEW_TABLES[entity];
      const [row] = await db
        .select({ id: table.id, deleted: table.deleted, sources: table.sources, lineage: table.lineage, lastSeq: table.lastSeq })
        .from(table)
        .where(scope.where(table, eq(table.id, id)));
      return row;
    },
    eventsById: (eventIds) =>
      db
        .select({
          seq: e.seq,
          eventId: e.eventId,
          connectionId: e.connectionId,
          system: e.system,
          object: e.object,
          recordId: e.recordId,
          op: e.op,
          mappingVersion: e.mappingVersion,
          emittedAt: e.emittedAt,
          runId: e.runId,
        })
        .from(e)
        .where(scope.where(e, inArray(e.eventId, eventIds)))
        .orderBy(asc(e.seq)),
  };
}
