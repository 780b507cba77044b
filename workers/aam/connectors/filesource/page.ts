/**
 * One read() page from a file's rows: up to `pageSize` rows (records and rejects alike, so a file of bad rows
 * still advances), the cursor just after the last of them, and whether anything is left (one row is looked
 * ahead, so a file that ends exactly on a page boundary says so instead of costing an empty extra read).
 */
import type { RawRecord, ReadPage, RejectedRow } from "../connector";
import { type FileCursor, encodeCursor } from "./cursor";
import { recordIdOf } from "./record-id";
import { type ParsedRow, truncateRaw } from "./rows";

export interface PageOptions {
  pageSize: number;
  idColumn: string | undefined;
  /** where the rows start: the cursor read from (or a fresh one for the object's current version) */
  start: FileCursor;
  /** the object's full size, for progress */
  size: number;
}

export async function readPage(rows: AsyncIterable<ParsedRow>, options: PageOptions): Promise<ReadPage> {
  const records: RawRecord[] = [];
  const rejects: RejectedRow[] = [];
  let position = options.start;
  let more = false;
  for await (const row of rows) {
    if (row.kind === "header") {
      const columns = row.fields.map((field) => field.name);
      position = { ...position, columns, delimiter: row.delimiter, offset: row.end, line: row.endLine };
      continue;
    }
    if (records.length + rejects.length === options.pageSize) {
      more = true;
      break;
    }
    position = { ...position, offset: row.end, line: row.endLine };
    if (row.kind === "reject") {
      rejects.push({ line: row.line, reason: row.reason, raw: row.raw });
      continue;
    }
    const id = await recordIdOf(row.data, options.idColumn);
    if ("reason" in id) {
      rejects.push({ line: row.line, reason: id.reason, raw: truncateRaw(JSON.stringify(row.data)) });
      continue;
    }
    records.push({ record_id: id.id, data: row.data, cursor: `${position.etag}:${row.end}`, line: row.line });
  }
  return {
    records,
    rejects,
    next_cursor: more ? encodeCursor(position) : null,
    progress: { done: more ? position.offset : options.size, total: options.size, unit: "bytes" },
  };
}
