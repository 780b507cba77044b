/** A CanonicalEvent as a canonical_events row (without its tenant and seq), the same in D1 and Postgres. */
import type { CanonicalEvent } from "../../canonical/event";

export const eventRow = (runId: string, event: CanonicalEvent) => ({
  eventId: event.meta.event_id,
  connectionId: event.source.connection_id,
  runId,
  system: event.source.system,
  object: event.source.object,
  recordId: event.source.record_id,
  entity: event.entity,
  op: event.meta.op,
  mappingVersion: event.meta.mapping_version,
  traceId: event.meta.trace_id,
  emittedAt: event.meta.emitted_at,
  event,
});
