/** The AAM pipeline's queue consumers by production queue name (wrangler.toml), registered in workers/pipeline/queues.ts. */
import type { QueueConsumer } from "../../pipeline/queues";
import { rawBatchConsumer } from "./normalize-consumer";
import { tenantMappings } from "./tenant-mappings";
import { consumeSyncJobs } from "./sync-consumer";

export const aamConsumers: Record<string, QueueConsumer> = {
  "autonomos-sync": consumeSyncJobs,
  "autonomos-raw": rawBatchConsumer(tenantMappings),
};
