import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { FileSource } from "../../../../workers/aam/connectors/filesource";
import { encodeCursor } from "../../../../workers/aam/connectors/filesource/cursor";
import { PREFIX, putFile, readAll } from "./helpers";

const source = (config: Record<string, unknown> = {}) => new FileSource(env.FILES, { prefix: PREFIX, ...config });

describe("FileSource errors", () => {
  it("a file replaced between pages (new etag) is read again from its first row", async () => {
    await putFile("changing.csv", "id,name\n1,old one\n2,old two\n3,old three\n");
    const first = await source({ page_size: 1 }).read("changing.csv", null);
    expect(first.records.map((r) => r.data.name)).toEqual(["old one"]);

    await putFile("changing.csv", "id;label\n10;new ten\n20;new twenty\n");
    const next = await source({ page_size: 1 }).read("changing.csv", first.next_cursor);
    expect(next.records.map((r) => [r.line, r.data])).toEqual([[2, { id: "10", label: "new ten" }]]);
    const rest = await source({ page_size: 1 }).read("changing.csv", next.next_cursor);
    expect(rest.records.map((r) => r.data)).toEqual([{ id: "20", label: "new twenty" }]);
    expect(rest.next_cursor).toBeNull();
  });

  it("bad rows come back as rejects with line and reason; read does not throw", async () => {
    await putFile("bad.csv", 'code,name\nA,Acme\nB\n,Nameless\nC,Initech,extra\nD,"never closed\nE,Later\n');
    const { records, rejects } = await readAll(source({ id_column: "code", page_size: 2 }), "bad.csv");
    expect(records.map((r) => [r.record_id, r.line])).toEqual([["A", 2]]);
    expect(rejects).toEqual([
      { line: 3, reason: "expected 2 fields, found 1", raw: "B" },
      { line: 4, reason: 'the id column "code" is empty (or not a string or number)', raw: '{"code":"","name":"Nameless"}' },
      { line: 5, reason: "expected 2 fields, found 3", raw: "C,Initech,extra" },
      { line: 6, reason: "a quoted field is never closed; the rest of the file cannot be read", raw: 'D,"never closed\nE,Later' },
    ]);
  });

  it("reading a file that does not exist is not-found", async () => {
    await expect(source().read("missing.csv", null)).rejects.toMatchObject({ name: "ProblemError", kind: "not-found" });
  });

  it("a file deleted between pages is not-found", async () => {
    await putFile("deleted.csv", "a\n1\n2\n");
    const first = await source({ page_size: 1 }).read("deleted.csv", null);
    await env.FILES.delete(PREFIX + "deleted.csv");
    await expect(source({ page_size: 1 }).read("deleted.csv", first.next_cursor)).rejects.toMatchObject({ kind: "not-found" });
  });

  it("a cursor that is not ours is a validation error", async () => {
    await putFile("c.csv", "a\n1\n");
    for (const cursor of ["", "not-base64!", btoa("{}"), encodeCursor({ v: 1, etag: "x", offset: -1, line: 0 })]) {
      await expect(source().read("c.csv", cursor)).rejects.toMatchObject({ kind: "validation-error" });
    }
  });

  it("write is not supported: files are read-only", async () => {
    const change = { object: "c.csv", op: "upsert" as const, data: {}, idempotency_key: "k" };
    await expect(source().write(change)).rejects.toMatchObject({ kind: "method-not-allowed" });
  });

  it("an invalid config is a validation error naming the field", () => {
    const cases: Record<string, unknown>[] = [
      {},
      { prefix: "no/trailing/slash" },
      { prefix: PREFIX, page_size: 0 },
      { prefix: PREFIX, delimiter: ";;" },
      { prefix: PREFIX, format: "xlsx" },
    ];
    for (const config of cases) {
      expect(() => new FileSource(env.FILES, config)).toThrow(expect.objectContaining({ kind: "validation-error" }));
    }
  });

  it("check reports an unreachable bucket instead of throwing", async () => {
    const down = { list: () => Promise.reject(new Error("connection reset")) } as unknown as R2Bucket;
    const health = await new FileSource(down, { prefix: PREFIX }).check();
    expect(health).toMatchObject({ ok: false, detail: "R2 is not reachable: connection reset" });
  });

  it("an empty file name is refused", async () => {
    await expect(source().read("", null)).rejects.toMatchObject({ kind: "validation-error" });
  });
});
