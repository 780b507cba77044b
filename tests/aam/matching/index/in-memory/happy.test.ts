import { describe, expect, it } from "vitest";
import { inMemoryIndex } from "../../../../../workers/aam/matching/index/in-memory";

describe("in-memory vector index", () => {
  it("returns cosine top-K within a namespace, filtered on metadata equality", async () => {
    const index = inMemoryIndex();
    await index.upsert("a", [
      { id: "x", values: [1, 0], metadata: { entity: "account" } },
      { id: "y", values: [0.7, 0.7], metadata: { entity: "account" } },
      { id: "z", values: [1, 0.01], metadata: { entity: "contact" } },
    ]);
    await index.upsert("b", [{ id: "w", values: [1, 0], metadata: { entity: "account" } }]);
    const hits = await index.query("a", [1, 0], { topK: 2, filter: { entity: "account" } });
    expect(hits.map((hit) => hit.id)).toEqual(["x", "y"]);
    expect(hits[0]?.score).toBeCloseTo(1);
    expect(hits[1]?.score).toBeCloseTo(Math.SQRT1_2);
    expect((await index.query("a", [1, 0], { topK: 5 })).map((hit) => hit.id)).toEqual(["x", "z", "y"]);
    expect(await index.query("missing", [1, 0], { topK: 5 })).toEqual([]);
  });

  it("replaces a vector upserted again under the same id", async () => {
    const index = inMemoryIndex();
    await index.upsert("a", [{ id: "x", values: [1, 0], metadata: { v: 1 } }]);
    await index.upsert("a", [{ id: "x", values: [0, 1], metadata: { v: 2 } }]);
    expect(await index.query("a", [0, 1], { topK: 5 })).toEqual([{ id: "x", score: 1, metadata: { v: 2 } }]);
  });
});
