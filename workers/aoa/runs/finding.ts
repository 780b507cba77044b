/**
 * Findings: what a pilot returns (a draft) and what the platform stores and serves (the draft plus its identity,
 * the run that last produced it and its lifecycle). Pilots import the draft type from here.
 */
import { z } from "@hono/zod-openapi";
import type { AoaFindingRow } from "../../platform/db/aoa-runs-schema";
import { AgentNameSchema } from "./agent-name";

export const FindingSeveritySchema = z.enum(["info", "low", "medium", "high"]).openapi("FindingSeverity");

export const FindingDraftSchema = z.object({
  kind: z.string(), // "deal_risk" | "deal_score" | "pipeline_health" | "forecast" | "cost_anomaly" ...
  severity: FindingSeveritySchema,
  // a view row (entity "opportunity", id = view row id) or e.g. {entity:"cost", id:"<service>|<sub_account>"}
  subject: z.object({ entity: z.string(), id: z.string(), name: z.string().nullable() }).nullable(),
  title: z.string(), // one line, human
  explanation: z.array(z.object({ factor: z.string(), value: z.unknown(), effect: z.number(), detail: z.string() })), // why: each factor's contribution
  metrics: z.record(z.string(), z.unknown()),
  fingerprint: z.string(), // stable identity of "the same finding" across runs (dedupe)
});
export type FindingDraft = z.infer<typeof FindingDraftSchema>;

/** open: current; resolved: a later run no longer produced it; dismissed: a person set it aside (it stays so). */
export const FindingStatusSchema = z.enum(["open", "dismissed", "resolved"]).openapi("FindingStatus");
export type FindingStatus = z.infer<typeof FindingStatusSchema>;

export const FindingSchema = FindingDraftSchema.extend({
  id: z.string(),
  agent: AgentNameSchema,
  run_id: z.string().openapi({ description: "The last run that produced it" }),
  status: FindingStatusSchema,
  first_seen_at: z.string(),
  last_seen_at: z.string(),
  created_at: z.string(),
}).openapi("Finding");
export type Finding = z.infer<typeof FindingSchema>;

export const findingOf = (row: AoaFindingRow): Finding => ({
  id: row.id,
  agent: row.agent,
  run_id: row.runId,
  kind: row.kind,
  severity: row.severity,
  subject: row.subject,
  title: row.title,
  explanation: row.explanation,
  metrics: row.metrics,
  fingerprint: row.fingerprint,
  status: row.status,
  first_seen_at: row.firstSeenAt,
  last_seen_at: row.lastSeenAt,
  created_at: row.createdAt,
});
