/** The CatalogStore on D1: every statement scoped by `forTenant`, counts computed by the database (GROUP BY). */
import { asc, count, eq, inArray, max, ne } from "drizzle-orm";
import { type TenantScope, schema } from "../../platform/db";
import { VIEW_TABLES, inChunks } from "../materialize/d1-view-store";
import { viewRowCounts } from "./row-counts";
import type { CatalogStore, SourceCatalog, StreamCatalog } from "./store";

const { canonicalEvents, quarantine, connections } = schema;

export function d1CatalogStore(scope: TenantScope): CatalogStore {
  return { ...d1StreamCatalog(scope), ...d1SourceCatalog(scope) };
}

/** Quarantine and connections, in D1 whichever store holds the stream (the Neon catalog store reads them here too). */
export function d1SourceCatalog(scope: TenantScope): SourceCatalog {
  const { db } = scope;
  return {
    heldBack: () =>
      db
        .select({ connectionId: quarantine.connectionId, system: quarantine.system, object: quarantine.object, quarantined: count() })
        .from(quarantine)
        .where(scope.where(quarantine, ne(quarantine.status, "replayed")))
        .groupBy(quarantine.connectionId, quarantine.system, quarantine.object),
    connections: () =>
      db
        .select({ id: connections.id, name: connections.name, system: connections.system, status: connections.status })
        .from(connections)
        .where(scope.where(connections))
        .orderBy(asc(connections.createdAt), asc(connections.id)),
  };
}

function d1StreamCatalog(scope: TenantScope): StreamCatalog {
  const { db } = scope;
  return {
    streamObjects: async () => {
      const e = canonicalEvents;
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
    eventsById: async (eventIds) => {
      const e = canonicalEvents;
      const events = await inChunks(eventIds, (chunk) =>
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
          .where(scope.where(e, inArray(e.eventId, chunk))),
      );
      return events.sort((a, b) => a.seq - b.seq);
    },
  };
}
