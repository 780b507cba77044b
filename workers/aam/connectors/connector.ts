/**
 * The one interface every connector implements (Salesforce, Supabase, MongoDB, FileSource…). The pipeline only
 * talks to sources through it: check credentials, discover what exists, read incrementally from a resumable
 * cursor, and write changes back.
 */
import { z } from "@hono/zod-openapi";
import { EntityNameSchema, type SourceSystem } from "../../canonical/names";
import { SourceStateSchema } from "./source-state";

/** Field types as discovered or inferred, widening null < boolean < integer < number < string (Airbyte's order). */
export const FieldTypeSchema = z
  .enum(["null", "boolean", "integer", "number", "string", "date", "datetime", "object", "array"])
  .openapi("FieldType");
export type FieldType = z.infer<typeof FieldTypeSchema>;

export const DiscoveredFieldSchema = z
  .object({
    name: z.string().min(1),
    label: z.string(),
    type: FieldTypeSchema,
    nullable: z.boolean(),
    sample_values: z.array(z.unknown()).max(5),
    /** the share of sampled records holding the field, where the source is sampled (document stores) */
    frequency: z.number().min(0).max(1).optional(),
    /** a field the source's customer added (Salesforce `__c`), where the source tells */
    custom: z.boolean().optional(),
    /** the objects a reference (foreign key) field points to, where the source tells */
    reference_to: z.array(z.string()).optional(),
    /** the allowed values of a picklist/enum field, where the source tells */
    picklist_values: z.array(z.string()).optional(),
  })
  .openapi("DiscoveredField");
export type DiscoveredField = z.infer<typeof DiscoveredFieldSchema>;

export const DiscoveredObjectSchema = z
  .object({
    /** the source's object, table, collection or file name */
    object: z.string().min(1),
    label: z.string(),
    fields: z.array(DiscoveredFieldSchema),
    /** the canonical entity chosen for the object where the source records one (a file's upload `entity`) */
    entity: EntityNameSchema.optional(),
  })
  .openapi("DiscoveredObject");
export type DiscoveredObject = z.infer<typeof DiscoveredObjectSchema>;

/** One record as the source gave it, before any mapping. */
export const RawRecordSchema = z.object({
  /** the source's id for the record (or, for files, a stable id derived from the row) */
  record_id: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
  /** the source position this record came from (carried into the canonical event's source.cursor) */
  cursor: z.string(),
  /** 1-based line of the record's first line, for file sources: quarantine reports it */
  line: z.number().int().positive().optional(),
  /** `delete`: the source deleted the record (tombstone, IsDeleted, or gone at id reconciliation); absent: upsert */
  op: z.enum(["upsert", "delete"]).optional(),
});
export type RawRecord = z.infer<typeof RawRecordSchema>;

/** A row a source could not turn into a record (ragged CSV row, bad JSON line): quarantined, never fatal. */
export const RejectedRowSchema = z.object({
  /** 1-based line where the row starts */
  line: z.number().int().positive(),
  reason: z.string().min(1),
  /** the row as it appeared in the source, truncated to a bounded size */
  raw: z.string(),
});
export type RejectedRow = z.infer<typeof RejectedRowSchema>;

export interface ReadPage {
  records: RawRecord[];
  /** rows of this page that could not be read as records (file sources); absent when the source has none */
  rejects?: RejectedRow[];
  /** where the next read continues; null once the object is exhausted for now */
  next_cursor: string | null;
  /**
   * with `next_cursor` null: where the next sync of the object starts, when the source knows better than this
   * page's own cursor (the default) — e.g. after the last record, moved back by a lookback
   */
  resume_cursor?: string;
  /** backfill progress where the source can tell (bytes of a file, rows of a table) */
  progress?: { done: number; total?: number; unit: string };
}

export const WriteChangeSchema = z
  .object({
    object: z.string().min(1),
    op: z.enum(["upsert", "delete"]),
    record_id: z.string().min(1).optional(),
    data: z.record(z.string(), z.unknown()),
    /** sources that support it get this as their own idempotency key; others dedupe on it in the Write API */
    idempotency_key: z.string().min(1),
  })
  .openapi("WriteChange");
export type WriteChange = z.infer<typeof WriteChangeSchema>;

export interface WriteResult {
  record_id: string;
  status: "created" | "updated" | "deleted";
}

export const HealthCheckSchema = z
  .object({
    ok: z.boolean(),
    state: SourceStateSchema,
    latency_ms: z.number().nonnegative(),
    detail: z.string().optional(),
  })
  .openapi("HealthCheck");
export type HealthCheck = z.infer<typeof HealthCheckSchema>;

export interface Connector {
  readonly system: SourceSystem;
  /** credentials and reachability */
  check(): Promise<HealthCheck>;
  /** objects with their fields (name, label, type, sample values) */
  discover(): Promise<DiscoveredObject[]>;
  /** one page of `object` from `cursor` (null: from the beginning) */
  read(object: string, cursor: string | null): Promise<ReadPage>;
  /** write-back */
  write(change: WriteChange): Promise<WriteResult>;
  /**
   * Deletes for sources that keep no tombstones (PostgREST, MongoDB): which of `recordIds` (at most
   * EXISTING_BATCH of one object) still exist. The pipeline's id reconciliation turns the others into deletes.
   * Absent where the source reports deletes itself (Salesforce queryAll, files).
   */
  existing?(object: string, recordIds: string[]): Promise<Set<string>>;
}

/** The most ids one `existing` call is asked about: small enough for a URL (`id=in.(…)`) and one round trip. */
export const EXISTING_BATCH = 100;
