import { describe, expect, it } from "vitest";
import { vectorizeIndex, type VectorizeBinding } from "../../../../../workers/aam/matching/index/vectorize";

/** a binding that records what the adapter asks of it */
function recording(matches: VectorizeMatches["matches"] = []) {
  const upserts: VectorizeVector[][] = [];
  const queries: VectorizeQueryOptions[] = [];
  const binding: VectorizeBinding = {
    upsert: async (vectors) => void upserts.push(vectors),
    query: async (_vector, options) => (queries.push(options), { count: matches.length, matches }),
  };
  return { binding, upserts, queries };
}

describe("Vectorize index, limits and odd responses", () => {
  it("splits an upsert over Vectorize's 1000-vector limit", async () => {
    const { binding, upserts } = recording();
    const vectors = Array.from({ length: 2100 }, (_, i) => ({ id: `v${i}`, values: [1, 0], metadata: {} }));
    await vectorizeIndex(binding).upsert("t", vectors);
    expect(upserts.map((batch) => batch.length)).toEqual([1000, 1000, 100]);
    expect(upserts.flat().every((v) => v.namespace === "t")).toBe(true);
  });

  it("caps topK at the 20 matches Vectorize returns with full metadata", async () => {
    const { binding, queries } = recording();
    await vectorizeIndex(binding).query("t", [1, 0], { topK: 50 });
    expect(queries).toEqual([{ topK: 20, namespace: "t", returnMetadata: "all" }]);
  });

  it("drops metadata values it never writes (lists, objects) and reads missing metadata as none", async () => {
    const { binding } = recording([
      { id: "a", score: 0.9, metadata: { target: "phone", tags: ["x", "y"] } },
      { id: "b", score: 0.5 },
    ]);
    const matches = await vectorizeIndex(binding).query("t", [1, 0], { topK: 2 });
    expect(matches).toEqual([
      { id: "a", score: 0.9, metadata: { target: "phone" } },
      { id: "b", score: 0.5, metadata: {} },
    ]);
  });

  it("passes the binding's failure on", async () => {
    const binding: VectorizeBinding = { upsert: async () => Promise.reject(new Error("VECTOR_UPSERT_ERROR (code = 40007)")), query: async () => ({ count: 0, matches: [] }) };
    await expect(vectorizeIndex(binding).upsert("t", [{ id: "a", values: [1], metadata: {} }])).rejects.toThrow(/40007/);
  });
});
