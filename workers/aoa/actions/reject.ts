/** A person turns a held action down: it never runs. */
import type { Env } from "../../env";
import type { TenantScope } from "../../platform/db";
import type { AoaActionRow } from "../../platform/db/aoa-actions-schema";
import { announceAction } from "./announce";
import { requireStatus } from "./execute";
import { moveAction } from "./store";

export async function rejectAction(
  env: Env,
  scope: TenantScope,
  action: AoaActionRow,
  decision: { decidedBy: string; reason: string | null },
  traceId: string,
): Promise<AoaActionRow> {
  requireStatus(action, "pending_approval", "rejected");
  const rejected = await moveAction(scope, action.id, "pending_approval", {
    status: "rejected",
    decidedBy: decision.decidedBy,
    decisionReason: decision.reason,
    decidedAt: new Date().toISOString(),
  });
  await announceAction(env, rejected, traceId);
  return rejected;
}
