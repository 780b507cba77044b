/** The offline VectorIndex: vectors kept per namespace in memory, cosine top-K with a metadata equality filter. */
import type { IndexedVector, VectorIndex } from "../ports";

/** Cosine similarity; 0 against a zero vector. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let index = 0; index < a.length; index++) {
    const x = a[index] ?? 0;
    const y = b[index] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

export function inMemoryIndex(): VectorIndex {
  const namespaces = new Map<string, Map<string, IndexedVector>>();
  return {
    async upsert(namespace, vectors) {
      const stored = namespaces.get(namespace) ?? new Map<string, IndexedVector>();
      for (const vector of vectors) stored.set(vector.id, vector);
      namespaces.set(namespace, stored);
    },
    async query(namespace, vector, { topK, filter }) {
      const candidates = [...(namespaces.get(namespace)?.values() ?? [])].filter((stored) =>
        Object.entries(filter ?? {}).every(([key, value]) => stored.metadata[key] === value),
      );
      return candidates
        .map((stored) => ({ id: stored.id, score: cosine(vector, stored.values), metadata: stored.metadata }))
        .sort((a, b) => b.score - a.score)
        .slice(0, topK);
    },
  };
}
