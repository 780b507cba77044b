/**
 * The resumable position in one file: the byte offset just after the last row handed out, the line it ended on,
 * and what is needed to parse from there without re-reading the start (the CSV header and delimiter). The etag
 * ties it to one version of the object: a replaced file restarts from zero.
 */
import { z } from "@hono/zod-openapi";
import { ProblemError } from "../../../gateway/problem";
import { fromBase64, toBase64Url } from "../../../platform/base64";

export const FileCursorSchema = z.object({
  v: z.literal(1),
  etag: z.string().min(1),
  offset: z.number().int().nonnegative(),
  /** lines consumed so far: the next row starts on line + 1 (or later, after blank lines) */
  line: z.number().int().nonnegative(),
  /** CSV only: the header's field names and the delimiter in force */
  columns: z.array(z.string()).optional(),
  delimiter: z.string().length(1).optional(),
});
export type FileCursor = z.infer<typeof FileCursorSchema>;

export function encodeCursor(cursor: FileCursor): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(cursor)));
}

/** Cursors come back from storage or callers: anything that is not one of ours is a validation error. */
export function decodeCursor(text: string): FileCursor {
  const bytes = fromBase64(text);
  const json = bytes === undefined ? undefined : parseJson(new TextDecoder().decode(bytes));
  const parsed = json === undefined ? undefined : FileCursorSchema.safeParse(json);
  if (parsed === undefined || !parsed.success) throw new ProblemError("validation-error", "not a file cursor");
  return parsed.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
