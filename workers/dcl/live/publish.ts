/**
 * The one way the rest of the code feeds the live WebSockets: `publishLive` makes one RPC to the tenant's
 * TenantFeed per batch (both channels at once). Live feeds are a view of work already done, so publishing is
 * fire-and-forget safe: it never throws; a failure (object unreachable, payload invalid) is logged and dropped,
 * and the pipeline carries on. Clients notice through the seq they resume from, not through a failed pipeline.
 */
import type { Env } from "../../env";
import { createLogger, errorFields, logLevel } from "../../platform/log";
import { tenantFeed } from "../../../durable-objects/tenant-feed";
import { type PublishBatch, PublishBatchSchema } from "./messages";

export type LiveEnv = Pick<Env, "TENANT_FEED" | "LOG_LEVEL">;

export async function publishLive(env: LiveEnv, tenantId: string, batch: PublishBatch): Promise<void> {
  if ((batch.dcl?.length ?? 0) + (batch["live-flow"]?.length ?? 0) === 0) return;
  try {
    await tenantFeed(env, tenantId).publish(PublishBatchSchema.parse(batch));
  } catch (err) {
    createLogger({ tenant_id: tenantId }, logLevel(env.LOG_LEVEL)).warn("live feed publish failed; messages dropped", {
      dcl: batch.dcl?.length ?? 0,
      live_flow: batch["live-flow"]?.length ?? 0,
      ...errorFields(err),
    });
  }
}
