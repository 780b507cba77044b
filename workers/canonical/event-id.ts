/**
 * Deterministic event ids: the pipeline deduplicates the canonical stream on them, so reading the same unchanged
 * record again (a re-upload, a replayed page, an overlapping cursor window) must give the same id, and any change
 * a new one.
 *
 * The id hashes the source record's CONTENT (keys sorted), not its `updated_at`: not every source has one (CSV
 * files), and a content hash also catches edits that do not bump it. `op` is included so the deletion of a record
 * is a new event even if its last content is unchanged.
 *
 * A delete's id also hashes its `cursor`. A bare tombstone (id reconciliation) carries only the record's id, so
 * without it the record deleted, re-created and deleted again would repeat the first delete's id and be dropped as
 * a duplicate, leaving the record live for good. Every source of deletes gives a cursor that is the same for the
 * same deletion and differs between deletions (Salesforce: the record's SystemModstamp; reconciliation: the event
 * id of the upsert it ends, see deleted-records.ts), so a re-read or replay still dedupes. Upserts leave the cursor
 * out: the same content re-uploaded in a new ingest run moves its cursor but is no new change.
 */
import { sha256Hex } from "../platform/crypto";
import { stableJson } from "./stable-json";

export interface EventIdInput {
  tenant_id: string;
  connection_id: string;
  object: string;
  record_id: string;
  op: "upsert" | "delete";
  /** the raw source record, before mapping */
  record: Record<string, unknown>;
  /** the record's source position (RawRecord.cursor): part of a delete's id only */
  cursor: string;
}

/**
 * `evt_` + 128 bits of SHA-256 (hex) over one JSON array of every part: collision-free for any realistic stream,
 * half the length of the full digest. The array delimits the parts unambiguously ("a|b" + "c" can never equal
 * "a" + "b|c"), and one digest per event is all the pipeline pays.
 */
export async function eventId(input: EventIdInput): Promise<string> {
  const parts = [input.tenant_id, input.connection_id, input.object, input.record_id, input.op, input.record, ...(input.op === "delete" ? [input.cursor] : [])];
  return `evt_${(await sha256Hex(stableJson(parts))).slice(0, 32)}`;
}
