/** Shared by the FileSource tests: byte streams of a text in chosen chunk sizes, and draining readers. */
import { env } from "cloudflare:test";
import type { RawRecord, ReadPage, RejectedRow } from "../../../../workers/aam/connectors/connector";
import type { FileSource } from "../../../../workers/aam/connectors/filesource";
import type { ParsedRow } from "../../../../workers/aam/connectors/filesource/rows";

/** The text's UTF-8 bytes as a stream of `chunkBytes`-sized chunks (1 splits every multi-byte sequence). */
export function streamOf(text: string | Uint8Array, chunkBytes = 64 * 1024): ReadableStream<Uint8Array> {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + chunkBytes));
      at += chunkBytes;
    },
  });
}

export async function collect(rows: AsyncIterable<ParsedRow>): Promise<ParsedRow[]> {
  const out: ParsedRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/** Records as [line, data] and rejects as [line, reason] — what a table row states. */
export function summary(rows: ParsedRow[]) {
  return {
    records: rows.flatMap((row) => (row.kind === "record" ? [[row.line, row.data]] : [])),
    rejects: rows.flatMap((row) => (row.kind === "reject" ? [[row.line, row.reason]] : [])),
  };
}

export const PREFIX = "tenants/t_test/connections/c_test/";

export async function putFile(name: string, body: string | Uint8Array, prefix = PREFIX): Promise<void> {
  await env.FILES.put(prefix + name, body);
}

/** A reader that ignored its cursor would page forever; fail instead. */
const MAX_PAGES = 1000;

/** Reads `object` page by page until the connector says it is done. */
export async function readAll(source: FileSource, object: string) {
  const records: RawRecord[] = [];
  const rejects: RejectedRow[] = [];
  const pages: ReadPage[] = [];
  let cursor: string | null = null;
  do {
    const page: ReadPage = await source.read(object, cursor);
    pages.push(page);
    records.push(...page.records);
    rejects.push(...(page.rejects ?? []));
    cursor = page.next_cursor;
    if (pages.length > MAX_PAGES) throw new Error(`${object} did not end after ${MAX_PAGES} pages`);
  } while (cursor !== null);
  return { records, rejects, pages };
}

/** env.FILES, recording the options of every get (to see ranged and conditional reads). */
export function spyBucket() {
  const gets: (R2GetOptions | undefined)[] = [];
  const bucket = {
    get: (key: string, options?: R2GetOptions) => {
      gets.push(options);
      return env.FILES.get(key, options);
    },
    head: (key: string) => env.FILES.head(key),
    list: (options?: R2ListOptions) => env.FILES.list(options),
  } as unknown as R2Bucket;
  return { bucket, gets };
}

/** What page-size-independent reading must preserve: ids, data and lines of records, and the rejects. */
export function essence(read: Awaited<ReturnType<typeof readAll>>) {
  return {
    records: read.records.map((r) => ({ record_id: r.record_id, data: r.data, line: r.line })),
    rejects: read.rejects,
  };
}
