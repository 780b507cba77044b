/**
 * The cursor of newest-first lists (runs, quarantine): opaque to clients (base64url JSON), internally the
 * (created_at, id) of the last row of the previous page. Ids break ties between rows created in the same millisecond.
 */
import { and, eq, lt, or, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { z } from "@hono/zod-openapi";
import { decodeOpaque, encodeOpaque } from "../../platform/base64";

const PagePositionSchema = z.tuple([z.string().min(1), z.string().min(1)]).transform(([at, id]) => ({ at, id }));
export type PagePosition = z.output<typeof PagePositionSchema>;

export function encodePagePosition(position: PagePosition): string {
  return encodeOpaque(JSON.stringify([position.at, position.id]));
}

function decodePagePosition(cursor: string): PagePosition | undefined {
  const text = decodeOpaque(cursor);
  if (text === undefined) return undefined;
  try {
    const parsed = PagePositionSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // not JSON
  }
}

/** The `cursor` query parameter: arrives opaque, leaves as the position the page continues before. */
export const PagePositionCursorSchema = z
  .string()
  .transform((cursor, ctx) => {
    const position = decodePagePosition(cursor);
    if (position === undefined) {
      ctx.addIssue({ code: "custom", message: "Not a cursor returned by this API" });
      return z.NEVER;
    }
    return position;
  })
  .openapi({ description: "`next_cursor` of the previous page" });

export const PageLimitSchema = z.coerce.number().int().min(1).max(200).default(50);

/** The next page's cursor: the last row's position when the page is full (one more row was fetched), else null. */
export function nextPageCursor<T>(rows: T[], limit: number, position: (row: T) => PagePosition): { items: T[]; next_cursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next_cursor: rows.length > limit && last !== undefined ? encodePagePosition(position(last)) : null };
}

/** Rows older than the position in (created_at, id) order: the newest-first page after it. */
export function olderThan(table: { createdAt: SQLiteColumn; id: SQLiteColumn }, position: PagePosition | undefined): SQL | undefined {
  if (position === undefined) return undefined;
  return or(lt(table.createdAt, position.at), and(eq(table.createdAt, position.at), lt(table.id, position.id)));
}
