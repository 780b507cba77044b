/**
 * The raw records id reconciliation sends for ids the source no longer has: `op: "delete"` with only the id, placed
 * where the object's mapping reads its record id (`record_id: Id` → `{ Id: "…" }`), so normalization derives the
 * same source id as for the record's upserts and turns it into a tombstone. Its cursor names the upsert it ends
 * (`reconcile:<event id>`), which makes each deletion of a record its own event (see canonical/event-id.ts) while a
 * re-sent one stays a duplicate.
 */
import type { RawRecord } from "../connectors/connector";
import type { LiveRecord } from "../../dcl/store/stream-store";
import type { CompiledMapping } from "../mapping/compile";
import type { SourcePath } from "../mapping/path";

/** Where reconciliation's deletes came from, in the events' source.cursor: `reconcile:<event id of the upsert>`. */
export const RECONCILE_CURSOR = "reconcile";

export function deletedRecords(mapping: CompiledMapping | string, gone: LiveRecord[]): RawRecord[] {
  const path = typeof mapping === "string" ? undefined : mapping.document.record_id?.path;
  return gone.map(({ record_id: id, event_id }) => ({ record_id: id, data: idData(path, id), cursor: `${RECONCILE_CURSOR}:${event_id}`, op: "delete" }));
}

/**
 * The id nested at a path of keys. A mapping without an id path (or one through array elements) reads the
 * connector's id, which is the record_id itself: the data then carries nothing.
 */
function idData(path: SourcePath | undefined, id: string): Record<string, unknown> {
  if (path === undefined || !path.every((segment): segment is { key: string } => "key" in segment)) return {};
  return path.reduceRight<Record<string, unknown> | string>((value, segment) => ({ [segment.key]: value }), id) as Record<string, unknown>;
}
