/**
 * The canonical stream as the pipeline and the DCL need it, whatever holds it (D1 by default, Neon Postgres when
 * DCL_STORE = "neon"; for-env.ts picks). Every call is scoped to one tenant: no read or append reaches another's.
 */
import type { CanonicalEvent } from "../../canonical/event";
import type { EntityName } from "../../canonical/names";

export interface BatchToAppend {
  runId: string;
  batchId: string;
  events: CanonicalEvent[];
}

export interface BatchAppended {
  /** stream positions of the events the batch added, ascending (events already in the stream add none) */
  seqs: number[];
  /** events of the batch that were already in the stream, as the first delivery found them */
  duplicates: number;
  /** false for a redelivery of a (run, batch) appended before: nothing was added, `seqs` are the first delivery's */
  firstDelivery: boolean;
}

/** Conditions AND-ed together; none means the tenant's whole stream. */
export interface StreamFilter {
  /** exactly these positions (a CanonicalBatch's seqs) */
  seqs?: number[];
  /** the position a page continues after */
  after?: number;
  entity?: EntityName;
  connection_id?: string;
}

export interface StreamEvent {
  seq: number;
  event: CanonicalEvent;
}

/** One source object's records, paged by record id (keyset: continue after the last id of the previous page). */
export interface LiveRecordsQuery {
  connection_id: string;
  object: string;
  /** the record id a page continues after; absent for the first page */
  after?: string;
  limit: number;
}

/** A live source record: its id, and the event id of its latest upsert (what a delete of it ends). */
export interface LiveRecord {
  record_id: string;
  event_id: string;
}

export interface StreamStore {
  /**
   * Appends a batch's events in one transaction, idempotent per (run, batch) and deduplicated by event id (ids
   * are deterministic per source change, so re-reads are duplicates).
   */
  appendBatch(tenantId: string, batch: BatchToAppend): Promise<BatchAppended>;
  /** Up to `limit` of the tenant's events matching the filter, in seq order. */
  readEvents(tenantId: string, filter: StreamFilter, limit: number): Promise<StreamEvent[]>;
  /**
   * Up to `limit` records of the object whose latest event is an upsert (live, as far as the stream knows), by
   * record id ascending in the store's own text order: id reconciliation asks the source which of them still exist.
   */
  liveRecords(tenantId: string, query: LiveRecordsQuery): Promise<LiveRecord[]>;
}
