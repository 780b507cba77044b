/**
 * The resumable position in one table: the (cursor column, id) of the last row handed out. Both are kept as the
 * text PostgREST returned and sent back as literals, so PostgreSQL compares them at full precision (a timestamptz
 * has microseconds a JavaScript Date would drop, and rows sharing one would be skipped or repeated).
 */
import { z } from "@hono/zod-openapi";
import { ProblemError } from "../../../gateway/problem";
import { decodeOpaque, encodeOpaque } from "../../../platform/base64";

export const TableCursorSchema = z.object({
  v: z.literal(1),
  /** the cursor column's value (updated_at by default) */
  at: z.string(),
  id: z.string(),
});
export type TableCursor = z.infer<typeof TableCursorSchema>;

export function encodeCursor(cursor: Omit<TableCursor, "v">): string {
  return encodeOpaque(JSON.stringify({ v: 1, ...cursor } satisfies TableCursor));
}

/** Cursors come back from storage or callers: anything that is not one of ours is a validation error. */
export function decodeCursor(text: string): TableCursor {
  const json = decodeOpaque(text);
  let value: unknown;
  try {
    value = json === undefined ? undefined : JSON.parse(json);
  } catch {
    value = undefined;
  }
  const parsed = TableCursorSchema.safeParse(value);
  if (!parsed.success) throw new ProblemError("validation-error", "not a Supabase table cursor");
  return parsed.data;
}

/** A PostgREST filter value, double-quoted so that `,.:()` and spaces inside it stay part of the value. */
export function literal(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** The rows strictly after the cursor in (column, id) order, as a PostgREST `or` filter. */
export function afterCursorFilter(cursor: TableCursor, columns: { cursor: string; id: string }): string {
  const at = literal(cursor.at);
  return `(${columns.cursor}.gt.${at},and(${columns.cursor}.eq.${at},${columns.id}.gt.${literal(cursor.id)}))`;
}
