/**
 * Carrying an action out: an `executing` action runs its stored plan and ends `succeeded` with the result or
 * `failed` with the error as a problem object. Starting an execution (from submission, approval or a retry)
 * counts an attempt and only happens from the status the caller saw, so an action never runs twice at once.
 */
import type { Env } from "../../env";
import { ProblemError } from "../../gateway/problem";
import type { TenantScope } from "../../platform/db";
import type { AoaActionRow } from "../../platform/db/aoa-actions-schema";
import { createAlert } from "./alerts";
import { announceAction } from "./announce";
import { failureProblem } from "./failure";
import { type ActionChange, moveAction, transitionAction } from "./store";
import { mergeTags } from "./sub-account-tags";
import { type ActionResult, ActionPlanSchema, type ActionStatus } from "./types";
import { executeWriteBack } from "./write-back";

async function perform(env: Env, scope: TenantScope, action: AoaActionRow): Promise<ActionResult> {
  const plan = ActionPlanSchema.parse(action.plan);
  switch (plan.kind) {
    case "write_back":
      return { kind: "write_back", write_back: await executeWriteBack(env, scope, plan.write_back, action.idempotencyKey) };
    case "alert":
      return { kind: "alert", alert_id: await createAlert(scope, plan.alert, action.id) };
    case "sub_account_tags":
      return { kind: "sub_account_tags", tags: await mergeTags(scope, plan, action.id) };
  }
}

/** Runs an `executing` action to its end; the final row. */
export async function runAction(env: Env, scope: TenantScope, action: AoaActionRow, traceId: string): Promise<AoaActionRow> {
  let outcome: ActionChange;
  try {
    outcome = { status: "succeeded", result: await perform(env, scope, action), error: null };
  } catch (err) {
    outcome = { status: "failed", error: failureProblem(env, err, { tenantId: scope.tenantId, actionId: action.id, traceId }) };
  }
  const done = await transitionAction(scope, action.id, "executing", outcome);
  // only the caller that moved it to `executing` moves it on
  if (done === undefined) throw new Error(`action ${action.id} left executing while it ran`);
  await announceAction(env, done, traceId);
  return done;
}

/** 409 unless the action is in `status`. */
export function requireStatus(action: AoaActionRow, status: ActionStatus, verb: string): void {
  if (action.status !== status) throw new ProblemError("conflict", `Action ${action.id} is ${action.status}; only ${status} actions can be ${verb}`);
}

/** Moves the action from `from` to `executing` (one more attempt) and runs it; 409 when another change came first. */
export async function startAction(
  env: Env,
  scope: TenantScope,
  action: AoaActionRow,
  from: ActionStatus,
  set: Pick<ActionChange, "decidedBy" | "decidedAt">,
  traceId: string,
): Promise<AoaActionRow> {
  const started = await moveAction(scope, action.id, from, { ...set, status: "executing", attempts: action.attempts + 1 });
  await announceAction(env, started, traceId);
  return runAction(env, scope, started, traceId);
}

/** Runs a failed action again with the same plan (write-backs keep the action's idempotency key). */
export function retryAction(env: Env, scope: TenantScope, action: AoaActionRow, traceId: string): Promise<AoaActionRow> {
  requireStatus(action, "failed", "retried");
  return startAction(env, scope, action, "failed", {}, traceId);
}
