/**
 * The view list's page cursor: opaque to clients (base64url JSON), internally the sort it was made under and the
 * keyset position of the previous page's last row. Decoding checks everything: a cursor made under another sort,
 * or one whose values do not fit the sort columns, is refused. A cursor names no tenant: it is only a position,
 * and the tenant of every query comes from the credential.
 */
import { z } from "@hono/zod-openapi";
import { decodeOpaque, encodeOpaque } from "../../platform/base64";
import { scalarValue } from "./filters";
import { sortText, type KeysetPosition, type SortKey } from "./order";

const CursorSchema = z.object({ sort: z.string(), values: z.array(z.unknown()), id: z.string().min(1).max(200) }).strict();

export function encodeViewCursor(keys: readonly SortKey[], position: KeysetPosition): string {
  return encodeOpaque(JSON.stringify({ sort: sortText(keys), values: position.values, id: position.id }));
}

/** The position a cursor stands for under this sort, or a message saying why it is not usable. */
export function decodeViewCursor(cursor: string, keys: readonly SortKey[]): KeysetPosition | string {
  const text = decodeOpaque(cursor);
  let parsed: z.infer<typeof CursorSchema>;
  try {
    const result = CursorSchema.safeParse(text === undefined ? undefined : JSON.parse(text));
    if (!result.success) return "Not a cursor returned by this API";
    parsed = result.data;
  } catch {
    return "Not a cursor returned by this API";
  }
  if (parsed.sort !== sortText(keys)) return "This cursor was made under another sort; keep the sort while paging";
  if (parsed.values.length !== keys.length) return "Not a cursor returned by this API";
  const fits = keys.every(({ column }, i) => {
    if (column.kind === "json") return false;
    return scalarValue[column.kind].nullable().safeParse(parsed.values[i]).success;
  });
  return fits ? { values: parsed.values, id: parsed.id } : "Not a cursor returned by this API";
}
