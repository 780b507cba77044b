/**
 * A canonical entity's fields for the catalog, read off the JSON Schema export of its zod schema (so they can never
 * drift from the model): name, JSON type, whether null is allowed, and the format, enum and description the
 * schema carries.
 */
import { z } from "@hono/zod-openapi";
import { canonicalJsonSchemas } from "../../canonical/json-schema";
import type { EntityName } from "../../canonical/names";

export const EntityFieldSchema = z
  .object({
    name: z.string().openapi({ example: "annual_revenue" }),
    type: z.string().openapi({ description: "JSON type of a non-null value", example: "number" }),
    nullable: z.boolean(),
    required: z.boolean().openapi({ description: "Whether the key is always present in canonical data" }),
    format: z.string().nullable().openapi({ example: "date-time" }),
    enum: z.array(z.unknown()).nullable(),
    description: z.string().nullable(),
  })
  .openapi("DclEntityField");
export type EntityField = z.infer<typeof EntityFieldSchema>;

type JsonSchema = z.core.JSONSchema.JSONSchema;

const typesOf = (schema: JsonSchema): string[] => (Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type]);

/** The schema's alternatives: itself, or the members of its anyOf (how zod exports a nullable refined type). */
const alternatives = (schema: JsonSchema): JsonSchema[] =>
  (schema.anyOf ?? [schema]).filter((s): s is JsonSchema => typeof s === "object");

function describeField(name: string, schema: JsonSchema, required: boolean): EntityField {
  const options = alternatives(schema);
  const types = options.flatMap(typesOf);
  const value = options.find((s) => !typesOf(s).includes("null") || typesOf(s).length > 1) ?? schema;
  return {
    name,
    type: types.find((t) => t !== "null") ?? "unknown",
    nullable: types.includes("null"),
    required,
    format: value.format ?? null,
    enum: value.enum ?? null,
    description: schema.description ?? value.description ?? null,
  };
}

export function entityFieldsOf(entity: EntityName): EntityField[] {
  const schema = canonicalJsonSchemas()[entity];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) =>
    typeof property === "object" ? [describeField(name, property, required.has(name))] : [],
  );
}
