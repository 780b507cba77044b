/**
 * One batch of an object's changes since a cursor, through queryAll so deleted rows (IsDeleted, kept in the
 * recycle bin for 15 days) come in the same ordered stream as live ones and become delete records. A cursor whose
 * locator has expired (INVALID_QUERY_LOCATOR, or idle longer than Salesforce keeps one) restarts the query from its
 * watermark instead of failing the sync: the ordered query re-reads at most what the locator had left.
 */
import { z } from "@hono/zod-openapi";
import { SalesforceError } from "./errors";
import type { SalesforceSession } from "./session";
import { incrementalSoql } from "./soql";
import { type SyncCursor, decodeCursor, encodeCursor } from "./sync-cursor";

export const QueryBatchSchema = z.object({
  totalSize: z.number().int(),
  done: z.boolean(),
  nextRecordsUrl: z.string().optional(),
  records: z.array(
    z.looseObject({ Id: z.string().min(1), IsDeleted: z.boolean(), SystemModstamp: z.string().min(1), attributes: z.unknown().optional() }),
  ),
});

export interface ChangedRecord {
  id: string;
  op: "upsert" | "delete";
  /** the record without the response's `attributes` */
  data: Record<string, unknown>;
  /** the SystemModstamp, as ISO 8601 */
  modstamp: string;
}

export interface ChangesBatch {
  records: ChangedRecord[];
  cursor: string;
  /** true once the query is exhausted: the cursor then holds only the watermark for the next sync */
  done: boolean;
  total: number;
}

/**
 * Salesforce drops a query locator after 15 minutes idle; one older than this is not worth the call that would
 * only answer INVALID_QUERY_LOCATOR (the margin covers a request in flight at the limit).
 */
export const LOCATOR_IDLE_LIMIT_MS = 14 * 60_000;

/** `2013-05-20T20:49:32.000+0000` → `2013-05-20T20:49:32.000Z` */
const isoOf = (modstamp: string) => new Date(modstamp.replace(/([+-]\d\d)(\d\d)$/, "$1:$2")).toISOString();

export async function readChanges(
  session: SalesforceSession,
  input: { object: string; fields: string[]; cursor: string | null },
  now = Date.now(),
): Promise<ChangesBatch> {
  const cursor = decodeCursor(input.cursor);
  const response = await fetchBatch(session, input, cursor, now);
  const batch = QueryBatchSchema.parse(await response.json());
  const records = batch.records.map(({ attributes: _attributes, ...data }): ChangedRecord => ({
    id: data.Id,
    op: data.IsDeleted ? "delete" : "upsert",
    data,
    modstamp: isoOf(data.SystemModstamp),
  }));
  const last = records.at(-1)?.modstamp;
  // The lookback re-reads rows older than the watermark: it only ever moves forward.
  const watermark = last !== undefined && (cursor.watermark === null || last > cursor.watermark) ? last : cursor.watermark;
  const next = batch.nextRecordsUrl ?? null;
  const position = next === null ? { watermark, next } : { watermark, next, next_issued_at: new Date(now).toISOString() };
  return { records, cursor: encodeCursor(position), done: next === null, total: batch.totalSize };
}

const isStale = (cursor: SyncCursor, now: number) =>
  cursor.next_issued_at !== undefined && now - Date.parse(cursor.next_issued_at) > LOCATOR_IDLE_LIMIT_MS;

async function fetchBatch(session: SalesforceSession, input: { object: string; fields: string[] }, cursor: SyncCursor, now: number): Promise<Response> {
  const headers = { "Sforce-Query-Options": `batchSize=${session.settings.batch_size}` };
  if (cursor.next !== null && !isStale(cursor, now)) {
    try {
      return await session.request(cursor.next, { headers });
    } catch (error) {
      if (!(error instanceof SalesforceError && error.state === "cursor-expired")) throw error;
    }
  }
  const soql = incrementalSoql({ ...input, watermark: cursor.watermark, lookbackSeconds: session.settings.lookback_seconds });
  return session.request(`queryAll?q=${encodeURIComponent(soql)}`, { headers });
}
