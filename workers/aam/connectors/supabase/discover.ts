/**
 * The tables (and views) a key can see, from PostgREST's OpenAPI (Swagger 2.0) description of the schema: each
 * definition's properties are its columns, with PostgreSQL's type in `format`, and `required` lists the NOT NULL
 * ones. A few rows of each table give sample values. A configured table missing from the description (dropped,
 * renamed) is schema drift; one the key may not read is a missing permission.
 */
import { z } from "@hono/zod-openapi";
import { sourceProblem } from "../source-state";
import type { DiscoveredField, DiscoveredObject, FieldType } from "../connector";
import type { PostgrestClient } from "./client";
import { RowsSchema } from "./read-page";

const ColumnSchema = z.object({
  type: z.string().optional(),
  format: z.string().optional(),
  description: z.string().optional(),
});

export const OpenApiSchema = z.object({
  swagger: z.string(),
  definitions: z
    .record(
      z.string(),
      z.object({
        description: z.string().optional(),
        required: z.array(z.string()).optional(),
        properties: z.record(z.string(), ColumnSchema).optional(),
      }),
    )
    .optional(),
});

const SAMPLE_ROWS = 5;

/** PostgREST's JSON type, refined by the PostgreSQL type it puts in `format`. */
function fieldType(column: z.infer<typeof ColumnSchema>): FieldType {
  const format = column.format ?? "";
  if (format.startsWith("timestamp")) return "datetime";
  if (format === "date") return "date";
  if (format === "json" || format === "jsonb") return "object";
  switch (column.type) {
    case "boolean":
    case "integer":
    case "number":
    case "array":
      return column.type;
    default:
      return "string";
  }
}

/** PostgREST appends notes (primary key, foreign key) to a column's comment; the label is the comment's first line. */
function labelOf(name: string, description: string | undefined): string {
  const first = description?.split("\n")[0]?.trim() ?? "";
  return first === "" || first === "Note:" ? name : first;
}

/** `only`: the configured tables, when the connection syncs some rather than all it can see. */
export async function discoverTables(client: PostgrestClient, only: string[] | undefined): Promise<DiscoveredObject[]> {
  const openapi = await client.request("", OpenApiSchema, { accept: "application/openapi+json" });
  const all = openapi.definitions ?? {};
  const missing = (only ?? []).filter((table) => !Object.hasOwn(all, table));
  const [firstMissing] = missing;
  if (firstMissing !== undefined) {
    // PostgREST describes only what the key may read: reading the table tells one the key may not read
    // (missing-permission) from one that is gone (schema-drift)
    await client.request(encodeURIComponent(firstMissing), RowsSchema, { query: new URLSearchParams({ limit: "0" }) });
    throw sourceProblem("schema-drift", `Supabase schema-drift: the API has no table ${missing.map((t) => `"${t}"`).join(", ")} this key can read`);
  }
  const definitions = Object.entries(all).filter(([table]) => only === undefined || only.includes(table));
  const discovered: DiscoveredObject[] = [];
  // One table at a time: a schema with many tables must not open a request for each at once.
  for (const [table, definition] of definitions) {
    const rows = await client.request(encodeURIComponent(table), RowsSchema, {
      query: new URLSearchParams({ select: "*", limit: String(SAMPLE_ROWS) }),
    });
    const required = new Set(definition.required ?? []);
    const fields: DiscoveredField[] = Object.entries(definition.properties ?? {}).map(([name, column]) => ({
      name,
      label: labelOf(name, column.description),
      type: fieldType(column),
      nullable: !required.has(name),
      sample_values: rows.map((row) => row[name]).filter((value) => value !== null && value !== undefined),
    }));
    discovered.push({ object: table, label: labelOf(table, definition.description), fields });
  }
  return discovered;
}
