/**
 * Streaming NDJSON → rows: one JSON object per `\n`-terminated line (CRLF accepted), blank lines skipped, a line
 * that is not a JSON object a reject. Only the current line is ever buffered, and never past MAX_RECORD_BYTES.
 */
import { MAX_RECORD_BYTES, type ParseStart, type ParsedRow, truncateRaw } from "./rows";
import { concatBytes } from "../../../platform/bytes";

const LF = 0x0a;

export async function* ndjsonRows(body: ReadableStream<Uint8Array>, start: ParseStart): AsyncGenerator<ParsedRow> {
  let offset = start.offset;
  let line = start.line;
  let parts: Uint8Array[] = [];
  let size = 0;
  let overflow = false;
  for await (const chunk of body) {
    let from = 0;
    for (let lf = chunk.indexOf(LF); lf !== -1; lf = chunk.indexOf(LF, from)) {
      take(chunk.subarray(from, lf + 1));
      from = lf + 1;
      const row = lineRow(parts, overflow, ++line, { end: offset, endLine: line });
      if (row !== undefined) yield row;
      parts = [];
      size = 0;
      overflow = false;
    }
    take(chunk.subarray(from));
  }
  // The last line may lack its line break.
  if (size > 0 || overflow) {
    const row = lineRow(parts, overflow, ++line, { end: offset, endLine: line });
    if (row !== undefined) yield row;
  }

  function take(bytes: Uint8Array): void {
    offset += bytes.length;
    if (overflow || bytes.length === 0) return;
    size += bytes.length;
    if (size > MAX_RECORD_BYTES) {
      overflow = true;
      parts = [];
    } else parts.push(bytes);
  }
}

function lineRow(
  parts: Uint8Array[],
  overflow: boolean,
  line: number,
  end: { end: number; endLine: number },
): ParsedRow | undefined {
  if (overflow) {
    return { kind: "reject", line, reason: `line is longer than ${MAX_RECORD_BYTES} bytes`, raw: "", ...end };
  }
  let text: string;
  try {
    // fatal: invalid UTF-8 is a bad line, not silently replaced characters; a leading BOM is dropped.
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(concatBytes(parts));
  } catch {
    return { kind: "reject", line, reason: "line is not valid UTF-8", raw: "", ...end };
  }
  if (text.trim() === "") return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = `invalid JSON: ${(error as Error).message}`;
    return { kind: "reject", line, reason, raw: truncateRaw(text.trim()), ...end };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { kind: "reject", line, reason: "line is not a JSON object", raw: truncateRaw(text.trim()), ...end };
  }
  return { kind: "record", line, data: value as Record<string, unknown>, ...end };
}
