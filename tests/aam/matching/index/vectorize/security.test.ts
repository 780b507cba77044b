import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { vectorizeIndex } from "../../../../../workers/aam/matching/index/vectorize";

describe("Vectorize index, tenant isolation", () => {
  it("never returns another namespace's vectors, whatever the filter", async () => {
    const index = vectorizeIndex(env.FAKE_VECTORIZE);
    const [a, b] = [`tenant-${crypto.randomUUID()}`, `tenant-${crypto.randomUUID()}`];
    await index.upsert(a, [{ id: "secret", values: [1, 0, 0], metadata: { entity: "account", target: "annual_revenue" } }]);
    expect(await index.query(b, [1, 0, 0], { topK: 10 })).toEqual([]);
    expect(await index.query(b, [1, 0, 0], { topK: 10, filter: { entity: "account" } })).toEqual([]);
    expect((await index.query(a, [1, 0, 0], { topK: 10 })).map((m) => m.id)).toEqual(["secret"]);
  });
});
