/** A matcher on the offline defaults (hashed embedder, in-memory index), with optional memory and reranker. */
import { DEFAULT_AUTO_APPLY_THRESHOLD } from "../../../../workers/aam/matching/calibrate";
import { offlineEmbedder } from "../../../../workers/aam/matching/embeddings/offline";
import { inMemoryIndex } from "../../../../workers/aam/matching/index/in-memory";
import { createMatcher } from "../../../../workers/aam/matching/matcher";
import type { MatchResponse, MatcherDeps } from "../../../../workers/aam/matching/ports";

export function offlineMatcher(overrides: Partial<MatcherDeps> = {}) {
  return createMatcher({ embedder: offlineEmbedder, index: inMemoryIndex(), memory: [], threshold: DEFAULT_AUTO_APPLY_THRESHOLD, ...overrides });
}

/** field → target, the shape most assertions read. */
export function targets(response: MatchResponse): Record<string, string | null> {
  return Object.fromEntries(response.matches.map((match) => [match.field, match.target]));
}
