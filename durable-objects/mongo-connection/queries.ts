/**
 * What a MongoConnection runs, validated at its RPC boundary. Filters, pipelines, updates and the documents
 * returned are canonical Extended JSON: BSON types (ObjectId, Date, Decimal128) would not survive the structured
 * clone of an RPC call, and canonical (not relaxed) EJSON keeps every type exact for cursors built from them.
 * Documents come back as one JSON text: cheaper to pass than a tree, and an RPC stub types a method returning
 * `unknown` values as returning `never`.
 */
import { z } from "@hono/zod-openapi";
import type { SourceFailure } from "../../workers/aam/connectors/source-state";

const EjsonDocumentSchema = z.record(z.string(), z.unknown());
export type EjsonDocument = z.infer<typeof EjsonDocumentSchema>;

export const CollectionSchema = z.object({ database: z.string().min(1), collection: z.string().min(1) });
export type Collection = z.infer<typeof CollectionSchema>;

export const FindQuerySchema = CollectionSchema.extend({
  filter: EjsonDocumentSchema.default({}),
  sort: z.record(z.string(), z.union([z.literal(1), z.literal(-1)])).optional(),
  limit: z.number().int().positive().optional(),
  projection: z.record(z.string(), z.union([z.literal(0), z.literal(1)])).optional(),
});
export type FindQuery = z.input<typeof FindQuerySchema>;

export const AggregateQuerySchema = CollectionSchema.extend({ pipeline: z.array(EjsonDocumentSchema) });
export type AggregateQuery = z.input<typeof AggregateQuerySchema>;

export const UpdateOneSchema = CollectionSchema.extend({
  filter: EjsonDocumentSchema,
  update: EjsonDocumentSchema,
  upsert: z.boolean().default(false),
});
export type UpdateOne = z.input<typeof UpdateOneSchema>;

export interface UpdateOneResult {
  matched: number;
  modified: number;
  upserted: boolean;
}

/**
 * A MongoConnection's answer: the value, or the source failure the driver's error stands for. Failures travel as
 * data because an RPC call keeps only an exception's message, and the caller needs the state to throw its problem.
 */
export type MongoAnswer<T> = { ok: true; value: T } | { ok: false; state: SourceFailure; detail: string };

/** The documents of a MongoConnection answer. */
export function parseDocuments(text: string): EjsonDocument[] {
  return JSON.parse(text) as EjsonDocument[];
}
