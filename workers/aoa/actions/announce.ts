/** Every status an action enters is published on the tenant's live-flow feed, for the console's Agents page. */
import type { Env } from "../../env";
import { publishLive } from "../../dcl/live/publish";
import type { AoaActionRow } from "../../platform/db/aoa-actions-schema";

export function announceAction(env: Env, action: AoaActionRow, traceId: string): Promise<void> {
  return publishLive(env, action.tenantId, {
    "live-flow": [{ stage: "action", action_id: action.id, action_type: action.type, status: action.status, trace_id: traceId, at: action.updatedAt }],
  });
}
