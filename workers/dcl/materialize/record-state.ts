/**
 * One source record's state from its events, in any order: the winner is the event with the latest `updated_at`
 * (its `emitted_at` when the source has none, as for costs, whose entity has no such field), then a delete before an upsert of the same instant, then the higher
 * event id; lineage is every distinct event, oldest first. A pure fold: duplicates and order change nothing.
 */
import { linkKeys } from "../linking/link-keys";
import { compareText, recordKeyOf } from "./record-key";
import type { SourceRecord, StoredEvent } from "./store";

type Ranked = Pick<SourceRecord, "orderKey" | "op" | "eventId">;

/** `updated_at`, else `emitted_at`, normalized (both are UTC ISO, but may differ in their fractional digits). */
export function orderKeyOf({ event }: StoredEvent): string {
  const updated = event.entity === "cost" ? null : event.data.updated_at;
  return new Date(updated ?? event.meta.emitted_at).toISOString();
}

/** > 0 when `a` wins over `b`. */
export function compareRank(a: Ranked, b: Ranked): number {
  return compareText(a.orderKey, b.orderKey) || (a.op === b.op ? 0 : a.op === "delete" ? 1 : -1) || compareText(a.eventId, b.eventId);
}

function fromEvent(stored: StoredEvent): SourceRecord {
  const { event } = stored;
  const orderKey = orderKeyOf(stored);
  const record: SourceRecord = {
    recordKey: recordKeyOf(event.source),
    system: event.source.system,
    connectionId: event.source.connection_id,
    object: event.source.object,
    recordId: event.source.record_id,
    entity: event.entity,
    op: event.meta.op,
    orderKey,
    eventId: event.meta.event_id,
    data: event.data,
    lineage: [[orderKey, event.meta.event_id]],
    lastSeq: stored.seq,
    // costs name the provider's accounts (billing, sub account), never a canonical one: nothing to resolve
    sourceAccountId: event.entity === "opportunity" || event.entity === "contact" ? event.data.account_id : null,
    linkKeys: [],
    unifiedId: null,
  };
  return event.entity === "account" ? { ...record, linkKeys: linkKeys(record) } : record;
}

/** The record after `events` (all of this record), given its state before (undefined for a new record). */
export function applyEvents(previous: SourceRecord | undefined, events: StoredEvent[]): SourceRecord {
  let state = previous;
  for (const stored of events) {
    const incoming = fromEvent(stored);
    if (state === undefined) {
      state = incoming;
      continue;
    }
    const seen = state.lineage.some(([, id]) => id === incoming.eventId);
    const lineage = seen ? state.lineage : [...state.lineage, ...incoming.lineage].sort((x, y) => compareText(x[0], y[0]) || compareText(x[1], y[1]));
    const winner = compareRank(incoming, state) > 0 ? { ...incoming, unifiedId: state.unifiedId } : state;
    state = { ...winner, lineage, lastSeq: Math.max(state.lastSeq, incoming.lastSeq) };
  }
  if (state === undefined) throw new Error("applyEvents needs a previous state or at least one event");
  return state;
}
