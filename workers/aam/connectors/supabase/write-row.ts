/**
 * Write-back: a change to one existing row, by PATCH on its id with `Prefer: return=representation`, so the
 * answer says whether a row was there to update (row-level security hides rows the same way as absence).
 */
import { ProblemError } from "../../../gateway/problem";
import type { WriteChange, WriteResult } from "../connector";
import type { PostgrestClient } from "./client";
import { RowsSchema } from "./read-page";

export async function writeRow(client: PostgrestClient, change: WriteChange, idColumn: string): Promise<WriteResult> {
  if (change.op !== "upsert") {
    throw new ProblemError("method-not-allowed", `Supabase write-back updates rows; "${change.op}" is not supported`);
  }
  if (change.record_id === undefined) {
    throw new ProblemError("validation-error", "Supabase write-back updates an existing row: the change needs its record_id");
  }
  const query = new URLSearchParams({ [idColumn]: `eq.${change.record_id}` });
  const rows = await client.request(encodeURIComponent(change.object), RowsSchema, {
    method: "PATCH",
    query,
    body: change.data,
    prefer: "return=representation",
  });
  if (rows.length === 0) {
    throw new ProblemError("not-found", `"${change.object}" has no row with ${idColumn} ${change.record_id} that this key can see`);
  }
  return { record_id: change.record_id, status: "updated" };
}
