/**
 * Replay requests for quarantined records. The API replays one connection's records per call (at most 200 ids),
 * so a selection across connections becomes one request per connection.
 */
import type { QuarantinedRecord, ReplayRequest, ReplayResult } from "./types";

/** The API's REPLAY_LIMIT: ids per call. */
const IDS_PER_CALL = 200;

export function replaySelection(records: readonly QuarantinedRecord[], ids: ReadonlySet<string>): ReplayRequest[] {
  const byConnection = new Map<string, string[]>();
  for (const record of records) {
    if (!ids.has(record.id)) continue;
    const group = byConnection.get(record.connection_id) ?? [];
    group.push(record.id);
    byConnection.set(record.connection_id, group);
  }
  return [...byConnection.values()].flatMap((group) => {
    const chunks: ReplayRequest[] = [];
    for (let i = 0; i < group.length; i += IDS_PER_CALL) chunks.push({ ids: group.slice(i, i + IDS_PER_CALL) });
    return chunks;
  });
}

/** Every open record: one request per connection (the API takes the oldest 200 of each). */
export const replayAll = (records: readonly QuarantinedRecord[]): ReplayRequest[] =>
  [...new Set(records.map((r) => r.connection_id))].map((connection_id) => ({ connection_id }));

export const sumReplays = (results: readonly ReplayResult[]): { replayed: number; still_failing: number } => ({
  replayed: results.reduce((sum, r) => sum + r.replayed, 0),
  still_failing: results.reduce((sum, r) => sum + r.still_failing, 0),
});

/** Where a record came from in its file or source: the line, else its record id. */
export function recordLocation(record: QuarantinedRecord): string {
  if (record.line !== null) return `line ${record.line}`;
  return record.record_id === null ? "unparsed row" : `record ${record.record_id}`;
}
