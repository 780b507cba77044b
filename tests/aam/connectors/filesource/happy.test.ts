import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { RawRecord, ReadPage } from "../../../../workers/aam/connectors/connector";
import { FileSource } from "../../../../workers/aam/connectors/filesource";
import { WINDOW_BYTES } from "../../../../workers/aam/connectors/filesource/file-bytes";
import { PREFIX, essence, putFile, readAll, spyBucket } from "./helpers";

const source = (config: Record<string, unknown> = {}) => new FileSource(env.FILES, { prefix: PREFIX, ...config });

const MESSY_CSV =
  "\uFEFFid;name;note;amount\r\n" +
  '1;Acme;"first line\r\nsecond; line";1,5\r\n' +
  "\r\n" +
  '2;"Globex ""Intl""";plain;7\r\n' +
  "3;short\r\n" +
  '4;Zoë 東京;"a\nb\nc";\r\n' +
  "5;Initech;;0\r\n" +
  "\r\n";

describe("FileSource.read", () => {
  it("reads a messy CSV: BOM, CRLF, quoted newlines, escaped quotes, detected ';', a ragged row", async () => {
    await putFile("messy.csv", MESSY_CSV);
    const { records, rejects, pages } = await readAll(source(), "messy.csv");
    expect(records.map((r) => [r.line, r.data])).toEqual([
      [2, { id: "1", name: "Acme", note: "first line\r\nsecond; line", amount: "1,5" }],
      [5, { id: "2", name: 'Globex "Intl"', note: "plain", amount: "7" }],
      [7, { id: "4", name: "Zoë 東京", note: "a\nb\nc", amount: "" }],
      [10, { id: "5", name: "Initech", note: "", amount: "0" }],
    ]);
    expect(rejects).toEqual([{ line: 6, reason: "expected 4 fields, found 2", raw: "3;short" }]);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.progress).toEqual({ done: new TextEncoder().encode(MESSY_CSV).length, total: new TextEncoder().encode(MESSY_CSV).length, unit: "bytes" });
  });

  it("any page size yields exactly the records of one big read, quoted newlines and BOM included", async () => {
    await putFile("paged.csv", MESSY_CSV);
    const whole = essence(await readAll(source(), "paged.csv"));
    for (const pageSize of [1, 2, 3]) {
      const paged = await readAll(source({ page_size: pageSize }), "paged.csv");
      expect(essence(paged)).toEqual(whole);
      expect(paged.pages.every((page) => page.records.length + (page.rejects?.length ?? 0) <= pageSize)).toBe(true);
      const done = paged.pages.map((page) => page.progress?.done ?? -1);
      expect(done).toEqual([...done].sort((a, b) => a - b));
    }
  });

  it("a 20,000-row file is read in bounded ranged gets, each page continuing where the last one ended", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i},"Company ${i}","note ${i}\nline two",${i % 7 === 0 ? "" : i * 1.5}\n`);
    const text = `id,name,note,amount\n${rows.join("")}`;
    await putFile("big.csv", text);
    const etag = (await env.FILES.head(PREFIX + "big.csv"))?.etag;
    const { bucket, gets } = spyBucket();
    const paged = new FileSource(bucket, { prefix: PREFIX, page_size: 700 });
    const records: RawRecord[] = [];
    let cursor: string | null = null;
    let done = 0;
    do {
      const firstGet = gets.length;
      const page: ReadPage = await paged.read("big.csv", cursor);
      // Each page starts with a ranged get at the previous page's end, pinned to the etag; none reads the file.
      expect(gets[firstGet]?.range).toMatchObject({ offset: done });
      for (const options of gets.slice(firstGet)) {
        expect(options?.onlyIf).toEqual({ etagMatches: etag });
        expect((options?.range as { length: number }).length).toBeLessThanOrEqual(WINDOW_BYTES);
      }
      records.push(...page.records);
      expect(page.rejects).toEqual([]);
      done = page.progress?.done ?? -1;
      cursor = page.next_cursor;
      expect(records.length).toBeLessThanOrEqual(20_000);
    } while (cursor !== null);

    expect(done).toBe(new TextEncoder().encode(text).length);
    expect(records).toHaveLength(20_000);
    expect(records.map((r) => r.line)).toEqual(rows.map((_, i) => 2 + 2 * i));
    expect(records[12_345]?.data).toEqual({ id: "12345", name: "Company 12345", note: "note 12345\nline two", amount: "18517.5" });
    expect(new Set(records.map((r) => r.record_id)).size).toBe(20_000);

    const whole = await readAll(source({ page_size: 10_000 }), "big.csv");
    expect(records.map((r) => ({ record_id: r.record_id, data: r.data, line: r.line }))).toEqual(essence(whole).records);
  }, 60_000); // 20,000 rows read twice: seconds on a busy 2-core machine, past vitest's 5 s default

  it("NDJSON pages the same way, with bad lines as rejects", async () => {
    const text = '{"id":1,"name":"Acme"}\n\n{"id":2,\n{"id":3,"tags":["x"]}\r\n[4]\n{"id":5}';
    await putFile("events.ndjson", text);
    const whole = await readAll(source(), "events.ndjson");
    expect(whole.records.map((r) => [r.line, r.data])).toEqual([
      [1, { id: 1, name: "Acme" }],
      [4, { id: 3, tags: ["x"] }],
      [6, { id: 5 }],
    ]);
    expect(whole.rejects.map((r) => r.line)).toEqual([3, 5]);
    for (const pageSize of [1, 2]) expect(essence(await readAll(source({ page_size: pageSize }), "events.ndjson"))).toEqual(essence(whole));
  });

  it("a .tsv file is tab-delimited, and config.format reads any name as NDJSON", async () => {
    await putFile("sheet.tsv", "a,b\tc\n1,2\t3\n");
    expect((await source().read("sheet.tsv", null)).records[0]?.data).toEqual({ "a,b": "1,2", c: "3" });
    await putFile("export.data", '{"a":1}\n');
    expect((await source({ format: "ndjson" }).read("export.data", null)).records[0]?.data).toEqual({ a: 1 });
  });

  it("record ids: the id column when configured, else a content hash that survives re-uploads with moved rows and columns", async () => {
    await putFile("ids.csv", "code,name\nA-1,Acme\nB-2,Globex\n");
    expect((await source({ id_column: "code" }).read("ids.csv", null)).records.map((r) => r.record_id)).toEqual(["A-1", "B-2"]);

    const before = (await source().read("ids.csv", null)).records;
    await putFile("ids.csv", "name,code\nInitech,C-3\nGlobex,B-2\nAcme,A-1\n");
    const after = (await source().read("ids.csv", null)).records;
    expect(before.map((r) => r.record_id)).toEqual([after[2]?.record_id, after[1]?.record_id]);
    expect(before[0]?.record_id).toMatch(/^row_[0-9a-f]{32}$/);
    expect(new Set(after.map((r) => r.record_id)).size).toBe(3);
  });

  it("records carry their line and position", async () => {
    await putFile("pos.csv", "a\n1\n2\n");
    const page = await source().read("pos.csv", null);
    const etag = (await env.FILES.head(PREFIX + "pos.csv"))?.etag;
    expect(page.records.map((r) => [r.line, r.cursor])).toEqual([[2, `${etag}:4`], [3, `${etag}:6`]]);
    expect(page.next_cursor).toBeNull();
  });

  it("a file that ends exactly on a page boundary needs no extra empty read", async () => {
    await putFile("exact.csv", "a\n1\n2\n\n");
    const { pages } = await readAll(source({ page_size: 2 }), "exact.csv");
    expect(pages).toHaveLength(1);
  });

  it("empty and header-only files read as no records", async () => {
    await putFile("empty.csv", "");
    await putFile("header.csv", "id,name\r\n");
    for (const name of ["empty.csv", "header.csv"]) {
      expect(await source().read(name, null)).toMatchObject({ records: [], rejects: [], next_cursor: null });
    }
  });
});

describe("FileSource.discover and check", () => {
  it("discovers each file under the prefix with fields inferred from a sample", async () => {
    const prefix = "tenants/t_disc/connections/c_1/";
    await putFile("accounts.csv", "\uFEFFid;Name;revenue;active;since;\n1;Acme;1.5;true;2024-01-05;x\n2;Globex;;false;2023-12-31;y\n", prefix);
    await putFile("deals/contacts.ndjson", '{"id":1,"email":"a@x.io","tags":["vip"]}\n{"id":2,"email":null}\n', prefix);
    await putFile("other.csv", "x\n1\n", "tenants/t_disc/connections/c_10/");
    const objects = await new FileSource(env.FILES, { prefix }).discover();
    expect(objects).toEqual([
      {
        object: "accounts.csv",
        label: "accounts",
        fields: [
          { name: "id", label: "id", type: "integer", nullable: false, sample_values: ["1", "2"] },
          { name: "Name", label: "Name", type: "string", nullable: false, sample_values: ["Acme", "Globex"] },
          { name: "revenue", label: "revenue", type: "number", nullable: true, sample_values: ["1.5"] },
          { name: "active", label: "active", type: "boolean", nullable: false, sample_values: ["true", "false"] },
          { name: "since", label: "since", type: "date", nullable: false, sample_values: ["2024-01-05", "2023-12-31"] },
          { name: "column_6", label: "column_6", type: "string", nullable: false, sample_values: ["x", "y"] },
        ],
      },
      {
        object: "deals/contacts.ndjson",
        label: "contacts",
        fields: [
          { name: "id", label: "id", type: "integer", nullable: false, sample_values: [1, 2] },
          { name: "email", label: "email", type: "string", nullable: true, sample_values: ["a@x.io"] },
          { name: "tags", label: "tags", type: "array", nullable: true, sample_values: [["vip"]] },
        ],
      },
    ]);
  });

  it("reports the entity an uploader chose from the file's metadata, and ignores metadata that is not an entity", async () => {
    const prefix = "tenants/t_disc/connections/c_meta/";
    await env.FILES.put(`${prefix}a.csv`, "id\n1\n", { customMetadata: { entity: "contact" } });
    await env.FILES.put(`${prefix}b.csv`, "id\n1\n", { customMetadata: { entity: "invoice" } });
    await env.FILES.put(`${prefix}c.csv`, "id\n1\n");
    const objects = await new FileSource(env.FILES, { prefix }).discover();
    expect(objects.map((o) => [o.object, o.entity])).toEqual([
      ["a.csv", "contact"],
      ["b.csv", undefined],
      ["c.csv", undefined],
    ]);
  });

  it("check: the bucket answers and the prefix lists", async () => {
    const empty = await new FileSource(env.FILES, { prefix: "tenants/t_none/connections/c_1/" }).check();
    expect(empty).toMatchObject({ ok: true, detail: "no files yet" });
    await putFile("one.csv", "a\n1\n");
    expect(await source().check()).toMatchObject({ ok: true, detail: "files found" });
  });
});
