/**
 * aoa_actions rows, always through the tenant's scope: insert (one per idempotency key), get, list newest first,
 * and status transitions that only happen from the status the caller saw, so two deciders (or an approval racing
 * a retry) cannot both win. Also the row → API shape.
 */
import { desc, eq } from "drizzle-orm";
import { ProblemError, ProblemSchema } from "../../gateway/problem";
import { isUniqueViolation, type TenantScope } from "../../platform/db";
import { type AoaActionRow, aoaActions } from "../../platform/db/aoa-actions-schema";
import { olderThan, type PagePosition } from "../../aam/pipeline/page-cursor";
import { type Action, ActionPlanSchema, ActionResultSchema, type ActionStatus, type ActionType } from "./types";

type ActionInsert = typeof aoaActions.$inferInsert;
export type NewAction = Omit<ActionInsert, "tenantId" | "createdAt" | "updatedAt">;
export type ActionChange = Partial<Pick<ActionInsert, "status" | "result" | "error" | "decidedBy" | "decisionReason" | "decidedAt" | "attempts">>;

export interface ActionFilter {
  status?: ActionStatus | undefined;
  type?: ActionType | undefined;
}

const KEY_COLUMNS = "aoa_actions.tenant_id, aoa_actions.idempotency_key";

/** The stored row, or undefined when the key was already taken (by a concurrent submission): read it by key. */
export async function insertAction(scope: TenantScope, action: NewAction): Promise<AoaActionRow | undefined> {
  try {
    await scope.insert(aoaActions, action);
  } catch (err) {
    if (isUniqueViolation(err, KEY_COLUMNS)) return undefined;
    throw err;
  }
  return reread(scope, action.id);
}

export async function getAction(scope: TenantScope, id: string): Promise<AoaActionRow | undefined> {
  const [row] = await scope.select(aoaActions, eq(aoaActions.id, id));
  return row;
}

export async function actionByKey(scope: TenantScope, idempotencyKey: string): Promise<AoaActionRow | undefined> {
  const [row] = await scope.select(aoaActions, eq(aoaActions.idempotencyKey, idempotencyKey));
  return row;
}

/** The tenant's action, or 404 (another tenant's action is not found either). */
export async function requireAction(scope: TenantScope, id: string): Promise<AoaActionRow> {
  const row = await getAction(scope, id);
  if (row === undefined) throw new ProblemError("not-found", `No action ${id}`);
  return row;
}

export function listActions(scope: TenantScope, filter: ActionFilter, page: { limit: number; before?: PagePosition | undefined }): Promise<AoaActionRow[]> {
  return scope.db
    .select()
    .from(aoaActions)
    .where(
      scope.where(
        aoaActions,
        filter.status === undefined ? undefined : eq(aoaActions.status, filter.status),
        filter.type === undefined ? undefined : eq(aoaActions.type, filter.type),
        olderThan(aoaActions, page.before),
      ),
    )
    .orderBy(desc(aoaActions.createdAt), desc(aoaActions.id))
    .limit(page.limit);
}

/** Moves an action on from `from`; the new row, or undefined when it had left that status (another change came first). */
export async function transitionAction(scope: TenantScope, id: string, from: ActionStatus, set: ActionChange): Promise<AoaActionRow | undefined> {
  const changed = await scope.update(aoaActions, { ...set, updatedAt: new Date().toISOString() }, eq(aoaActions.id, id), eq(aoaActions.status, from));
  return changed === 1 ? reread(scope, id) : undefined;
}

/** transitionAction for a person's decision: 409 when the action changed status since it was read. */
export async function moveAction(scope: TenantScope, id: string, from: ActionStatus, set: ActionChange): Promise<AoaActionRow> {
  const moved = await transitionAction(scope, id, from, set);
  if (moved === undefined) throw new ProblemError("conflict", `Action ${id} changed status meanwhile; read it again`);
  return moved;
}

async function reread(scope: TenantScope, id: string): Promise<AoaActionRow> {
  const row = await getAction(scope, id);
  if (row === undefined) throw new Error(`action ${id} vanished`);
  return row;
}

export function actionResponse(row: AoaActionRow): Action {
  return {
    id: row.id,
    type: row.type,
    target: row.target ?? null,
    params: row.params,
    reason: row.reason,
    status: row.status,
    policy: row.policy,
    actor: { type: row.actorType, id: row.actorId },
    idempotency_key: row.idempotencyKey,
    plan: ActionPlanSchema.parse(row.plan),
    result: row.result === null ? null : ActionResultSchema.parse(row.result),
    error: row.error === null ? null : ProblemSchema.parse(row.error),
    decided_by: row.decidedBy,
    decision_reason: row.decisionReason,
    decided_at: row.decidedAt,
    attempts: row.attempts,
    finding_id: row.findingId,
    trace_id: row.traceId,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}
