/**
 * What the RevOps pilot reads: the tenant's opportunity view rows, each with its history of snapshots from the
 * canonical stream (how stage, close date and amount moved), the account view rows and contact counts per account.
 * Everything the analytics compute is a pure function of this input and the run's `now`.
 */
import { z } from "@hono/zod-openapi";
import { SourceSystemSchema } from "../../canonical/names";
import { OpportunityStatusSchema } from "../../canonical/opportunity";

const Timestamp = z.iso.datetime({ offset: true });
const Day = z.iso.date();

/** One state of an opportunity as a canonical event carried it. */
export const SnapshotSchema = z.object({
  /** the record's updated_at, else the event's emitted time (what the materializer orders events by) */
  at: Timestamp,
  stage: z.string().nullable(),
  close_date: Day.nullable(),
  amount: z.number().nullable(),
  /** percent, as the source gave it */
  probability: z.number().min(0).max(100).nullable(),
  status: OpportunityStatusSchema,
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const RevOpsOpportunitySchema = z.object({
  id: z.string().min(1),
  source_id: z.string(),
  account_id: z.string().nullable(),
  name: z.string(),
  stage: z.string().nullable(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  close_date: Day.nullable(),
  probability: z.number().min(0).max(100).nullable(),
  status: OpportunityStatusSchema,
  owner: z.string().nullable(),
  created_at: Timestamp.nullable(),
  updated_at: Timestamp.nullable(),
  sources: z.array(z.object({ system: SourceSystemSchema, connection_id: z.string(), object: z.string(), record_id: z.string() })),
  history: z.array(SnapshotSchema),
});
export type RevOpsOpportunity = z.infer<typeof RevOpsOpportunitySchema>;

export const RevOpsAccountSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  annual_revenue: z.number().nullable(),
  currency: z.string().nullable(),
});

/** A revenue target for one quarter (`2026-Q3`) in one currency. */
export const QuarterTargetSchema = z.object({
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
  currency: z.string(),
  amount: z.number().nonnegative(),
});

export const RevOpsInputSchema = z.object({
  opportunities: z.array(RevOpsOpportunitySchema),
  accounts: z.array(RevOpsAccountSchema),
  /** live contacts per unified account id */
  contact_counts: z.record(z.string(), z.number().int().nonnegative()),
  /** quarter targets when the tenant has set them; health falls back to trailing won revenue otherwise */
  targets: z.array(QuarterTargetSchema).default([]),
});
export type RevOpsInput = z.input<typeof RevOpsInputSchema>;
export type ParsedRevOpsInput = z.output<typeof RevOpsInputSchema>;
