/**
 * The matcher's contract: what `POST /api/v1/aam/match` takes and returns (zod, so the route, the OpenAPI document
 * and the repair planner share one definition), and the ports the matcher depends on. Each port has an offline
 * default that runs inside the Worker with no network, and a production implementation (Workers AI, Vectorize,
 * Gemini) chosen when its binding or key is configured.
 */
import { z } from "@hono/zod-openapi";
import { EntityNameSchema, type EntityName } from "../../canonical/names";

export const MatchFieldSchema = z
  .object({
    name: z.string().min(1).max(300).openapi({ description: "The source field's name or path (nested paths dotted)", example: "Annual_Revenue__c" }),
    label: z.string().max(300).nullable().optional().openapi({ description: "Its human label, in any language", example: "Annual Revenue" }),
    type: z.string().max(60).nullable().optional().openapi({ description: "The source's type name (currency, varchar, int4, Decimal128…)", example: "currency" }),
    samples: z.array(z.unknown()).max(20).optional().openapi({ description: "A few values the field holds", example: [1250000, 98000] }),
  })
  .openapi("MatchField");
export type MatchField = z.infer<typeof MatchFieldSchema>;

export const MatchRequestSchema = z
  .object({
    entity: EntityNameSchema,
    system: z.string().min(1).max(60).optional().openapi({ description: "The source system, for the tenant's past decisions on it", example: "salesforce" }),
    fields: z
      .array(MatchFieldSchema)
      .min(1)
      .max(500)
      // matches are reported by field name, so two fields with one name would be indistinguishable
      .superRefine((fields, ctx) => {
        const first = new Map<string, number>();
        fields.forEach((field, i) => {
          const earlier = first.get(field.name);
          if (earlier === undefined) first.set(field.name, i);
          else ctx.addIssue({ code: "custom", path: [i, "name"], message: `duplicate of fields.${earlier}.name: each name may be sent once` });
        });
      }),
  })
  .openapi("MatchRequest");
export type MatchRequest = z.infer<typeof MatchRequestSchema>;

export const MatchAlternativeSchema = z
  .object({
    target: z.union([z.string(), z.null()]).openapi({ description: "A canonical field, or null: keep the field in extras" }),
    confidence: z.number().min(0).max(1),
  })
  .openapi("MatchAlternative");

export const MatchSchema = z
  .object({
    field: z.string().openapi({ description: "The source field's name, as sent" }),
    target: z.union([z.string(), z.null()]).openapi({ description: "The canonical field it maps to, or null: keep it in extras" }),
    confidence: z.number().min(0).max(1).openapi({ description: "Calibrated probability that `target` is right" }),
    auto_apply: z.boolean().openapi({ description: "Whether the confidence clears the tenant's auto-apply threshold" }),
    alternatives: z.array(MatchAlternativeSchema).max(5),
  })
  .openapi("Match");
export type Match = z.infer<typeof MatchSchema>;

export const MatchResponseSchema = z.object({ matches: z.array(MatchSchema) }).openapi("MatchResponse");
export type MatchResponse = z.infer<typeof MatchResponseSchema>;

/** Text → vectors (offline: a hashed character n-gram embedder; production: Workers AI). */
export interface Embedder {
  /** identifies the vector space: vectors from different models are never compared */
  readonly model: string;
  readonly dimensions: number;
  embed(texts: string[]): Promise<number[][]>;
}

export interface IndexedVector {
  id: string;
  values: number[];
  metadata: Record<string, string | number | boolean | null>;
}

/** Nearest-neighbour search over embedded texts (offline: in memory; production: Vectorize). */
export interface VectorIndex {
  upsert(namespace: string, vectors: IndexedVector[]): Promise<void>;
  query(namespace: string, vector: number[], options: { topK: number; filter?: Record<string, string> }): Promise<{ id: string; score: number; metadata: IndexedVector["metadata"] }[]>;
}

/** A past decision of the tenant: this source field is (accepted) or is not (rejected) this target. */
export interface MemoryEntry {
  system: string;
  entity: EntityName;
  field_name: string;
  field_label: string | null;
  target: string | null;
  verdict: "accepted" | "rejected";
}

/** Optional second opinion on the top candidates of the fields left uncertain (Gemini through @google/genai). */
export interface Reranker {
  rerank(request: {
    entity: EntityName;
    fields: { field: MatchField; candidates: { target: string | null; confidence: number }[] }[];
  }): Promise<{ field: string; target: string | null; confidence: number }[]>;
}

export interface MatcherDeps {
  embedder: Embedder;
  index: VectorIndex;
  /** the tenant's past decisions (retrieval memory), seeded into `index` for this matcher; unused with `memoryNamespace` */
  memory: MemoryEntry[];
  /** a namespace of `index` that already holds the tenant's decisions (remember() keeps it, e.g. in Vectorize): queried instead of seeding `memory` */
  memoryNamespace?: string;
  reranker?: Reranker;
  /** auto_apply when confidence ≥ this */
  threshold: number;
}

export type Matcher = (request: MatchRequest) => Promise<MatchResponse>;
