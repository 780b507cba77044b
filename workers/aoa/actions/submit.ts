/**
 * Proposing an action, for the REST route, the agent runner and the MCP server alike: validated, planned, then
 * (unless it is a dry run) stored once per idempotency key and, by the tenant's policy for its type, executed at
 * once or held for approval. The same key with the same request returns the stored action (a replay, nothing runs
 * again); the same key with another request is a 409.
 */
import type { z } from "@hono/zod-openapi";
import { stableJson } from "../../canonical/stable-json";
import type { Env } from "../../env";
import { fieldIssues, ProblemError } from "../../gateway/problem";
import type { TenantScope } from "../../platform/db";
import type { AoaActionRow } from "../../platform/db/aoa-actions-schema";
import { sha256Hex } from "../../platform/crypto";
import { newId } from "../../platform/ids";
import { auditSystemAction } from "../../aam/repair/system-audit";
import { announceAction } from "./announce";
import { runAction } from "./execute";
import { planAction } from "./plan";
import { policyFor } from "./policies";
import { actionByKey, actionResponse, insertAction } from "./store";
import { type Action, type ActionPlan, type ActionRequest, ActionRequestSchema, type Actor } from "./types";

export interface SubmitOptions {
  /** plan only: nothing is stored, executed or written */
  dryRun: boolean;
  traceId: string;
  /** the agent finding that led to it */
  findingId?: string | null;
}

export type SubmitResult = { dry_run: true; plan: ActionPlan } | { dry_run: false; replayed: boolean; action: Action };

function parseRequest(request: z.input<typeof ActionRequestSchema>): ActionRequest {
  const parsed = ActionRequestSchema.safeParse(request);
  if (parsed.success) return parsed.data;
  const issues = fieldIssues(parsed.error.issues, "body");
  throw new ProblemError("validation-error", `${issues.length} field(s) are invalid`, { errors: issues });
}

/** The stored action for a key seen before: a replay when the request is the same, else the key's reuse is refused. */
function replayOf(existing: AoaActionRow, requestHash: string): SubmitResult {
  if (existing.requestHash !== requestHash) {
    throw new ProblemError("action-key-reused", `idempotency_key ${existing.idempotencyKey} already names action ${existing.id}, proposed with a different request`);
  }
  return { dry_run: false, replayed: true, action: actionResponse(existing) };
}

export async function submitAction(
  env: Env,
  scope: TenantScope,
  input: z.input<typeof ActionRequestSchema>,
  actor: Actor,
  options: SubmitOptions,
): Promise<SubmitResult> {
  const request = parseRequest(input);
  const requestHash = await sha256Hex(stableJson(request));
  if (!options.dryRun) {
    const existing = await actionByKey(scope, request.idempotency_key);
    if (existing !== undefined) return replayOf(existing, requestHash);
  }
  const plan = await planAction(env, scope, request);
  if (options.dryRun) return { dry_run: true, plan };

  const policy = await policyFor(scope, request.type);
  const stored = await insertAction(scope, {
    id: newId("act"),
    type: request.type,
    target: request.target,
    params: request.params,
    reason: request.reason,
    status: policy === "auto" ? "executing" : "pending_approval",
    policy,
    actorType: actor.type,
    actorId: actor.id,
    idempotencyKey: request.idempotency_key,
    requestHash,
    plan,
    attempts: policy === "auto" ? 1 : 0,
    findingId: options.findingId ?? null,
    traceId: options.traceId,
  });
  if (stored === undefined) {
    // a concurrent submission with the key won the insert
    const winner = await actionByKey(scope, request.idempotency_key);
    if (winner === undefined) throw new Error(`action with idempotency_key ${request.idempotency_key} vanished`);
    return replayOf(winner, requestHash);
  }
  // requests are audited by the gateway; an agent's proposals from the scheduler have no request to audit
  if (actor.type === "agent") {
    await auditSystemAction(env, { tenant_id: scope.tenantId, actor_id: actor.id, resource: `/api/v1/aoa/actions/${stored.id}`, trace_id: options.traceId });
  }
  await announceAction(env, stored, options.traceId);
  const action = policy === "auto" ? await runAction(env, scope, stored, options.traceId) : stored;
  return { dry_run: false, replayed: false, action: actionResponse(action) };
}
