import { describe, expect, it } from "vitest";
import { offlineEmbedder } from "../../../../workers/aam/matching/embeddings/offline";
import { inMemoryIndex } from "../../../../workers/aam/matching/index/in-memory";
import { preparedTargets } from "../../../../workers/aam/matching/knowledge";
import { memoryVector } from "../../../../workers/aam/matching/memory-vectors";
import type { Embedder, MemoryEntry, VectorIndex } from "../../../../workers/aam/matching/ports";
import { createRetriever } from "../../../../workers/aam/matching/retrieval";
import { fieldDocument } from "../../../../workers/aam/matching/score";

/** The offline embedder under a model name of the test's own (the target cache is per isolate), counting its texts. */
function countingEmbedder(failFirst = false): Embedder & { texts: string[] } {
  let calls = 0;
  const texts: string[] = [];
  return {
    model: `counting-${crypto.randomUUID()}`,
    dimensions: offlineEmbedder.dimensions,
    texts,
    async embed(batch) {
      calls += 1;
      if (failFirst && calls === 1) throw new Error("embedding service unavailable");
      texts.push(...batch);
      return offlineEmbedder.embed(batch);
    },
  };
}

/** An index that records every call and fails any write. */
function readOnlyIndex(inner: VectorIndex = inMemoryIndex()): VectorIndex & { queried: string[] } {
  const queried: string[] = [];
  return {
    queried,
    upsert: async (namespace) => Promise.reject(new Error(`unexpected upsert into ${namespace}`)),
    query: async (namespace, vector, options) => (queried.push(namespace), inner.query(namespace, vector, options)),
  };
}

const accepted: MemoryEntry = { system: "salesforce", entity: "account", field_name: "Zq_Code_7__c", field_label: null, target: "industry", verdict: "accepted" };
const documents = [fieldDocument("Zq_Code_7__c", null), fieldDocument("Industry", null)];

describe("retrieval", () => {
  it("embeds an entity's target documents once per embedder model, and compares every target in-process", async () => {
    const embedder = countingEmbedder();
    const targetCount = preparedTargets("account").length;
    const first = await createRetriever({ embedder, index: readOnlyIndex(), memory: [] })("account", "salesforce", documents);
    expect(embedder.texts).toHaveLength(targetCount + documents.length);
    expect([...first.canonical[1]!.keys()].sort()).toEqual(preparedTargets("account").map((known) => known.target).sort());
    expect(first.canonical[1]!.get("industry")).toBeGreaterThan(first.canonical[1]!.get("phone")!);
    // another matcher in the same isolate reuses them: only the request's fields are embedded
    await createRetriever({ embedder, index: readOnlyIndex(), memory: [] })("account", "salesforce", documents);
    expect(embedder.texts).toHaveLength(targetCount + 2 * documents.length);
    await createRetriever({ embedder, index: readOnlyIndex(), memory: [] })("contact", "salesforce", documents);
    expect(embedder.texts).toHaveLength(targetCount + preparedTargets("contact").length + 3 * documents.length);
  });

  it("embeds the target documents again after a failed attempt", async () => {
    const embedder = countingEmbedder(true);
    const retrieve = createRetriever({ embedder, index: readOnlyIndex(), memory: [] });
    await expect(retrieve("account", undefined, documents)).rejects.toThrow("embedding service unavailable");
    const retrieval = await retrieve("account", undefined, documents);
    expect(retrieval.canonical[0]!.size).toBe(preparedTargets("account").length);
  });

  it("queries the memory namespace it is given and writes nothing to the index", async () => {
    const stored = inMemoryIndex();
    const [vector] = await offlineEmbedder.embed([fieldDocument("Zq_Code_7__c", null)]);
    await stored.upsert("memory:tnt_1", [memoryVector("mem_1", accepted, vector!, offlineEmbedder.model)]);
    const index = readOnlyIndex(stored);
    const retrieve = createRetriever({ embedder: countingEmbedder(), index, memory: [accepted], memoryNamespace: "memory:tnt_1" });
    const retrieval = await retrieve("account", "salesforce", documents);
    expect(index.queried).toEqual(["memory:tnt_1", "memory:tnt_1"]);
    expect(retrieval.memory[0]).toEqual([{ target: "industry", verdict: "accepted", strength: expect.closeTo(1, 6) }]);
    expect(retrieval.memory[1]).toEqual([]);
  });

  it("seeds a listed memory once per matcher, and neither seeds nor queries an empty one", async () => {
    const seeded: string[] = [];
    const inner = inMemoryIndex();
    const index: VectorIndex = { upsert: async (namespace, vectors) => (seeded.push(namespace), inner.upsert(namespace, vectors)), query: inner.query };
    const retrieve = createRetriever({ embedder: countingEmbedder(), index, memory: [accepted] });
    await retrieve("account", "salesforce", documents);
    const again = await retrieve("account", "salesforce", documents);
    expect(seeded).toHaveLength(1);
    expect(again.memory[0]).toMatchObject([{ target: "industry", verdict: "accepted" }]);
    const empty = readOnlyIndex();
    expect((await createRetriever({ embedder: countingEmbedder(), index: empty, memory: [] })("account", "salesforce", documents)).memory).toEqual([[], []]);
    expect(empty.queried).toEqual([]);
  });
});
