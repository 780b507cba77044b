/** The one deployable Worker: the gateway (fetch), connector cron (scheduled) and pipeline consumers (queue). */
import type { Env } from "./env";
import { createApp } from "./gateway/app";
import { runScheduled } from "./pipeline/scheduled";
import { consumeBatch } from "./pipeline/queues";

export { TenantGate } from "../durable-objects/tenant-gate";
export { TenantFeed } from "../durable-objects/tenant-feed";
export { MongoConnection } from "../durable-objects/mongo-connection";

const app = createApp();

export default {
  fetch: app.fetch,
  scheduled: (controller, env) => runScheduled(controller, env),
  queue: (batch, env, ctx) => consumeBatch(batch, env, ctx),
} satisfies ExportedHandler<Env>;
