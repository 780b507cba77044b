/**
 * What the catalog reads, as a few aggregate queries (GROUP BY) with no SQL in the interface: the D1
 * implementation is d1-catalog-store.ts, the Postgres one neon-catalog-store.ts (for-env.ts picks). Every method is
 * scoped to the store's tenant.
 */
import type { EntityName } from "../../canonical/names";
import type { CanonicalEventRow, ConnectionRow, QuarantineRow } from "../../platform/db/schema";
import type { ViewRow } from "../materialize/store";

/** Events of the stream per source object and mapping version. */
export type StreamObjectCount = Pick<CanonicalEventRow, "connectionId" | "system" | "object" | "entity" | "mappingVersion"> & {
  events: number;
  /** the latest emitted_at among them */
  lastEventAt: string;
};

/** Records held back in quarantine (open or discarded: not replayed into the stream) per source object. */
export type HeldBackCount = Pick<QuarantineRow, "connectionId" | "system" | "object"> & { quarantined: number };

export interface RowCounts {
  live: number;
  tombstoned: number;
}

export type ConnectionSummary = Pick<ConnectionRow, "id" | "name" | "system" | "status">;

/** One event that contributed to a view row. */
export type ContributingEvent = Pick<
  CanonicalEventRow,
  "seq" | "eventId" | "connectionId" | "system" | "object" | "recordId" | "op" | "mappingVersion" | "emittedAt" | "runId"
>;

export type RowTrail = Pick<ViewRow, "id" | "deleted" | "sources" | "lineage" | "lastSeq">;

/** The reads of the canonical stream and the views: D1 or Postgres, wherever DCL_STORE keeps them. */
export interface StreamCatalog {
  streamObjects(): Promise<StreamObjectCount[]>;
  viewRowCounts(): Promise<Record<EntityName, RowCounts>>;
  /** a view row's id, tombstone flag, sources and lineage (event ids); undefined when the tenant has no such row */
  rowTrail(entity: EntityName, id: string): Promise<RowTrail | undefined>;
  /** the tenant's events with these ids, in seq order */
  eventsById(eventIds: string[]): Promise<ContributingEvent[]>;
}

/** The reads of quarantine and connections, which stay in D1 whatever DCL_STORE says. */
export interface SourceCatalog {
  heldBack(): Promise<HeldBackCount[]>;
  connections(): Promise<ConnectionSummary[]>;
}

export interface CatalogStore extends StreamCatalog, SourceCatalog {}
