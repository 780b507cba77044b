/**
 * One read() page of a table, in (cursor column, id) order from just after the cursor. PostgREST's `db-max-rows`
 * silently caps `limit`, so a short page does not mean the end: the read goes on until a page comes back empty,
 * and only that page ends it (next_cursor null) — having cost one request and no missed row.
 */
import { z } from "@hono/zod-openapi";
import { ProblemError } from "../../../gateway/problem";
import type { RawRecord, ReadPage } from "../connector";
import type { PostgrestClient } from "./client";
import { type TableCursor, afterCursorFilter, encodeCursor } from "./cursor";

export const RowsSchema = z.array(z.record(z.string(), z.unknown()));
export type Row = z.infer<typeof RowsSchema>[number];

export interface PageQuery {
  table: string;
  after: TableCursor | null;
  pageSize: number;
  columns: { cursor: string; id: string };
}

/** A cursor or id value as text; null or a composite value cannot order rows. */
function keyText(row: Row, column: string, table: string): string {
  const value = row[column];
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint") return String(value);
  throw new ProblemError(
    "validation-error",
    `A row of "${table}" has ${value === undefined ? "no" : "a null or composite"} "${column}": incremental reads need a NOT NULL, scalar "${column}" on every row`,
  );
}

export async function readTablePage(client: PostgrestClient, query: PageQuery): Promise<ReadPage> {
  const { cursor, id } = query.columns;
  const params = new URLSearchParams({ select: "*", order: `${cursor}.asc,${id}.asc`, limit: String(query.pageSize) });
  if (query.after !== null) params.set("or", afterCursorFilter(query.after, query.columns));
  const rows = await client.request(encodeURIComponent(query.table), RowsSchema, { query: params });
  const records: RawRecord[] = rows.map((row) => {
    const recordId = keyText(row, id, query.table);
    return { record_id: recordId, data: row, cursor: encodeCursor({ at: keyText(row, cursor, query.table), id: recordId }) };
  });
  return { records, next_cursor: records.at(-1)?.cursor ?? null };
}
