/**
 * The agents plane's runs (D1, drizzle sqlite-core): each pilot run, the findings runs produce (deduplicated by
 * fingerprint across runs), and each tenant's per-agent schedule settings. Row types are inferred, never declared.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { AgentName } from "../../aoa/runs/agent-name";
import type { FindingDraft } from "../../aoa/runs/finding";
import type { Problem } from "../../gateway/problem";
import { createdAt, tenantId, timestamp } from "./schema";

/** A problem (RFC 9457) without the request parts: what failed, stored on the run. */
export type StoredProblem = Pick<Problem, "type" | "title" | "status" | "detail">;

/** One run of a pilot. At most one runs at a time per tenant and agent (the partial unique index). */
export const aoaRuns = sqliteTable(
  "aoa_runs",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    agent: text("agent").$type<AgentName>().notNull(),
    trigger: text("trigger", { enum: ["manual", "schedule"] }).notNull(),
    status: text("status", { enum: ["running", "succeeded", "failed"] }).notNull().default("running"),
    /** who started it: a user or API key id, or `cron` */
    actor: text("actor").notNull(),
    /** findings the run produced, of which first seen, and open findings it no longer produced (resolved) */
    findings: integer("findings").notNull().default(0),
    findingsNew: integer("findings_new").notNull().default(0),
    findingsResolved: integer("findings_resolved").notNull().default(0),
    /** actions submitted through the Write API, and proposals whose submission failed */
    actions: integer("actions").notNull().default(0),
    actionsFailed: integer("actions_failed").notNull().default(0),
    actionIds: text("action_ids", { mode: "json" }).$type<string[]>().notNull().default([]),
    actionErrors: text("action_errors", { mode: "json" })
      .$type<{ type: string; idempotency_key: string; error: StoredProblem }[]>()
      .notNull()
      .default([]),
    /** the pilot's own outputs (forecast, backtest, evaluation…), as its schema describes them */
    outputs: text("outputs", { mode: "json" }).$type<unknown>(),
    summary: text("summary"),
    /** which narrator wrote the summary */
    summarySource: text("summary_source", { enum: ["gemini", "text"] }),
    error: text("error", { mode: "json" }).$type<StoredProblem>(),
    traceId: text("trace_id").notNull(),
    createdAt: createdAt(),
    finishedAt: text("finished_at"),
  },
  (t) => [
    index("aoa_runs_tenant_agent_idx").on(t.tenantId, t.agent, t.createdAt),
    uniqueIndex("aoa_runs_one_running_idx").on(t.tenantId, t.agent).where(sql`status = 'running'`),
  ],
);

/**
 * What agents found. `fingerprint` identifies "the same finding" across runs: at most one open or dismissed finding
 * per fingerprint (the partial unique index); resolved ones are history, and a recurrence opens a new finding.
 */
export const aoaFindings = sqliteTable(
  "aoa_findings",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    agent: text("agent").$type<AgentName>().notNull(),
    /** the last run that produced it */
    runId: text("run_id").notNull(),
    kind: text("kind").notNull(),
    severity: text("severity").$type<FindingDraft["severity"]>().notNull(),
    subject: text("subject", { mode: "json" }).$type<NonNullable<FindingDraft["subject"]>>(),
    title: text("title").notNull(),
    explanation: text("explanation", { mode: "json" }).$type<FindingDraft["explanation"]>().notNull(),
    metrics: text("metrics", { mode: "json" }).$type<FindingDraft["metrics"]>().notNull(),
    fingerprint: text("fingerprint").notNull(),
    status: text("status", { enum: ["open", "dismissed", "resolved"] }).notNull().default("open"),
    firstSeenAt: text("first_seen_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("aoa_findings_tenant_created_idx").on(t.tenantId, t.createdAt),
    uniqueIndex("aoa_findings_current_idx").on(t.tenantId, t.agent, t.fingerprint).where(sql`status <> 'resolved'`),
  ],
);

/** A tenant's choices per agent; without a row the agent runs on the default schedule. */
export const aoaAgentSettings = sqliteTable(
  "aoa_agent_settings",
  {
    tenantId: tenantId(),
    agent: text("agent").$type<AgentName>().notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull(),
    intervalMinutes: integer("interval_minutes").notNull(),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.agent] })],
);

export type AoaRunRow = typeof aoaRuns.$inferSelect;
export type AoaFindingRow = typeof aoaFindings.$inferSelect;
export type AoaAgentSettingsRow = typeof aoaAgentSettings.$inferSelect;
