import { describe, expect, it } from "vitest";
import { csvRows } from "../../../../../workers/aam/connectors/filesource/csv-rows";
import { collect, streamOf, summary } from "../helpers";

interface Case {
  name: string;
  text: string;
  delimiter?: string;
  header: string[];
  records: [number, Record<string, string>][];
}

const cases: Case[] = [
  {
    name: "BOM and LF",
    text: "\uFEFFid,name\n1,Acme\n2,Globex\n",
    header: ["id", "name"],
    records: [[2, { id: "1", name: "Acme" }], [3, { id: "2", name: "Globex" }]],
  },
  {
    name: "CRLF",
    text: "id,name\r\n1,Acme\r\n2,Globex\r\n",
    header: ["id", "name"],
    records: [[2, { id: "1", name: "Acme" }], [3, { id: "2", name: "Globex" }]],
  },
  {
    name: "CR only (classic Mac)",
    text: "id,name\r1,Acme\r2,Globex",
    header: ["id", "name"],
    records: [[2, { id: "1", name: "Acme" }], [3, { id: "2", name: "Globex" }]],
  },
  {
    name: "quoted newlines (LF and CRLF) count as lines of the record",
    text: 'id,note\n1,"line one\nline two"\r\n2,"a\r\nb\r\nc"\n3,last\n',
    header: ["id", "note"],
    records: [[2, { id: "1", note: "line one\nline two" }], [4, { id: "2", note: "a\r\nb\r\nc" }], [7, { id: "3", note: "last" }]],
  },
  {
    name: "escaped quotes and delimiters inside quotes",
    text: 'id,quote\n1,"He said ""hi"", then left"\n2,""""\n',
    header: ["id", "quote"],
    records: [[2, { id: "1", quote: 'He said "hi", then left' }], [3, { id: "2", quote: '"' }]],
  },
  {
    name: "semicolon, detected from the header",
    text: "id;amount;name\n1;1,5;Zoë\n",
    header: ["id", "amount", "name"],
    records: [[2, { id: "1", amount: "1,5", name: "Zoë" }]],
  },
  {
    name: "tab, detected from the header",
    text: "id\tname\tcity, state\n1\tAcme, Inc.\tAustin, TX\n",
    header: ["id", "name", "city, state"],
    records: [[2, { id: "1", name: "Acme, Inc.", "city, state": "Austin, TX" }]],
  },
  {
    name: "pipe, detected from the header (a quoted comma does not count)",
    text: 'id|"a,b,c"\n1|x\n',
    header: ["id", "a,b,c"],
    records: [[2, { id: "1", "a,b,c": "x" }]],
  },
  {
    name: "configured delimiter wins over detection",
    text: "a,b;c\n1,2;3\n",
    delimiter: ";",
    header: ["a,b", "c"],
    records: [[2, { "a,b": "1,2", c: "3" }]],
  },
  {
    name: "blank lines inside and after the data are skipped but counted",
    text: "id\n1\n\n\r\n2\n\n\n",
    header: ["id"],
    records: [[2, { id: "1" }], [5, { id: "2" }]],
  },
  {
    name: "stray quotes inside unquoted fields are kept as written",
    text: 'id,height,company\n1,5\'10",Big "Co" Ltd\n',
    header: ["id", "height", "company"],
    records: [[2, { id: "1", height: "5'10\"", company: 'Big "Co" Ltd' }]],
  },
  {
    name: "last record without a line break; empty values kept as empty strings",
    text: "a,b,c\n0,,false",
    header: ["a", "b", "c"],
    records: [[2, { a: "0", b: "", c: "false" }]],
  },
  {
    name: "unicode in names and values",
    text: "名前,ville,emoji\n東京,Zürich,😀👍\n",
    header: ["名前", "ville", "emoji"],
    records: [[2, { 名前: "東京", ville: "Zürich", emoji: "😀👍" }]],
  },
  {
    name: "header only",
    text: "id,name\n",
    header: ["id", "name"],
    records: [],
  },
  {
    name: "duplicate and empty header names get their own keys",
    text: "name,name, ,name_2\nA,B,C,D\n",
    header: ["name", "name_2", "column_3", "name_2_2"],
    records: [[2, { name: "A", name_2: "B", column_3: "C", name_2_2: "D" }]],
  },
];

// 1-byte chunks split every line break, quote pair, BOM and multi-byte character across chunk boundaries.
const chunkSizes = [1, 5, 64 * 1024];

describe("csvRows: edge cases", () => {
  for (const c of cases) {
    for (const chunk of chunkSizes) {
      it(`${c.name} (chunks of ${chunk} bytes)`, async () => {
        const rows = await collect(csvRows(streamOf(c.text, chunk), { offset: 0, line: 0, delimiter: c.delimiter }));
        const header = rows.find((row) => row.kind === "header");
        expect(header?.kind === "header" ? header.fields.map((f) => f.name) : undefined).toEqual(c.header);
        expect(summary(rows)).toEqual({ records: c.records, rejects: [] });
      });
    }
  }

  it("an empty file has no header and no rows", async () => {
    expect(await collect(csvRows(streamOf(""), { offset: 0, line: 0 }))).toEqual([]);
  });

  it("labels keep the header cell as written, names are unique", async () => {
    const rows = await collect(csvRows(streamOf(" Name ,Name,\n"), { offset: 0, line: 0 }));
    expect(rows[0]).toMatchObject({
      kind: "header",
      fields: [
        { name: "Name", label: "Name" },
        { name: "Name_2", label: "Name" },
        { name: "column_3", label: "column_3" },
      ],
    });
  });

  it("each row reports the byte offset and line just after it, BOM included", async () => {
    const text = '\uFEFFid,note\r\n1,"a\r\nb"\r\n\r\n2,c';
    const rows = await collect(csvRows(streamOf(text, 3), { offset: 0, line: 0 }));
    const size = new TextEncoder().encode(text).length;
    expect(rows.map((row) => [row.kind, row.end, row.endLine])).toEqual([
      ["header", 3 + 9, 1],
      ["record", 3 + 9 + 10, 3],
      ["record", size, 5],
    ]);
  });

  it("resumes mid-file from an offset with the saved header and delimiter", async () => {
    const text = 'id;note\n1;"x\ny"\n2;z\n3;w\n';
    const all = await collect(csvRows(streamOf(text), { offset: 0, line: 0 }));
    const first = all[1];
    if (first?.kind !== "record") throw new Error("expected a record");
    const rest = new TextEncoder().encode(text).slice(first.end);
    const resumed = await collect(
      csvRows(streamOf(rest, 2), { offset: first.end, line: first.endLine, columns: ["id", "note"], delimiter: ";" }),
    );
    expect(resumed).toEqual(all.slice(2));
  });
});
