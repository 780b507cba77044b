/**
 * The resumable position of an incremental read, stored by the pipeline as an opaque string: the watermark (the
 * latest SystemModstamp delivered) and, mid-query, the nextRecordsUrl of the batch to fetch next with when it was
 * handed out. A cursor is
 * untrusted input on the way back in: its locator must be a query path of this API, or the bearer token could be
 * sent elsewhere.
 */
import { z } from "@hono/zod-openapi";
import { SalesforceError } from "./errors";

const LOCATOR_PATH = /^\/services\/data\/v\d{2}\.0\/(?:query|queryAll)\/[A-Za-z0-9]+-\d+$/;

export const SyncCursorSchema = z.strictObject({
  /** ISO 8601 SystemModstamp of the last record delivered; null before the first */
  watermark: z.iso.datetime({ offset: true }).nullable(),
  /** the next batch of the query in progress; null between queries */
  next: z.string().regex(LOCATOR_PATH).nullable(),
  /** when `next` was handed out: Salesforce drops a locator left idle for 15 minutes */
  next_issued_at: z.iso.datetime({ offset: true }).optional(),
});
export type SyncCursor = z.infer<typeof SyncCursorSchema>;

export const encodeCursor = (cursor: SyncCursor) => JSON.stringify(cursor);

export function decodeCursor(text: string | null): SyncCursor {
  if (text === null) return { watermark: null, next: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = SyncCursorSchema.safeParse(json);
  if (!parsed.success) throw new SalesforceError("cursor-expired", "INVALID_CURSOR", "The saved Salesforce cursor is not one this connector wrote", 0);
  return parsed.data;
}
