/**
 * Opens a file in R2 where a cursor left off, reading on from the cursor's offset with the saved header, never
 * from the start. A replaced file (new etag) is opened from the start with a fresh cursor instead, so its rows
 * are read in full rather than from an offset that means nothing in the new content.
 */
import { ProblemError } from "../../../gateway/problem";
import type { FileFormat } from "./config";
import { csvRows } from "./csv-rows";
import type { FileCursor } from "./cursor";
import { fileBytes } from "./file-bytes";
import { ndjsonRows } from "./ndjson-rows";
import type { ParsedRow } from "./rows";

export interface OpenFile {
  rows: AsyncGenerator<ParsedRow>;
  /** the position the rows start at, for this version of the object */
  start: FileCursor;
  size: number;
}

export async function openFile(
  bucket: R2Bucket,
  key: string,
  cursor: FileCursor | undefined,
  parsing: { format: FileFormat; delimiter: string | undefined },
): Promise<OpenFile> {
  const head = await bucket.head(key);
  if (head === null) throw new ProblemError("not-found", `There is no file "${key}"`);
  const start: FileCursor =
    cursor !== undefined && cursor.etag === head.etag ? cursor : { v: 1, etag: head.etag, offset: 0, line: 0 };
  const body = fileBytes(bucket, { key, etag: head.etag, size: head.size }, start.offset);
  const rows =
    parsing.format === "ndjson"
      ? ndjsonRows(body, start)
      : csvRows(body, { ...start, delimiter: start.delimiter ?? parsing.delimiter });
  return { rows, start, size: head.size };
}
