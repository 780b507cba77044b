/**
 * The read position in a collection: the (cursor field, _id) of the last document handed out, as canonical
 * Extended JSON so an ObjectId stays an ObjectId and a date a date when the next query compares against them.
 * A `resume` cursor is where the next sync starts: it reads again from `lookback_seconds` before the position
 * (writes committed late with an older date are picked up; what is read twice dedupes downstream), and the
 * cursors that continue from it are exact. Opaque to clients (base64url of JSON).
 */
import { z } from "@hono/zod-openapi";
import { ProblemError } from "../../../gateway/problem";
import { decodeOpaque, encodeOpaque } from "../../../platform/base64";
import type { EjsonDocument } from "../../../../durable-objects/mongo-connection/queries";

const PREFIX = "mdb:";

const CursorSchema = z.object({ at: z.unknown(), id: z.unknown(), resume: z.boolean() });
export type Cursor = z.infer<typeof CursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return encodeOpaque(PREFIX + JSON.stringify(cursor));
}

export function decodeCursor(text: string): Cursor {
  const plain = decodeOpaque(text);
  const parsed = plain?.startsWith(PREFIX) === true ? CursorSchema.safeParse(safeJson(plain.slice(PREFIX.length))) : undefined;
  if (parsed?.success !== true || parsed.data.at === undefined || parsed.data.id === undefined) {
    throw new ProblemError("validation-error", "The cursor is not a MongoDB read position");
  }
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The filter for the documents after `cursor`, ordered by (field, _id): strictly after the position when
 * continuing; from `lookbackMs` before it when resuming (only a date position can be moved back in time; any other
 * type resumes from the position itself, inclusive). Documents without the field are never read incrementally.
 */
export function afterCursor(field: string, cursor: Cursor | null, lookbackMs: number): EjsonDocument {
  if (cursor === null) return { [field]: { $exists: true } };
  if (cursor.resume) return { [field]: { $gte: movedBack(cursor.at, lookbackMs) } };
  return { $or: [{ [field]: { $gt: cursor.at } }, { [field]: cursor.at, _id: { $gt: cursor.id } }] };
}

const CanonicalDateSchema = z.object({ $date: z.object({ $numberLong: z.string().regex(/^-?\d+$/) }) });

function movedBack(at: unknown, lookbackMs: number): unknown {
  const date = CanonicalDateSchema.safeParse(at);
  if (!date.success) return at;
  return { $date: { $numberLong: String(Number(date.data.$date.$numberLong) - lookbackMs) } };
}
