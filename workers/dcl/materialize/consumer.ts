/**
 * The CANONICAL_QUEUE consumer: each message is a CanonicalBatch (seqs of one normalize step). A delivery's
 * messages are grouped by tenant and trace (a run's batches share both) and each group is ONE materialization
 * step: one read of its events, one relink, one commit (a step's cost is mostly per step, not per event); then
 * `onMaterialized` hears what changed (the live feed plugs in there). A message whose seqs are not all in the
 * tenant's stream was never the tenant's: it alone is retried. Every other failure retries every message of the
 * group, each with its own exponential backoff, until it lands in the dead-letter queue; a message is
 * acknowledged only once materialized, and a redelivery finds nothing changed.
 */
import type { Env } from "../../env";
import { type CanonicalBatch, CanonicalBatchSchema } from "../../aam/pipeline/messages";
import { perEntity } from "../../canonical/per-entity";
import { createLogger, errorFields, logLevel } from "../../platform/log";
import { retryDelaySeconds } from "../../pipeline/backoff";
import type { StoreEnv } from "../store/for-env";
import { withViewStore } from "./for-env";
import { type Materialized, materializeEvents } from "./materialize";

type MaterializeEnv = StoreEnv & Pick<Env, "LOG_LEVEL">;

export interface MaterializedNotice {
  tenant_id: string;
  trace_id: string;
  events: number;
  /** changed rows per entity */
  counts: Record<keyof Materialized["changed"], number>;
  changed: Materialized["changed"];
  rows: Materialized["rows"];
  /** unified account ids merged away */
  removed: string[];
}

export interface CanonicalConsumerOptions {
  onMaterialized?: (notice: MaterializedNotice) => Promise<void> | void;
}

type Log = ReturnType<typeof createLogger>;
interface Delivered {
  message: Message;
  batch: CanonicalBatch;
  fields: Record<string, unknown>;
  retry: QueueRetryOptions;
}

export function canonicalBatchConsumer({ onMaterialized = () => {} }: CanonicalConsumerOptions = {}) {
  return async (messages: MessageBatch, env: MaterializeEnv): Promise<void> => {
    const log = createLogger({ queue: messages.queue }, logLevel(env.LOG_LEVEL));
    const groups = new Map<string, Delivered[]>();
    for (const message of messages.messages) {
      const retry = { delaySeconds: retryDelaySeconds(message.attempts) };
      const fields = { message_id: message.id, attempts: message.attempts, retry_in_s: retry.delaySeconds };
      const parsed = CanonicalBatchSchema.safeParse(message.body);
      if (!parsed.success) {
        log.error("invalid canonical batch", { ...fields, issues: parsed.error.issues });
        message.retry(retry);
        continue;
      }
      const key = JSON.stringify([parsed.data.tenant_id, parsed.data.trace_id]);
      const delivered = { message, batch: parsed.data, fields, retry };
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [delivered]);
      else group.push(delivered);
    }
    for (const group of groups.values()) await materializeGroup(group, env, log, onMaterialized);
  };
}

async function materializeGroup(group: Delivered[], env: MaterializeEnv, log: Log, onMaterialized: NonNullable<CanonicalConsumerOptions["onMaterialized"]>) {
  const { tenant_id, trace_id } = group[0]!.batch;
  const context = { tenant_id, trace_id };
  const failed = (messages: Delivered[], msg: string, err: unknown) => {
    for (const { message, fields, retry } of messages) {
      log.error(msg, { ...fields, ...context, ...errorFields(err) });
      message.retry(retry);
    }
  };
  let step: { outcome: Materialized; foreign: Map<Delivered, number> };
  try {
    step = await withViewStore(env, tenant_id, async (store) => {
      const events = await store.eventsAt([...new Set(group.flatMap((d) => d.batch.seqs))]);
      // The stream is append-only: a seq the tenant does not have was never the tenant's.
      const found = new Set(events.map((e) => e.seq));
      const foreign = new Map<Delivered, number>();
      for (const d of group) {
        const missing = new Set(d.batch.seqs.filter((seq) => !found.has(seq))).size;
        if (missing > 0) foreign.set(d, missing);
      }
      const seqs = new Set(group.filter((d) => !foreign.has(d)).flatMap((d) => d.batch.seqs));
      const outcome = await materializeEvents(store, events.filter((e) => seqs.has(e.seq)));
      return { outcome, foreign };
    });
  } catch (err) {
    failed(group, "materializing a canonical batch failed", err);
    return;
  }
  const { outcome, foreign } = step;
  for (const [d, missing] of foreign) {
    failed([d], "materializing a canonical batch failed", new Error(`${missing} of the batch's seqs are not in the tenant's stream`));
  }
  const done = group.filter((d) => !foreign.has(d));
  if (done.length === 0) return;
  for (const { message } of done) message.ack();
  const counts = perEntity((entity) => outcome.changed[entity].length);
  log.info("canonical batch materialized", { ...context, messages: done.length, events: outcome.events, changed: counts, removed: outcome.removed.length });
  try {
    await onMaterialized({ tenant_id, trace_id, events: outcome.events, counts, changed: outcome.changed, rows: outcome.rows, removed: outcome.removed });
  } catch (err) {
    // The views are written; a redelivery would find nothing changed, so a failed notice is only logged.
    log.error("onMaterialized failed", { ...context, ...errorFields(err) });
  }
}
