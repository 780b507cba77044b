/**
 * The production VectorIndex: Cloudflare Vectorize through the `VECTORIZE` binding. Each tenant's vectors live in
 * its own namespace, so a query can never see another tenant's memory whatever its filter says.
 */
import type { IndexedVector, VectorIndex } from "../ports";

/** The two methods used here; both the `Vectorize` and the legacy `VectorizeIndex` bindings have them. */
export interface VectorizeBinding {
  upsert(vectors: VectorizeVector[]): Promise<unknown>;
  query(vector: number[], options: VectorizeQueryOptions): Promise<VectorizeMatches>;
}

/** Vectorize accepts at most 1000 vectors per upsert from a Worker */
const MAX_UPSERT = 1000;
/** …and returns at most 20 matches when it returns all their metadata */
const MAX_TOP_K_WITH_METADATA = 20;

/** Vectorize metadata has no null: an absent key reads back as null, so nulls are simply left out. */
function storedMetadata(metadata: IndexedVector["metadata"]): Record<string, VectorizeVectorMetadata> {
  return Object.fromEntries(Object.entries(metadata).filter((entry): entry is [string, string | number | boolean] => entry[1] !== null));
}

/** Only scalar metadata is ever written here; anything else read back (an index shared with other writers) is dropped. */
function readMetadata(metadata: VectorizeMatch["metadata"]): IndexedVector["metadata"] {
  const scalar = (value: unknown): value is string | number | boolean => ["string", "number", "boolean"].includes(typeof value);
  return Object.fromEntries(Object.entries(metadata ?? {}).filter((entry): entry is [string, string | number | boolean] => scalar(entry[1])));
}

export function vectorizeIndex(binding: VectorizeBinding): VectorIndex {
  return {
    async upsert(namespace, vectors) {
      for (let i = 0; i < vectors.length; i += MAX_UPSERT) {
        await binding.upsert(vectors.slice(i, i + MAX_UPSERT).map(({ id, values, metadata }) => ({ id, values, namespace, metadata: storedMetadata(metadata) })));
      }
    },
    async query(namespace, vector, { topK, filter }) {
      const result = await binding.query(vector, { topK: Math.min(topK, MAX_TOP_K_WITH_METADATA), namespace, returnMetadata: "all", ...(filter === undefined ? {} : { filter }) });
      return result.matches.map((match) => ({ id: match.id, score: match.score, metadata: readMetadata(match.metadata) }));
    },
  };
}
