/**
 * The messages the pipeline's queues carry, validated on both ends:
 *   SYNC_QUEUE       SyncJob        read one page of a connection's object, then enqueue the next page's job
 *                    ReconcileJob   check one page of an object's live record ids against the source, same way
 *   RAW_QUEUE        RawBatch       map + validate a page of raw records into canonical events
 *   CANONICAL_QUEUE  CanonicalBatch hand new canonical events to the DCL
 * Every message carries the tenant (consumers scope all work by it), the run it belongs to and the trace id.
 */
import { z } from "@hono/zod-openapi";
import { EntityNameSchema, SourceSystemSchema } from "../../canonical/names";
import { RawRecordSchema, RejectedRowSchema } from "../connectors/connector";

const Envelope = {
  tenant_id: z.string().min(1),
  connection_id: z.string().min(1),
  run_id: z.string().min(1),
  trace_id: z.string().min(1),
};

/**
 * A job that waits for its source's API quota (sync-deferral.ts) carries when it first had to: a job whose source
 * stays over quota is not re-sent forever. A job that read something starts its successor without it.
 */
const Deferral = { deferred_since: z.iso.datetime().optional() };

export const SyncJobSchema = z.object({
  ...Envelope,
  ...Deferral,
  object: z.string().min(1),
  /** where to continue reading; null starts from the beginning */
  cursor: z.string().nullable(),
  /** the canonical entity the object maps to, when the caller chose it (file uploads) */
  entity: EntityNameSchema.optional(),
});
export type SyncJob = z.infer<typeof SyncJobSchema>;

/** Id reconciliation (reconcile-step.ts): deletes for sources that keep no tombstones, one page of ids per job. */
export const ReconcileJobSchema = z.object({
  ...Envelope,
  ...Deferral,
  step: z.literal("reconcile"),
  object: z.string().min(1),
  /** the record id the page continues after (the store's keyset); null starts from the first */
  after: z.string().nullable(),
  /** a person confirmed that most of the object may be gone: no mass-delete guard (mass-delete-guard.ts) */
  force: z.boolean().optional(),
});
export type ReconcileJob = z.infer<typeof ReconcileJobSchema>;

/** What SYNC_QUEUE carries: a reconcile job says so (`step`), anything else is read as a sync job. */
export const SyncQueueMessageSchema = z.union([ReconcileJobSchema, SyncJobSchema]);

export const RawBatchSchema = z.object({
  ...Envelope,
  system: SourceSystemSchema,
  object: z.string().min(1),
  entity: EntityNameSchema.optional(),
  /**
   * Stable id of this batch within its run (e.g. the page's cursor), so even a batch the reader enqueued twice is
   * counted once; when absent, the queue message id (stable across redeliveries) is used.
   */
  batch_id: z.string().min(1).optional(),
  records: z.array(RawRecordSchema),
  /** rows the connector could not even parse: quarantined as they are */
  rejects: z.array(RejectedRowSchema).default([]),
});
export type RawBatch = z.infer<typeof RawBatchSchema>;

export const CanonicalBatchSchema = z.object({
  tenant_id: z.string().min(1),
  trace_id: z.string().min(1),
  /** stream positions (canonical_events.seq) of the events appended by one normalize step */
  seqs: z.array(z.number().int().positive()).min(1),
});
export type CanonicalBatch = z.infer<typeof CanonicalBatchSchema>;
