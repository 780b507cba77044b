/**
 * Runs one pilot for one tenant, manually or on schedule: record the run, let the pilot decide, store its findings
 * (deduplicated across runs), submit the actions it proposes through the Write API, write the narrative, finish
 * the run, and publish it on /live-flow. A pilot that throws fails the run (its error stored as a problem); an
 * action whose submission fails is recorded on the run and the others still go.
 */
import { z } from "@hono/zod-openapi";
import type { Env } from "../../env";
import type { TenantScope } from "../../platform/db";
import type { AoaRunRow } from "../../platform/db/aoa-runs-schema";
import { createLogger, errorFields, logLevel, type Logger } from "../../platform/log";
import { publishLive } from "../../dcl/live/publish";
import { submitAction } from "../actions/submit";
import type { ActionRequest } from "../actions/types";
import { FindingDraftSchema } from "./finding";
import { storeFindings } from "./findings-store";
import { type Narrator, narratorFor } from "./narrative";
import type { Pilot } from "./pilot";
import { type RunTrigger, storedProblem } from "./run";
import { finishRun, type RunOutcome, startRun } from "./runs-store";

export interface RunAgentOptions {
  trigger: RunTrigger;
  /** a user or API key id, or `cron` */
  actor: string;
  now: Date;
  traceId: string;
  /** defaults to the deployment's narrator (Gemini when a key is configured) */
  narrator?: Narrator;
}

const FindingDraftsSchema = z.array(FindingDraftSchema);

type Submitted = Required<Pick<RunOutcome, "actions" | "actionsFailed" | "actionIds" | "actionErrors">>;

async function submitProposed(env: Env, scope: TenantScope, pilot: Pilot, requests: ActionRequest[], traceId: string, log: Logger): Promise<Submitted> {
  const submitted: Submitted = { actions: 0, actionsFailed: 0, actionIds: [], actionErrors: [] };
  for (const request of requests) {
    try {
      const outcome = await submitAction(env, scope, request, { type: "agent", id: pilot.name }, { dryRun: false, traceId });
      // not a dry run, so always the stored action (a replay of the same idempotency key is the same action)
      if (!outcome.dry_run) {
        submitted.actions += 1;
        submitted.actionIds.push(outcome.action.id);
      }
    } catch (err) {
      log.warn("agent action submission failed", { action_type: request.type, idempotency_key: request.idempotency_key, ...errorFields(err) });
      submitted.actionsFailed += 1;
      submitted.actionErrors.push({ type: request.type, idempotency_key: request.idempotency_key, error: storedProblem(err) });
    }
  }
  return submitted;
}

/** Runs the pilot to the end and returns the finished run; throws only when the run cannot start (409 if one is running). */
export async function runAgent(env: Env, scope: TenantScope, pilot: Pilot, options: RunAgentOptions): Promise<AoaRunRow> {
  const { now, traceId } = options;
  const run = await startRun(scope, { agent: pilot.name, trigger: options.trigger, actor: options.actor, traceId, now });
  const log = createLogger({ tenant_id: scope.tenantId, agent: pilot.name, run_id: run.id, trace_id: traceId }, logLevel(env.LOG_LEVEL));
  let finished: AoaRunRow;
  try {
    const result = await pilot.run({ env, scope, now, traceId });
    const findings = FindingDraftsSchema.parse(result.findings);
    const stored = await storeFindings(scope, run, findings, now);
    const submitted = await submitProposed(env, scope, pilot, result.actions, traceId, log);
    const narrator = options.narrator ?? narratorFor(env, log);
    const narrative = await narrator.narrate({
      agent: pilot,
      facts: result.facts,
      findings,
      counts: { findings: stored.stored, new: stored.new, resolved: stored.resolved, actions: submitted.actions },
    });
    finished = await finishRun(
      scope,
      run.id,
      "succeeded",
      { findings: stored.stored, findingsNew: stored.new, findingsResolved: stored.resolved, ...submitted, outputs: result.outputs, summary: narrative.text, summarySource: narrative.source },
      now,
    );
    log.info("agent run succeeded", { findings: stored.stored, new: stored.new, resolved: stored.resolved, actions: submitted.actions, actions_failed: submitted.actionsFailed });
  } catch (err) {
    log.error("agent run failed", errorFields(err));
    finished = await finishRun(scope, run.id, "failed", { error: storedProblem(err) }, now);
  }
  await publishLive(env, scope.tenantId, {
    "live-flow": [
      {
        stage: "agent",
        agent: pilot.name,
        run_id: finished.id,
        status: finished.status === "succeeded" ? "succeeded" : "failed",
        counts: { findings: finished.findings, actions: finished.actions },
        trace_id: traceId,
        at: finished.finishedAt ?? now.toISOString(),
      },
    ],
  });
  return finished;
}
