import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { FileSource } from "../../../../workers/aam/connectors/filesource";
import { PREFIX, putFile } from "./helpers";

const OTHER = "tenants/t_other/connections/c_other/";
const source = () => new FileSource(env.FILES, { prefix: PREFIX });

describe("FileSource stays inside its connection's prefix", () => {
  it("a relative name cannot reach another connection's file (R2 keys are not paths)", async () => {
    await putFile("secret.csv", "ssn\n123-45-6789\n", OTHER);
    await expect(source().read("../../../t_other/connections/c_other/secret.csv", null)).rejects.toMatchObject({
      kind: "not-found",
    });
  });

  it("discover lists only its own prefix, not a sibling whose name starts the same", async () => {
    await putFile("mine.csv", "a\n1\n");
    await putFile("theirs.csv", "a\n1\n", PREFIX.replace(/\/$/, "2/"));
    await putFile("secret.csv", "a\n1\n", OTHER);
    expect((await source().discover()).map((object) => object.object)).toEqual(["mine.csv"]);
  });

  it("a cursor made for another file cannot start a read mid-file: a foreign etag restarts from zero", async () => {
    await putFile("a.csv", "id\n1\n2\n3\n");
    await putFile("b.csv", "id\n100\n200\n300\n");
    const cursorOfA = (await new FileSource(env.FILES, { prefix: PREFIX, page_size: 1 }).read("a.csv", null)).next_cursor;
    const page = await new FileSource(env.FILES, { prefix: PREFIX, page_size: 1 }).read("b.csv", cursorOfA);
    expect(page.records.map((r) => [r.line, r.data])).toEqual([[2, { id: "100" }]]);
  });

  it("an oversized row is rejected with a bounded excerpt, not copied whole into the reject", async () => {
    await putFile("wide.csv", `a,b\n${"x".repeat(50_000)}\n`);
    const page = await source().read("wide.csv", null);
    expect(page.rejects?.[0]?.line).toBe(2);
    expect(page.rejects?.[0]?.raw.length).toBeLessThanOrEqual(2001);
  });
});
