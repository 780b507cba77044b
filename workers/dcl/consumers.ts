/** The DCL's queue consumers by production queue name (wrangler.toml), registered in workers/pipeline/queues.ts. */
import type { QueueConsumer } from "../pipeline/queues";
import { publishMaterialized } from "./live/events";
import { viewChanges } from "./live/view-changes";
import { canonicalBatchConsumer } from "./materialize/consumer";

export const dclConsumers: Record<string, QueueConsumer> = {
  // The hook closes over the invocation's env (the live feed binding); building the consumer is two closures.
  "autonomos-canonical": (batch, env) =>
    canonicalBatchConsumer({
      onMaterialized: (notice) => publishMaterialized(env, notice.tenant_id, notice.trace_id, viewChanges(notice)),
    })(batch, env),
};
