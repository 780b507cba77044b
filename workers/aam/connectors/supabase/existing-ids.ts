/**
 * Which of a table's ids still exist, for id reconciliation: `GET /<table>?select=<id>&<id>=in.(…)` with every id
 * double-quoted (ids with commas, parentheses or quotes stay one value). PostgREST's `db-max-rows` caps the answer
 * silently, so a short answer does not mean the rest are gone: the ids not yet found are asked again until an
 * answer finds none of them — only then are they missing. With no deletes (the usual case) that is one request.
 */
import type { PostgrestClient } from "./client";
import { literal } from "./cursor";
import { RowsSchema } from "./read-page";

export async function existingIds(client: PostgrestClient, table: string, idColumn: string, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  let unanswered = ids;
  while (unanswered.length > 0) {
    const query = new URLSearchParams({ select: idColumn, [idColumn]: `in.(${unanswered.map(literal).join(",")})` });
    const rows = await client.request(encodeURIComponent(table), RowsSchema, { query });
    for (const row of rows) found.add(String(row[idColumn]));
    const still = unanswered.filter((id) => !found.has(id));
    if (still.length === unanswered.length) break; // an answer with none of them: they are gone
    unanswered = still;
  }
  return found;
}
