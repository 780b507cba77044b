import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { WORKERS_AI_EMBEDDING_MODEL, workersAiEmbedder } from "../../../../../workers/aam/matching/embeddings/workers-ai";

/** texts unique to one test, so the shared fake's call log can be read per test */
const unique = () => `${crypto.randomUUID()} `;

describe("Workers AI embedder", () => {
  it("names its vector space and returns one 768-number vector per text, in order", async () => {
    const embedder = workersAiEmbedder(env.FAKE_AI);
    expect(embedder.model).toBe(WORKERS_AI_EMBEDDING_MODEL);
    expect(embedder.dimensions).toBe(768);
    const p = unique();
    const [revenue, phone, revenueAgain] = await embedder.embed([`${p}annual revenue`, `${p}phone`, `${p}annual revenue`]);
    expect(revenue).toHaveLength(768);
    expect(revenueAgain).toEqual(revenue);
    expect(phone).not.toEqual(revenue);
    expect(await env.FAKE_AI.batchSizes(p)).toEqual([3]);
  });

  it("sends more texts than the model takes at once in batches of 100, keeping the order", async () => {
    const p = unique();
    const texts = Array.from({ length: 250 }, (_, i) => `${p}field ${i}`);
    const embedder = workersAiEmbedder(env.FAKE_AI);
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(250);
    expect(vectors[137]).toEqual((await embedder.embed([`${p}field 137`]))[0]);
    expect(vectors[138]).not.toEqual(vectors[137]);
    expect((await env.FAKE_AI.batchSizes(p)).sort((a, b) => a - b)).toEqual([1, 50, 100, 100]);
  });

  it("makes no call for no texts", async () => {
    expect(await workersAiEmbedder({ run: () => Promise.reject(new Error("called")) }).embed([])).toEqual([]);
  });
});
