/** A pilot run as the API serves it: the list shows the summary; one run adds the pilot's outputs. */
import { z } from "@hono/zod-openapi";
import { ProblemError, problemKinds, PROBLEM_TYPE_BASE, ProblemSchema } from "../../gateway/problem";
import { aoaRuns, type AoaRunRow, type StoredProblem } from "../../platform/db/aoa-runs-schema";
import { AgentNameSchema } from "./agent-name";

export const RunStatusSchema = z.enum(aoaRuns.status.enumValues).openapi("AgentRunStatus");
export const RunTriggerSchema = z.enum(aoaRuns.trigger.enumValues).openapi("AgentRunTrigger");
export type RunTrigger = z.infer<typeof RunTriggerSchema>;

const StoredProblemSchema = ProblemSchema.pick({ type: true, title: true, status: true, detail: true }).openapi("AgentRunProblem");

export const RunSummarySchema = z
  .object({
    id: z.string().openapi({ example: "arn_5d41402abc4b2a76b9719d91" }),
    agent: AgentNameSchema,
    trigger: RunTriggerSchema,
    status: RunStatusSchema,
    actor: z.string().openapi({ description: "The user or API key that started it, or `cron`" }),
    counts: z.object({
      findings: z.number().int().openapi({ description: "Findings the run produced" }),
      findings_new: z.number().int().openapi({ description: "Of those, first seen in this run" }),
      findings_resolved: z.number().int().openapi({ description: "Open findings the run no longer produced" }),
      actions: z.number().int().openapi({ description: "Actions submitted through the Write API" }),
      actions_failed: z.number().int().openapi({ description: "Proposed actions whose submission failed" }),
    }),
    action_ids: z.array(z.string()),
    action_errors: z.array(z.object({ type: z.string(), idempotency_key: z.string(), error: StoredProblemSchema })),
    summary: z.string().nullable().openapi({ description: "The narrative summary; null while running or after a failure" }),
    summary_source: z.enum(["gemini", "text"]).nullable().openapi({ description: "Who wrote it: Gemini, or the deterministic narrator" }),
    error: StoredProblemSchema.nullable().openapi({ description: "Why the run failed" }),
    trace_id: z.string(),
    started_at: z.string(),
    finished_at: z.string().nullable(),
  })
  .openapi("AgentRunSummary");

export const RunSchema = RunSummarySchema.extend({
  outputs: z.unknown().openapi({ description: "The pilot's own outputs (e.g. the forecast and backtest, or the anomaly evaluation)" }),
}).openapi("AgentRun");
export type Run = z.infer<typeof RunSchema>;

export const runSummaryOf = (row: AoaRunRow): z.infer<typeof RunSummarySchema> => ({
  id: row.id,
  agent: row.agent,
  trigger: row.trigger,
  status: row.status,
  actor: row.actor,
  counts: {
    findings: row.findings,
    findings_new: row.findingsNew,
    findings_resolved: row.findingsResolved,
    actions: row.actions,
    actions_failed: row.actionsFailed,
  },
  action_ids: row.actionIds,
  action_errors: row.actionErrors,
  summary: row.summary,
  summary_source: row.summarySource,
  error: row.error,
  trace_id: row.traceId,
  started_at: row.createdAt,
  finished_at: row.finishedAt,
});

export const runOf = (row: AoaRunRow): Run => ({ ...runSummaryOf(row), outputs: row.outputs ?? null });

/** Any error as the problem stored with a run: a ProblemError keeps its kind, anything else is internal. */
export function storedProblem(err: unknown): StoredProblem {
  const kind = err instanceof ProblemError ? err.kind : "internal";
  const detail = err instanceof Error ? err.message : String(err);
  return { type: PROBLEM_TYPE_BASE + kind, title: problemKinds[kind].title, status: problemKinds[kind].status, detail };
}
