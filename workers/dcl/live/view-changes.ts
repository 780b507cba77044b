/**
 * The seam between the materializer and the /dcl feed: what a materialized batch wrote (its notice) as feed changes.
 * A row goes out under its view column names (`last_seq`, as the query API returns it), without its lineage (the
 * event ids can run long; GET /api/v1/dcl/catalog/lineage/{entity}/{id} has them); tombstones go out as deletes
 * without a row, and accounts merged into another cluster as deletes at the batch's last seq.
 */
import { EntityNameSchema } from "../../canonical/names";
import type { MaterializedNotice } from "../materialize/consumer";
import type { ViewRow } from "../materialize/store";
import type { DclChange } from "./messages";

function feedRow(row: ViewRow): Record<string, unknown> {
  const { lastSeq, lineage: _lineage, ...fields } = row;
  return { ...fields, last_seq: lastSeq };
}

export function viewChanges(notice: Pick<MaterializedNotice, "trace_id" | "rows" | "removed">): DclChange[] {
  const changes: DclChange[] = [];
  for (const entity of EntityNameSchema.options) {
    for (const row of notice.rows[entity] as ViewRow[]) {
      changes.push(
        row.deleted
          ? { entity, id: row.id, op: "delete", last_seq: row.lastSeq, trace_id: notice.trace_id }
          : { entity, id: row.id, op: "upsert", last_seq: row.lastSeq, trace_id: notice.trace_id, row: feedRow(row) },
      );
    }
  }
  const lastSeq = Math.max(0, ...changes.map((c) => c.last_seq));
  for (const id of notice.removed) changes.push({ entity: "account", id, op: "delete", last_seq: lastSeq, trace_id: notice.trace_id });
  return changes;
}
