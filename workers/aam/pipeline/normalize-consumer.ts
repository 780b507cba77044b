/**
 * The RAW_QUEUE consumer: each message is one RawBatch. Its shape is observed first (self-heal.ts: drift is repaired,
 * an unmapped object gets a drafted mapping, and records wait in quarantine while a repair does). Its records are
 * then normalized, appended to the stream with
 * their quarantine entries (append-to-store.ts), the new events' seqs handed to CANONICAL_QUEUE, and the outcome counted
 * on the run, once per (run, batch) however often the message is delivered. Every failure is retried with
 * exponential backoff until the message lands in the dead-letter queue: nothing is acknowledged unless done.
 */
import type { Env } from "../../env";
import { database, forTenant, type TenantScope } from "../../platform/db";
import { createLogger, errorFields, logLevel } from "../../platform/log";
import { retryDelaySeconds } from "../../pipeline/backoff";
import type { MappingRegistry } from "../mapping/registry";
import type { MappingsFor } from "./tenant-mappings";
import { CanonicalBatchSchema, type RawBatch, RawBatchSchema } from "./messages";
import { heldBatch, normalizeBatch } from "./normalize";
import { healBatch } from "./self-heal";
import { quarantineInserts } from "./quarantine";
import { recordBatchNormalized } from "./runs";
import type { Appended } from "./stream";
import { appendToStore } from "./append-to-store";
import { publishLive } from "../../dcl/live/publish";
import { normalizedEvents } from "../../dcl/live/events";

/** A delivery's view of the tenants' mappings: one lookup per tenant, renewed when healing changed them. */
export interface DeliveryMappings {
  get(scope: TenantScope): Promise<MappingRegistry>;
  renew(scope: TenantScope, registry: MappingRegistry): void;
}

export async function normalizeRawBatch(env: Env, mappings: DeliveryMappings, batch: RawBatch, batchId: string): Promise<void> {
  const scope = forTenant(database(env.DB), batch.tenant_id);
  const healed = await healBatch(env, scope, await mappings.get(scope), batch);
  mappings.renew(scope, healed.registry);
  const { events, quarantined } = healed.hold === undefined ? await normalizeBatch(healed.registry, batch) : heldBatch(healed.registry, batch, healed.hold);
  const appended = await appendToStore(env, scope, {
    runId: batch.run_id,
    batchId,
    events,
    quarantined: quarantined.length,
    alongside: await quarantineInserts(scope, batch, quarantined),
  });
  await handOnAndCount(env, scope, { runId: batch.run_id, batchId, traceId: batch.trace_id }, appended);
  if (!appended.counted) await publishLive(env, batch.tenant_id, { "live-flow": normalizedEvents(batch, appended) });
}

/** After the append: hand the new events to the DCL, then count the batch on its run (skipped if already counted). */
export async function handOnAndCount(
  env: Pick<Env, "CANONICAL_QUEUE">,
  scope: TenantScope,
  batch: { runId: string; batchId: string; traceId: string },
  appended: Appended,
): Promise<void> {
  if (appended.counted) return; // a redelivery of a batch that was handled completely
  if (appended.seqs.length > 0) {
    // At least once: a delivery that dies after this send sends the same seqs again, so the DCL dedupes by seq.
    await env.CANONICAL_QUEUE.send(CanonicalBatchSchema.parse({ tenant_id: scope.tenantId, trace_id: batch.traceId, seqs: appended.seqs }));
  }
  await recordBatchNormalized(scope, batch.runId, batch.batchId, appended.counts);
}

/** One mappings lookup per tenant per delivery (a D1 read each), shared by the delivery's messages. */
export function perDelivery(mappingsFor: MappingsFor): DeliveryMappings {
  const registries = new Map<string, Promise<MappingRegistry>>();
  return {
    get: (scope) => {
      let registry = registries.get(scope.tenantId);
      if (registry === undefined) {
        registry = mappingsFor(scope);
        registries.set(scope.tenantId, registry);
      }
      return registry;
    },
    renew: (scope, registry) => void registries.set(scope.tenantId, Promise.resolve(registry)),
  };
}

export function rawBatchConsumer(mappingsFor: MappingsFor) {
  return async (messages: MessageBatch, env: Env): Promise<void> => {
    const log = createLogger({ queue: messages.queue }, logLevel(env.LOG_LEVEL));
    const deliveryMappings = perDelivery(mappingsFor);
    for (const message of messages.messages) {
      const retry = { delaySeconds: retryDelaySeconds(message.attempts) };
      const fields = { message_id: message.id, attempts: message.attempts, retry_in_s: retry.delaySeconds };
      const parsed = RawBatchSchema.safeParse(message.body);
      if (!parsed.success) {
        // A producer bug: retried like any failure, so it ends in the dead-letter queue where it can be inspected.
        log.error("invalid raw batch", { ...fields, issues: parsed.error.issues });
        message.retry(retry);
        continue;
      }
      const batch = parsed.data;
      try {
        await normalizeRawBatch(env, deliveryMappings, batch, batch.batch_id ?? message.id);
        message.ack();
      } catch (err) {
        log.error("normalizing a raw batch failed", { ...fields, tenant_id: batch.tenant_id, run_id: batch.run_id, trace_id: batch.trace_id, ...errorFields(err) });
        message.retry(retry);
      }
    }
  };
}
