import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { EmbeddingResponseError, workersAiEmbedder } from "../../../../../workers/aam/matching/embeddings/workers-ai";

describe("Workers AI embedder, bad responses", () => {
  it("refuses vectors of the wrong width instead of indexing them", async () => {
    const embed = workersAiEmbedder(env.FAKE_AI).embed(["name", "__short_vectors__"]);
    await expect(embed).rejects.toThrow(EmbeddingResponseError);
    await expect(embed).rejects.toThrow(/not 768 finite numbers/);
  });

  it("refuses a response without embeddings (an async queue ticket)", async () => {
    await expect(workersAiEmbedder(env.FAKE_AI).embed(["__no_data__"])).rejects.toThrow(/returned no data array/);
  });

  it("refuses a count that does not match the texts sent", async () => {
    const oneVector = { run: async () => ({ shape: [1, 768], data: [Array.from({ length: 768 }, () => 0.1)] }) };
    await expect(workersAiEmbedder(oneVector).embed(["a", "b"])).rejects.toThrow(/returned 1 vectors for 2 texts/);
  });

  it("passes the binding's own failure on", async () => {
    const failing = { run: async () => Promise.reject(new Error("AiError: 3040: Capacity temporarily exceeded")) };
    await expect(workersAiEmbedder(failing).embed(["a"])).rejects.toThrow(/Capacity temporarily exceeded/);
  });
});
