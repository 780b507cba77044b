/**
 * Retrieval for each request field: its similarity to every canonical target's document (description and
 * phrases), and the tenant's past decisions on the same or a very similar field. The ~15 target documents of an
 * entity are embedded once per isolate and embedder model and compared in-process, so a request costs one
 * embedding call (its fields) and no index writes. The memory is looked up in the VectorIndex: in the tenant's
 * namespace that remember() keeps (Vectorize, MatcherDeps.memoryNamespace), or, offline, in a namespace seeded
 * from the listed decisions once per matcher. An accepted hit boosts its target, a rejected one penalises it.
 */
import type { EntityName } from "../../canonical/names";
import { cosine } from "./index/in-memory";
import { preparedTargets } from "./knowledge";
import { decisionOf, memoryDocument, memoryVector } from "./memory-vectors";
import type { Embedder, MatcherDeps, MemoryEntry } from "./ports";

/** Memory hits below this similarity are other fields, not the same one renamed. */
const MEMORY_SIMILARITY = 0.85;
const MEMORY_TOP_K = 5;

type RetrievalDeps = Pick<MatcherDeps, "embedder" | "index" | "memory" | "memoryNamespace">;

export interface MemoryHit {
  target: string | null;
  verdict: MemoryEntry["verdict"];
  /** 0…1: how surely this past decision is about this field */
  strength: number;
}

export interface Retrieval {
  /** per field: target → cosine similarity with the target's document */
  canonical: Map<string, number>[];
  memory: MemoryHit[][];
}

export function targetDocument(entity: EntityName, target: string): string {
  const known = preparedTargets(entity).find((candidate) => candidate.target === target);
  return [target.replace(/_/g, " "), known?.description ?? "", ...(known?.phrases.slice(0, 8).map((phrase) => phrase.replace(/^~/, "")) ?? [])].join(" ");
}

interface TargetVector {
  target: string;
  vector: number[];
}

/** Per isolate, keyed by embedder model and entity: the target documents never change while the code runs. */
const targetVectorCache = new Map<string, Promise<TargetVector[]>>();

function targetVectors(embedder: Embedder, entity: EntityName): Promise<TargetVector[]> {
  const key = JSON.stringify([embedder.model, entity]);
  const cached = targetVectorCache.get(key);
  if (cached !== undefined) return cached;
  const targets = preparedTargets(entity).map((known) => known.target);
  const work = embedder.embed(targets.map((target) => targetDocument(entity, target))).then((vectors) => targets.map((target, position) => ({ target, vector: vectors[position] ?? [] })));
  targetVectorCache.set(key, work);
  // a failed embedding is not kept: the next request tries again
  work.catch(() => {
    if (targetVectorCache.get(key) === work) targetVectorCache.delete(key);
  });
  return work;
}

/** A short stable fingerprint, so a seeded memory set gets its own namespace in a shared index. */
function fingerprint(text: string): string {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193);
  return (value >>> 0).toString(36);
}

/** The namespace to look the memory up in once it is ready, or null when there is none to look up. */
function memorySource(deps: RetrievalDeps): () => Promise<string | null> {
  const { embedder, index, memory, memoryNamespace } = deps;
  if (memoryNamespace !== undefined) return async () => memoryNamespace;
  if (memory.length === 0) return async () => null;
  const seededNamespace = `memory:${embedder.model}:${fingerprint(JSON.stringify(memory))}`;
  let seeded: Promise<string> | null = null;
  return () =>
    (seeded ??= embedder
      .embed(memory.map(memoryDocument))
      .then((vectors) => index.upsert(seededNamespace, memory.map((entry, position) => memoryVector(`${position}`, entry, vectors[position] ?? [], embedder.model))))
      .then(() => seededNamespace));
}

export function createRetriever(deps: RetrievalDeps) {
  const { embedder, index } = deps;
  const memoryNamespace = memorySource(deps);

  async function memoryHits(namespace: string | null, entity: EntityName, system: string | undefined, vector: number[]): Promise<MemoryHit[]> {
    if (namespace === null) return [];
    const hits = await index.query(namespace, vector, { topK: MEMORY_TOP_K, filter: { entity } });
    return hits.flatMap((hit) => {
      const decision = decisionOf(hit.metadata);
      if (decision === null || hit.score < MEMORY_SIMILARITY) return [];
      // a decision taken on another system counts, but less than one on the same system
      const strength = Math.min(1, (hit.score - MEMORY_SIMILARITY) / (1 - MEMORY_SIMILARITY)) * (system === undefined || decision.system === system ? 1 : 0.6);
      return [{ target: decision.target, verdict: decision.verdict, strength }];
    });
  }

  return async function retrieve(entity: EntityName, system: string | undefined, documents: string[]): Promise<Retrieval> {
    const [targets, namespace, vectors] = await Promise.all([targetVectors(embedder, entity), memoryNamespace(), embedder.embed(documents)]);
    const canonical = vectors.map((vector) => new Map(targets.map((known) => [known.target, cosine(vector, known.vector)])));
    const memory = await Promise.all(vectors.map((vector) => memoryHits(namespace, entity, system, vector)));
    return { canonical, memory };
  };
}
