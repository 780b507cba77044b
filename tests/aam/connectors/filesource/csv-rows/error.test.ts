import { describe, expect, it } from "vitest";
import { csvRows } from "../../../../../workers/aam/connectors/filesource/csv-rows";
import { MAX_RECORD_BYTES } from "../../../../../workers/aam/connectors/filesource/rows";
import { collect, streamOf, summary } from "../helpers";

describe("csvRows: bad rows are rejects with their line, not failures", () => {
  const cases: { name: string; text: string; records: number[]; rejects: [number, string, string][] }[] = [
    {
      name: "too few and too many fields",
      text: "a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n",
      records: [2, 5],
      rejects: [
        [3, "expected 3 fields, found 2", "4,5"],
        [4, "expected 3 fields, found 4", "6,7,8,9"],
      ],
    },
    {
      name: "a ragged row after a multi-line quoted field and blank lines has its own line",
      text: 'a,b\r\n1,"x\r\ny\r\nz"\r\n\r\n2\r\n3,4\r\n',
      records: [2, 7],
      rejects: [[6, "expected 2 fields, found 1", "2"]],
    },
    {
      name: "a whitespace-only line is a row with one field",
      text: "a,b\n  \n1,2\n",
      records: [3],
      rejects: [[2, "expected 2 fields, found 1", "  "]],
    },
    {
      name: "a quote that never closes rejects the rest of the file from its line",
      text: 'a,b\n1,2\n3,"open\n4,5\n6,7\n',
      records: [2],
      rejects: [[3, "a quoted field is never closed; the rest of the file cannot be read", '3,"open\n4,5\n6,7']],
    },
    {
      name: "an unclosed quote in the header leaves nothing readable",
      text: '"a,b\n1,2\n',
      records: [],
      rejects: [[1, "a quoted field is never closed; the rest of the file cannot be read", '"a,b\n1,2']],
    },
  ];
  for (const c of cases) {
    for (const chunk of [1, 64 * 1024]) {
      it(`${c.name} (chunks of ${chunk} bytes)`, async () => {
        const rows = await collect(csvRows(streamOf(c.text, chunk), { offset: 0, line: 0 }));
        expect(summary(rows).records.map(([line]) => line)).toEqual(c.records);
        expect(rows.flatMap((r) => (r.kind === "reject" ? [[r.line, r.reason, r.raw]] : []))).toEqual(c.rejects);
      });
    }
  }

  it("a record past the size limit is rejected instead of buffered without bound", async () => {
    const text = `a,b\n1,2\n3,"${"x".repeat(MAX_RECORD_BYTES + 10)}"\n4,5\n`;
    const rows = await collect(csvRows(streamOf(text), { offset: 0, line: 0 }));
    expect(summary(rows).records).toEqual([[2, { a: "1", b: "2" }]]);
    const reject = rows.at(-1);
    expect(reject).toMatchObject({ kind: "reject", line: 3 });
    expect(reject?.kind === "reject" ? reject.reason : "").toMatch(/longer than/);
    expect(reject?.kind === "reject" ? reject.raw.length : Infinity).toBeLessThanOrEqual(2001);
  });
});
