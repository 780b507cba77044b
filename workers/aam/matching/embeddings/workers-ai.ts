/**
 * The production Embedder: Workers AI's bge-base-en-v1.5 (768 dimensions, English) through the `AI` binding.
 * Texts go in batches of the model's documented maximum, and every response is checked for its shape: a model
 * returning the wrong count or width must fail loudly, not poison the index with vectors of another space.
 */
import type { Embedder } from "../ports";

export const WORKERS_AI_EMBEDDING_MODEL = "@cf/baai/bge-base-en-v1.5";
const DIMENSIONS = 768;
/** bge-base-en-v1.5 takes at most 100 texts per call */
const MAX_BATCH = 100;

/** The one method of the binding used here (the full `Ai` type's overloads are not needed, and tests bind a stand-in). */
export interface TextEmbeddingBinding {
  run(model: typeof WORKERS_AI_EMBEDDING_MODEL, inputs: { text: string[] }): Promise<unknown>;
}

export class EmbeddingResponseError extends Error {
  override name = "EmbeddingResponseError";
}

/** `{shape: [n, 768], data: [[…768 numbers] × n]}`, else an EmbeddingResponseError saying what was wrong. */
function vectorsOf(response: unknown, expected: number): number[][] {
  const data = (response as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw new EmbeddingResponseError(`${WORKERS_AI_EMBEDDING_MODEL} returned no data array`);
  if (data.length !== expected) throw new EmbeddingResponseError(`${WORKERS_AI_EMBEDDING_MODEL} returned ${data.length} vectors for ${expected} texts`);
  for (const vector of data) {
    if (!Array.isArray(vector) || vector.length !== DIMENSIONS || !vector.every((x) => typeof x === "number" && Number.isFinite(x))) {
      throw new EmbeddingResponseError(`${WORKERS_AI_EMBEDDING_MODEL} returned a vector that is not ${DIMENSIONS} finite numbers`);
    }
  }
  return data as number[][];
}

export function workersAiEmbedder(ai: TextEmbeddingBinding): Embedder {
  return {
    model: WORKERS_AI_EMBEDDING_MODEL,
    dimensions: DIMENSIONS,
    async embed(texts) {
      const batches: string[][] = [];
      for (let i = 0; i < texts.length; i += MAX_BATCH) batches.push(texts.slice(i, i + MAX_BATCH));
      const results = await Promise.all(batches.map(async (text) => vectorsOf(await ai.run(WORKERS_AI_EMBEDDING_MODEL, { text }), text.length)));
      return results.flat();
    },
  };
}
