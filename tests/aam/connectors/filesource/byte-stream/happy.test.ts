import { describe, expect, it } from "vitest";
import { PIECE_BYTES, inPieces, readFirstLine } from "../../../../../workers/aam/connectors/filesource/byte-stream";
import { csvRows } from "../../../../../workers/aam/connectors/filesource/csv-rows";
import { ndjsonRows } from "../../../../../workers/aam/connectors/filesource/ndjson-rows";
import type { ParsedRow } from "../../../../../workers/aam/connectors/filesource/rows";
import { streamOf } from "../helpers";
import { concatBytes } from "../../../../../workers/platform/bytes";

/**
 * A ~40 MB file that is never materialized: 64 KiB chunks are generated as they are pulled, and the test sees how
 * many bytes the reader pulled and whether it cancelled the body when it stopped.
 */
function hugeFile(header: string, row: (i: number) => string) {
  const encoder = new TextEncoder();
  const stats = { pulled: 0, cancelled: false };
  let next = 0;
  let pending = header;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      while (pending.length < 64 * 1024) pending += row(next++);
      const chunk = encoder.encode(pending);
      pending = "";
      stats.pulled += chunk.length;
      controller.enqueue(chunk);
    },
    cancel() {
      stats.cancelled = true;
    },
  });
  return { body, stats };
}

async function first(rows: AsyncGenerator<ParsedRow>, count: number): Promise<ParsedRow[]> {
  const taken: ParsedRow[] = [];
  for await (const row of rows) {
    taken.push(row);
    if (taken.length === count) break;
  }
  return taken;
}

describe("reading a page pulls a bounded window of the file, not the file", () => {
  it("CSV: 11 rows of a ~40 MB file pull under 2 MiB, and the body is cancelled", async () => {
    const { body, stats } = hugeFile("id,name,note\n", (i) => `${i},Company ${i},"multi\nline ${i}"\n`);
    const rows = await first(csvRows(body, { offset: 0, line: 0 }), 11);
    expect(rows.at(-1)).toMatchObject({ kind: "record", line: 20, data: { id: "9", name: "Company 9" } });
    expect(stats.pulled).toBeLessThan(2 * 1024 * 1024);
    expect(stats.cancelled).toBe(true);
  });

  it("NDJSON: 10 rows pull a couple of chunks", async () => {
    const { body, stats } = hugeFile("", (i) => `{"id":${i},"name":"Company ${i}"}\n`);
    const rows = await first(ndjsonRows(body, { offset: 0, line: 0 }), 10);
    expect(rows.at(-1)).toMatchObject({ kind: "record", line: 10, data: { id: 9 } });
    expect(stats.pulled).toBeLessThan(256 * 1024);
    expect(stats.cancelled).toBe(true);
  });
});

describe("inPieces and readFirstLine", () => {
  it("replays the chunks read for the header line, then the rest, in pieces of at most PIECE_BYTES", async () => {
    const text = `a;b\n${"x;y\n".repeat(2000)}`;
    const reader = streamOf(text, 3000).getReader();
    const { line, head } = await readFirstLine(reader);
    expect(line).toBe("a;b");
    const pieces: Uint8Array[] = [];
    for await (const piece of inPieces(reader, head)) pieces.push(piece);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(PIECE_BYTES);
    expect(new TextDecoder().decode(concatBytes(pieces))).toBe(text);
  });

  it("the header line ends at a line break outside quotes, without its BOM", async () => {
    const reader = streamOf('\uFEFF"a\nb";c\r\n1;2', 2).getReader();
    expect((await readFirstLine(reader)).line).toBe('"a\nb";c');
  });
});
