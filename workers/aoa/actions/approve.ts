/** A person lets a held action run: pending_approval → executing → succeeded | failed. */
import type { Env } from "../../env";
import type { TenantScope } from "../../platform/db";
import type { AoaActionRow } from "../../platform/db/aoa-actions-schema";
import { requireStatus, startAction } from "./execute";

export function approveAction(env: Env, scope: TenantScope, action: AoaActionRow, decidedBy: string, traceId: string): Promise<AoaActionRow> {
  requireStatus(action, "pending_approval", "approved");
  return startAction(env, scope, action, "pending_approval", { decidedBy, decidedAt: new Date().toISOString() }, traceId);
}
