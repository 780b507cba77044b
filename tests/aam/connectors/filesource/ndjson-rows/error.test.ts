import { describe, expect, it } from "vitest";
import { ndjsonRows } from "../../../../../workers/aam/connectors/filesource/ndjson-rows";
import { MAX_RECORD_BYTES } from "../../../../../workers/aam/connectors/filesource/rows";
import { collect, streamOf } from "../helpers";

function rejectsOf(rows: Awaited<ReturnType<typeof collect>>) {
  return rows.flatMap((row) => (row.kind === "reject" ? [{ line: row.line, reason: row.reason, raw: row.raw }] : []));
}

describe("ndjsonRows: bad lines are rejects with their line, and reading goes on", () => {
  it("invalid JSON, a JSON array and a JSON scalar", async () => {
    const text = '{"id":1}\n{"id":2,\n[1,2]\n"text"\n{"id":3}\n';
    for (const chunk of [1, 64 * 1024]) {
      const rows = await collect(ndjsonRows(streamOf(text, chunk), { offset: 0, line: 0 }));
      expect(rows.flatMap((row) => (row.kind === "record" ? [row.line] : []))).toEqual([1, 5]);
      const rejects = rejectsOf(rows);
      expect(rejects.map((r) => [r.line, r.raw])).toEqual([[2, '{"id":2,'], [3, "[1,2]"], [4, '"text"']]);
      expect(rejects[0]?.reason).toMatch(/^invalid JSON: /);
      expect(rejects.slice(1).map((r) => r.reason)).toEqual(["line is not a JSON object", "line is not a JSON object"]);
    }
  });

  it("a line that is not UTF-8", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"a":"'), 0xff, 0xfe, ...new TextEncoder().encode('"}\n{"a":"ok"}\n')]);
    const rows = await collect(ndjsonRows(streamOf(bytes, 4), { offset: 0, line: 0 }));
    expect(rejectsOf(rows)).toEqual([{ line: 1, reason: "line is not valid UTF-8", raw: "" }]);
    expect(rows.at(-1)).toMatchObject({ kind: "record", line: 2, data: { a: "ok" } });
  });

  it("a line past the size limit is rejected without being buffered, and the next line is read", async () => {
    const text = `{"a":"${"x".repeat(MAX_RECORD_BYTES)}"}\n{"a":"next"}\n`;
    const rows = await collect(ndjsonRows(streamOf(text, 4096), { offset: 0, line: 0 }));
    expect(rejectsOf(rows)).toEqual([{ line: 1, reason: `line is longer than ${MAX_RECORD_BYTES} bytes`, raw: "" }]);
    expect(rows.at(-1)).toMatchObject({ kind: "record", line: 2, data: { a: "next" }, end: new TextEncoder().encode(text).length });
  });
});
