/**
 * Hands a page of raw records to normalization as RawBatch messages on RAW_QUEUE, counting each on the run.
 * A queue message holds at most 128 KB, so a page is split into batches of at most BATCH_BUDGET_BYTES of JSON;
 * a single record too large for any batch is turned into a reject (quarantined with the reason), never dropped.
 */
import type { Env } from "../../env";
import type { TenantScope } from "../../platform/db";
import type { ReadPage, RawRecord, RejectedRow } from "../connectors/connector";
import { type RawBatch, RawBatchSchema } from "./messages";
import { recordPageRead } from "./runs";

/** Records and rejects per message, leaving room under the 128 KB limit for the envelope. */
export const BATCH_BUDGET_BYTES = 100_000;
const REJECT_RAW_CHARS = 2000;

const encoder = new TextEncoder();
const jsonBytes = (value: unknown) => encoder.encode(JSON.stringify(value)).byteLength;

type Envelope = Omit<RawBatch, "records" | "rejects" | "batch_id">;

/**
 * Sends the page as one or more batches, all sent before they are counted (see sync-step.ts for why). `pageKey`
 * identifies the page within its run (its starting cursor), so a re-read page yields the same batch ids.
 */
export async function sendRawBatches(
  env: Pick<Env, "RAW_QUEUE">,
  scope: TenantScope,
  envelope: Envelope,
  pageKey: string,
  page: Pick<ReadPage, "records" | "rejects" | "progress">,
): Promise<number> {
  const chunks = chunked(page.records, page.rejects ?? []);
  if (chunks.length === 0) return 0;
  const batches = chunks.map((chunk, index) => RawBatchSchema.parse({ ...envelope, batch_id: `${pageKey}#${index}`, ...chunk }));
  // Few sends and one count per page: a crash between them re-reads the page, whose batches then dedupe.
  for (const group of sendGroups(batches)) await env.RAW_QUEUE.sendBatch(group.map((body) => ({ body, contentType: "json" as const })));
  await recordPageRead(scope, envelope.run_id, {
    records: chunks.reduce((n, chunk) => n + chunk.records.length + chunk.rejects.length, 0),
    batches: chunks.length,
    ...(page.progress !== undefined ? { progress: page.progress } : {}),
  });
  return chunks.length;
}

/** A sendBatch call takes at most 100 messages and 256 KB in all. */
const SEND_BATCH_BYTES = 240_000;
const SEND_BATCH_MESSAGES = 100;

function sendGroups(batches: RawBatch[]): RawBatch[][] {
  const groups: RawBatch[][] = [];
  let size = 0;
  for (const batch of batches) {
    const bytes = jsonBytes(batch);
    const last = groups.at(-1);
    if (last === undefined || last.length === SEND_BATCH_MESSAGES || size + bytes > SEND_BATCH_BYTES) {
      groups.push([batch]);
      size = bytes;
    } else {
      last.push(batch);
      size += bytes;
    }
  }
  return groups;
}

interface Chunk {
  records: RawRecord[];
  rejects: RejectedRow[];
}

/** Greedy split by serialized size; an empty page is no batch at all. */
function chunked(records: RawRecord[], rejects: RejectedRow[]): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk = { records: [], rejects: [] };
  let size = 0;
  /** Makes room for an item of `bytes`, starting a new chunk when the current one would overflow. */
  const room = (bytes: number) => {
    if (size > 0 && size + bytes > BATCH_BUDGET_BYTES) {
      chunks.push(current);
      current = { records: [], rejects: [] };
      size = 0;
    }
    size += bytes;
  };
  for (const record of records) {
    const bytes = jsonBytes(record);
    if (bytes <= BATCH_BUDGET_BYTES) {
      room(bytes);
      current.records.push(record);
    } else {
      const reject = oversized(record);
      room(jsonBytes(reject));
      current.rejects.push(reject);
    }
  }
  for (const reject of rejects) {
    room(jsonBytes(reject));
    current.rejects.push(reject);
  }
  if (size > 0) chunks.push(current);
  return chunks;
}

function oversized(record: RawRecord): RejectedRow {
  const raw = JSON.stringify(record.data);
  return {
    line: record.line ?? 1,
    reason: `record ${record.record_id} is larger than a batch can carry (${BATCH_BUDGET_BYTES} bytes)`,
    raw: raw.length <= REJECT_RAW_CHARS ? raw : `${raw.slice(0, REJECT_RAW_CHARS)}…`,
  };
}
