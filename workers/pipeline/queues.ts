/**
 * Routes a queue batch to the consumer registered for its queue. Planes register their consumers here
 * (AAM: sync jobs and raw batches; DCL: canonical events). A batch from a queue nobody consumes is retried,
 * so it ends in that queue's dead-letter queue instead of being acknowledged and lost.
 */
import type { Env } from "../env";
import { createLogger, logLevel } from "../platform/log";
import { aamConsumers } from "../aam/pipeline/consumers";
import { dclConsumers } from "../dcl/consumers";

export type QueueConsumer = (batch: MessageBatch, env: Env, ctx: ExecutionContext) => Promise<void>;

/** Queue name → consumer. Production queue names are the wrangler.toml names. */
export const consumers: Record<string, QueueConsumer> = { ...aamConsumers, ...dclConsumers };

export async function consumeBatch(batch: MessageBatch, env: Env, ctx: ExecutionContext): Promise<void> {
  const consumer = consumers[batch.queue];
  if (consumer === undefined) {
    createLogger({ queue: batch.queue }, logLevel(env.LOG_LEVEL)).error("no consumer for queue; retrying batch", { messages: batch.messages.length });
    batch.retryAll();
    return;
  }
  await consumer(batch, env, ctx);
}
