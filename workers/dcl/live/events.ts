/**
 * The live-flow events each pipeline step publishes, built from what the step already has in hand, so the
 * step's own code gains one call. `publishMaterialized` is the materializer's hook: its changed rows on /dcl and
 * one "materialized" event per entity on /live-flow, in a single publish.
 */
import type { RawBatch, SyncJob } from "../../aam/pipeline/messages";
import type { Appended } from "../../aam/pipeline/stream";
import type { ReadPage } from "../../aam/connectors/connector";
import type { EntityName } from "../../canonical/names";
import type { DclChange, FlowEvent } from "./messages";
import { type LiveEnv, publishLive } from "./publish";

type RunOf = Pick<RawBatch, "run_id" | "connection_id" | "object" | "trace_id">;
const runFields = (run: RunOf, at: Date) => ({
  run_id: run.run_id,
  connection_id: run.connection_id,
  object: run.object,
  trace_id: run.trace_id,
  at: at.toISOString(),
});

/** A page was read from the source (sync step). */
export function receivedEvent(job: SyncJob, page: ReadPage, at = new Date()): FlowEvent {
  return { stage: "received", ...runFields(job, at), counts: { records: page.records.length, rejects: page.rejects?.length ?? 0 } };
}

/** A raw batch was normalized and appended: what was mapped, and what was quarantined if anything. */
export function normalizedEvents(batch: RawBatch, appended: Appended, at = new Date()): FlowEvent[] {
  const { emitted, duplicates, quarantined } = appended.counts;
  const mapped: FlowEvent = { stage: "mapped", ...runFields(batch, at), counts: { emitted, duplicates } };
  return quarantined === 0 ? [mapped] : [mapped, { stage: "quarantined", ...runFields(batch, at), counts: { quarantined } }];
}

/** For the materializer: call once per materialized batch with the rows it changed. Never throws. */
export function publishMaterialized(env: LiveEnv, tenantId: string, traceId: string, changes: DclChange[], at = new Date()) {
  const byEntity = new Map<EntityName, Extract<FlowEvent, { stage: "materialized" }>>();
  for (const change of changes) {
    const event = byEntity.get(change.entity) ?? {
      stage: "materialized",
      entity: change.entity,
      trace_id: traceId,
      at: at.toISOString(),
      counts: { upserted: 0, deleted: 0 },
      last_seq: 0,
    };
    event.counts[change.op === "delete" ? "deleted" : "upserted"] += 1;
    event.last_seq = Math.max(event.last_seq, change.last_seq);
    byEntity.set(change.entity, event);
  }
  return publishLive(env, tenantId, { dcl: changes, "live-flow": [...byEntity.values()] });
}
