/**
 * Streaming CSV → rows with csv-parse's WHATWG stream API. The header is parsed here rather than by csv-parse's
 * `columns`, so a resumed read can start mid-file with the header from its cursor; ragged rows are compared here
 * too, so they become rejects with their line number instead of stopping the parse.
 */
import { type CsvError, type InfoRecord, parse } from "csv-parse/stream";
import { inPieces, readFirstLine } from "./byte-stream";
import { sniffDelimiter } from "./delimiter";
import { headerFields } from "./header";
import { MAX_RECORD_BYTES, type ParseStart, type ParsedRow, truncateRaw } from "./rows";

export interface CsvStart extends ParseStart {
  /** the header's names, from the cursor; undefined: the first record is the header */
  columns?: string[];
  /** undefined: sniffed from the header line */
  delimiter?: string;
}

/** What csv-parse emits with `raw` and `info` on and no `columns`. */
interface CsvParseOutput {
  record: string[];
  raw: string;
  info: InfoRecord;
}

/** A parse error that leaves no record boundary to resume from, and how many records csv-parse emitted before it. */
interface Unreadable {
  error: CsvError | undefined;
  raw: string;
  after: number;
}

const LINE_BREAK = /\r\n|\r|\n/g;
const LEADING_BREAKS = /^(?:\r\n|\r|\n)+/;
const TRAILING_BREAK = /(?:\r\n|\r|\n)$/;

export async function* csvRows(body: ReadableStream<Uint8Array>, start: CsvStart): AsyncGenerator<ParsedRow> {
  const reader = body.getReader();
  const sniffed = start.delimiter === undefined ? await readFirstLine(reader) : undefined;
  const delimiter = start.delimiter ?? sniffDelimiter(sniffed?.line ?? "");
  // An error that errors the stream would discard the records still queued in it, so errors are caught with
  // on_skip instead and put back in order by counting the records emitted before them.
  let emitted = 0;
  let unreadable: Unreadable | undefined;
  const parser = parse({
    delimiter,
    // All three line endings at once: no state to carry in the cursor, and mixed-ending files still parse.
    record_delimiter: ["\r\n", "\n", "\r"],
    bom: start.offset === 0,
    raw: true,
    info: true,
    skip_empty_lines: true,
    // Ragged rows are judged below; stray quotes inside unquoted fields (5'10", Big "Co") are kept as written.
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_RECORD_BYTES,
    skip_records_with_error: true,
    on_record: (output) => {
      emitted++;
      return output;
    },
    on_skip: (error, raw) => {
      unreadable ??= { error, raw: raw ?? "", after: emitted };
      return undefined;
    },
  }) as TransformStream<Uint8Array, CsvParseOutput>;

  let columns = start.columns;
  let line = start.line;
  let consumed = 0;
  for await (const { record, raw, info } of inPieces(reader, sniffed?.head).pipeThrough(parser)) {
    // csv-parse goes on after such an error, but from a broken state: nothing after it is trusted.
    if (unreadable !== undefined && consumed === unreadable.after) break;
    consumed++;
    const lines = linesOf(raw, line);
    line = lines.endLine;
    const end = { end: start.offset + info.bytes, endLine: line };
    if (columns === undefined) {
      const fields = headerFields(record);
      columns = fields.map((field) => field.name);
      yield { kind: "header", fields, delimiter, ...end };
    } else if (record.length !== columns.length) {
      const reason = `expected ${columns.length} fields, found ${record.length}`;
      yield { kind: "reject", line: lines.line, reason, raw: displayRaw(raw), ...end };
    } else {
      const data = Object.fromEntries(columns.map((name, i) => [name, record[i]]));
      yield { kind: "record", line: lines.line, data, ...end };
    }
  }
  if (unreadable !== undefined) {
    // Everything from that record on is one reject, and the file ends there.
    const { error, raw } = unreadable;
    const bytes = typeof error?.bytes === "number" ? error.bytes : 0;
    const reason = unreadableReason(error);
    yield { kind: "reject", reason, raw: displayRaw(raw), end: start.offset + bytes, ...linesOf(raw, line) };
  }
}

/**
 * The lines a row's raw text (blank lines before it, the row, its line break) starts and ends on, after a row that
 * ended on `previousEnd`. Counted here because csv-parse's own count takes a quoted CRLF for two lines.
 */
function linesOf(raw: string, previousEnd: number): { line: number; endLine: number } {
  const blank = breaks(raw.match(LEADING_BREAKS)?.[0] ?? "");
  const line = previousEnd + 1 + blank;
  return { line, endLine: line + breaks(rowText(raw)) };
}

function breaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

/** The row without the blank lines before it and its own line break. */
function rowText(raw: string): string {
  return raw.replace(LEADING_BREAKS, "").replace(TRAILING_BREAK, "");
}

function displayRaw(raw: string): string {
  return truncateRaw(rowText(raw));
}

function unreadableReason(error: CsvError | undefined): string {
  if (error?.code === "CSV_QUOTE_NOT_CLOSED") {
    return "a quoted field is never closed; the rest of the file cannot be read";
  }
  if (error?.code === "CSV_MAX_RECORD_SIZE") {
    return `a record is longer than ${MAX_RECORD_BYTES} characters; the rest of the file cannot be read`;
  }
  return `${error?.message ?? "unreadable CSV"}; the rest of the file cannot be read`;
}
