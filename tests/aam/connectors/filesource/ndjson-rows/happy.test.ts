import { describe, expect, it } from "vitest";
import { ndjsonRows } from "../../../../../workers/aam/connectors/filesource/ndjson-rows";
import { collect, streamOf, summary } from "../helpers";

const cases: { name: string; text: string; records: [number, Record<string, unknown>][] }[] = [
  {
    name: "one object per line, types kept",
    text: '{"id":1,"name":"Acme","active":true,"tags":["a"],"owner":{"id":7},"closed":null}\n{"id":2,"name":"Zoë 東京 😀"}\n',
    records: [
      [1, { id: 1, name: "Acme", active: true, tags: ["a"], owner: { id: 7 }, closed: null }],
      [2, { id: 2, name: "Zoë 東京 😀" }],
    ],
  },
  {
    name: "blank and whitespace-only lines are skipped but counted",
    text: '{"id":1}\n\n   \n{"id":2}\n\n',
    records: [[1, { id: 1 }], [4, { id: 2 }]],
  },
  {
    name: "BOM, CRLF and no final line break",
    text: '\uFEFF{"id":1}\r\n{"id":2}',
    records: [[1, { id: 1 }], [2, { id: 2 }]],
  },
  {
    name: "a string containing an escaped newline stays on its line",
    text: '{"note":"a\\nb"}\n{"note":"c"}\n',
    records: [[1, { note: "a\nb" }], [2, { note: "c" }]],
  },
];

describe("ndjsonRows", () => {
  for (const c of cases) {
    for (const chunk of [1, 3, 64 * 1024]) {
      it(`${c.name} (chunks of ${chunk} bytes)`, async () => {
        const rows = await collect(ndjsonRows(streamOf(c.text, chunk), { offset: 0, line: 0 }));
        expect(summary(rows)).toEqual({ records: c.records, rejects: [] });
      });
    }
  }

  it("an empty file has no rows", async () => {
    expect(await collect(ndjsonRows(streamOf(""), { offset: 0, line: 0 }))).toEqual([]);
  });

  it("each row ends just after its line break, and a resumed read continues the same rows", async () => {
    const text = '{"id":1}\r\n\n{"id":2}\n{"id":3}';
    const all = await collect(ndjsonRows(streamOf(text, 2), { offset: 0, line: 0 }));
    expect(all.map((row) => [row.end, row.endLine])).toEqual([[10, 1], [20, 3], [28, 4]]);
    const first = all[0];
    if (first === undefined) throw new Error("expected a row");
    const rest = new TextEncoder().encode(text).slice(first.end);
    expect(await collect(ndjsonRows(streamOf(rest), { offset: first.end, line: first.endLine }))).toEqual(all.slice(1));
  });
});
