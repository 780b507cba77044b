/**
 * Everything the materializer, rebuild and relationship inference read or write, as one small interface with no
 * SQL in it: the D1 implementation is d1-view-store.ts; a Postgres one implements the same methods. Every method
 * is scoped to the store's tenant.
 */
import type { CanonicalEvent } from "../../canonical/event";
import type { EntityName } from "../../canonical/names";
import type {
  DclRecordRow,
  MaterializedAccountRow,
  MaterializedContactRow,
  MaterializedCostRow,
  MaterializedOpportunityRow,
} from "../../platform/db/schema";

/** A canonical event at its stream position. */
export interface StoredEvent {
  seq: number;
  event: CanonicalEvent;
}

/** The materializer's state of one source record (see dcl_records). */
export type SourceRecord = Omit<DclRecordRow, "tenantId">;

export interface ViewRows {
  account: Omit<MaterializedAccountRow, "tenantId">;
  opportunity: Omit<MaterializedOpportunityRow, "tenantId">;
  contact: Omit<MaterializedContactRow, "tenantId">;
  cost: Omit<MaterializedCostRow, "tenantId">;
}
export type ViewRow<E extends EntityName = EntityName> = ViewRows[E];

/** One atomic write of a materialization step's outcome. */
export interface ViewCommit {
  /** account records whose unified account changed */
  assignments: { recordKey: string; unifiedId: string }[];
  upserts: { [E in EntityName]: ViewRow<E>[] };
  /** rows whose id no longer exists (accounts merged into another cluster) */
  removals: { [E in EntityName]: string[] };
}

export interface ViewStore {
  readonly tenantId: string;
  /** the tenant's events at these seqs (others' seqs are simply not found) */
  eventsAt(seqs: number[]): Promise<StoredEvent[]>;
  /** the tenant's events after `seq`, in seq order */
  eventsAfter(seq: number, limit: number): Promise<StoredEvent[]>;
  records(recordKeys: string[]): Promise<SourceRecord[]>;
  /** inserts or replaces the records, re-indexing account records under their link keys */
  saveRecords(records: SourceRecord[], previous: Map<string, SourceRecord>): Promise<void>;
  /** account records indexed under any of the keys */
  accountsWithLinkKeys(linkKeys: string[]): Promise<SourceRecord[]>;
  /** account records currently part of these unified accounts */
  accountsInClusters(unifiedIds: string[]): Promise<SourceRecord[]>;
  /** account records of a connection with these record ids */
  accountsByRecordId(connectionId: string, recordIds: string[]): Promise<SourceRecord[]>;
  /** opportunity and contact records of a connection whose source account id is one of these */
  referencing(connectionId: string, accountRecordIds: string[]): Promise<SourceRecord[]>;
  /** every record of these entities (relationship inference) */
  recordsOf(entities: EntityName[]): Promise<SourceRecord[]>;
  rows<E extends EntityName>(entity: E, ids: string[]): Promise<ViewRow<E>[]>;
  commit(commit: ViewCommit): Promise<void>;
  /** view rows per entity */
  countRows(): Promise<Record<EntityName, number>>;
  /** forgets the tenant's views and materializer state (rebuild starts from here) */
  clear(): Promise<void>;
}
