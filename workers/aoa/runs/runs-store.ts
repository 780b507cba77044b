/**
 * aoa_runs rows, always through the tenant's scope: start (one running run per tenant and agent), finish, fail,
 * get, list (newest first, a page at a time), and each agent's latest run.
 */
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { ProblemError } from "../../gateway/problem";
import { isUniqueViolation, type TenantScope } from "../../platform/db";
import { aoaRuns, type AoaRunRow } from "../../platform/db/aoa-runs-schema";
import { newId } from "../../platform/ids";
import { olderThan, type PagePosition } from "../../aam/pipeline/page-cursor";
import type { AgentName } from "./agent-name";
import { type RunTrigger, storedProblem } from "./run";

/** A run still `running` after this died with its isolate (a run takes seconds): it no longer blocks new runs. */
const STALE_RUN_MS = 30 * 60_000;

type RunInsert = typeof aoaRuns.$inferInsert;

export interface NewRun {
  agent: AgentName;
  trigger: RunTrigger;
  actor: string;
  traceId: string;
  now: Date;
}

/** Inserts a running run; 409 when the agent is already running for the tenant. */
export async function startRun(scope: TenantScope, run: NewRun): Promise<AoaRunRow> {
  const staleBefore = new Date(run.now.getTime() - STALE_RUN_MS).toISOString();
  await scope.update(
    aoaRuns,
    { status: "failed", finishedAt: run.now.toISOString(), error: storedProblem(new Error("The run stopped without finishing")) },
    eq(aoaRuns.agent, run.agent),
    eq(aoaRuns.status, "running"),
    lt(aoaRuns.createdAt, staleBefore),
  );
  const id = newId("arn");
  try {
    await scope.insert(aoaRuns, { id, agent: run.agent, trigger: run.trigger, actor: run.actor, traceId: run.traceId, createdAt: run.now.toISOString() });
  } catch (err) {
    if (isUniqueViolation(err, "aoa_runs.tenant_id, aoa_runs.agent")) throw new ProblemError("conflict", `${run.agent} is already running for this tenant`);
    throw err;
  }
  return requireRun(scope, id);
}

export type RunOutcome = Partial<
  Pick<RunInsert, "findings" | "findingsNew" | "findingsResolved" | "actions" | "actionsFailed" | "actionIds" | "actionErrors" | "outputs" | "summary" | "summarySource" | "error">
>;

/** Ends a running run (succeeded or failed) with what it produced. */
export async function finishRun(scope: TenantScope, id: string, status: "succeeded" | "failed", outcome: RunOutcome, now: Date): Promise<AoaRunRow> {
  await scope.update(aoaRuns, { ...outcome, status, finishedAt: now.toISOString() }, eq(aoaRuns.id, id), eq(aoaRuns.status, "running"));
  return requireRun(scope, id);
}

export async function getRun(scope: TenantScope, id: string): Promise<AoaRunRow | undefined> {
  const [row] = await scope.select(aoaRuns, eq(aoaRuns.id, id));
  return row;
}

/** The tenant's run, or 404 (another tenant's run is not found either). */
export async function requireRun(scope: TenantScope, id: string): Promise<AoaRunRow> {
  const row = await getRun(scope, id);
  if (row === undefined) throw new ProblemError("not-found", `No agent run ${id}`);
  return row;
}

export function listRuns(scope: TenantScope, filter: { agent?: AgentName | undefined }, page: { limit: number; before?: PagePosition | undefined }): Promise<AoaRunRow[]> {
  return scope.db
    .select()
    .from(aoaRuns)
    .where(scope.where(aoaRuns, filter.agent === undefined ? undefined : eq(aoaRuns.agent, filter.agent), olderThan(aoaRuns, page.before)))
    .orderBy(desc(aoaRuns.createdAt), desc(aoaRuns.id))
    .limit(page.limit);
}

/** The agent's newest run, optionally of one trigger only. */
export async function latestRun(scope: TenantScope, agent: AgentName, trigger?: RunTrigger): Promise<AoaRunRow | undefined> {
  const conditions: SQL[] = [eq(aoaRuns.agent, agent)];
  if (trigger !== undefined) conditions.push(eq(aoaRuns.trigger, trigger));
  const [row] = await scope.db
    .select()
    .from(aoaRuns)
    .where(scope.where(aoaRuns, and(...conditions)))
    .orderBy(desc(aoaRuns.createdAt), desc(aoaRuns.id))
    .limit(1);
  return row;
}
