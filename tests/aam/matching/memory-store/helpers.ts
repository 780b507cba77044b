/** A fresh tenant's scope, and the Vectorize/Workers AI stand-ins as the memory's vector index. */
import { env } from "cloudflare:test";
import { workersAiEmbedder } from "../../../../workers/aam/matching/embeddings/workers-ai";
import { vectorizeIndex } from "../../../../workers/aam/matching/index/vectorize";
import type { MemoryVectors } from "../../../../workers/aam/matching/memory-store";
import { database, forTenant } from "../../../../workers/platform/db";
import { signUp } from "../../../helpers/auth";

export async function tenantScope() {
  return forTenant(database(env.DB), (await signUp()).tenantId);
}

export const fakeVectors = (): MemoryVectors => ({ embedder: workersAiEmbedder(env.FAKE_AI), index: vectorizeIndex(env.FAKE_VECTORIZE) });
