/**
 * The matcher for one tenant as the deployment is configured: Workers AI embeddings with the tenant's memory
 * retrieved from its Vectorize namespace when both bindings exist (production), else the offline embedder and the
 * memory listed from D1 into an in-memory index (no network); the Gemini rerank when GEMINI_API_KEY is set; and the
 * tenant's auto-apply threshold.
 */
import { EntityNameSchema } from "../../canonical/names";
import type { Env } from "../../env";
import type { TenantScope } from "../../platform/db";
import { createLogger, logLevel, type Logger } from "../../platform/log";
import { DEFAULT_AUTO_APPLY_THRESHOLD } from "./calibrate";
import { offlineEmbedder } from "./embeddings/offline";
import { workersAiEmbedder } from "./embeddings/workers-ai";
import { inMemoryIndex } from "./index/in-memory";
import { vectorizeIndex } from "./index/vectorize";
import { createMatcher } from "./matcher";
import { listMemory, memoryNamespace, type MemoryVectors } from "./memory-store";
import type { Matcher, MemoryEntry, Reranker } from "./ports";
import { geminiReranker, type GeminiRerankerOptions } from "./rerank/gemini";

export type MatcherEnv = Pick<Env, "AI" | "VECTORIZE" | "GEMINI_API_KEY" | "GEMINI_MODEL" | "LOG_LEVEL">;

/** Vectorize holds Workers AI vectors (768 dimensions): without the embedder that fills it, it is not used. */
export function memoryVectorsFor(env: Pick<MatcherEnv, "AI" | "VECTORIZE">): MemoryVectors | undefined {
  if (env.AI === undefined || env.VECTORIZE === undefined) return undefined;
  return { embedder: workersAiEmbedder(env.AI), index: vectorizeIndex(env.VECTORIZE) };
}

/** The Gemini second opinion when GEMINI_API_KEY is set (`http` only redirects it, e.g. to a recorded-response endpoint). */
export function rerankerFor(env: Pick<MatcherEnv, "GEMINI_API_KEY" | "GEMINI_MODEL">, log: Logger, http?: GeminiRerankerOptions["http"]): Reranker | undefined {
  if (env.GEMINI_API_KEY === undefined) return undefined;
  return geminiReranker({ apiKey: env.GEMINI_API_KEY, model: env.GEMINI_MODEL, log, http });
}

/** The auto-apply threshold the tenant chose, else the matcher's calibrated default. */
export async function autoApplyThreshold(scope: TenantScope): Promise<number> {
  return (await scope.tenant())?.autoApplyThreshold ?? DEFAULT_AUTO_APPLY_THRESHOLD;
}

/** Every entity's and system's memory: the retriever weighs decisions on other systems too, and filters by entity. */
async function tenantMemory(scope: TenantScope): Promise<MemoryEntry[]> {
  return (await Promise.all(EntityNameSchema.options.map((entity) => listMemory(scope, entity)))).flat();
}

export async function matcherFor(
  env: MatcherEnv,
  scope: TenantScope,
  log: Logger = createLogger({ tenant_id: scope.tenantId }, logLevel(env.LOG_LEVEL)),
): Promise<{ matcher: Matcher; threshold: number }> {
  const production = memoryVectorsFor(env);
  // with Vectorize the decisions are already embedded in the tenant's namespace (remember()); else they are listed and seeded
  const [threshold, memory] = await Promise.all([autoApplyThreshold(scope), production === undefined ? tenantMemory(scope) : []]);
  const reranker = rerankerFor(env, log);
  const matcher = createMatcher({
    embedder: production?.embedder ?? (env.AI === undefined ? offlineEmbedder : workersAiEmbedder(env.AI)),
    index: production?.index ?? inMemoryIndex(),
    memory,
    ...(production === undefined ? {} : { memoryNamespace: memoryNamespace(scope.tenantId) }),
    threshold,
    ...(reranker === undefined ? {} : { reranker }),
  });
  return { matcher, threshold };
}
