/**
 * Each source system's connection config, as a zod schema per system. The registry validates a config against its
 * system's schema on every create and update, so a stored config always fits; fields the platform decides (a
 * FileSource's R2 prefix) are filled in here rather than taken from the client.
 */
import { z } from "@hono/zod-openapi";
import type { SourceSystem } from "../../canonical/names";
import { ProblemError, fieldIssues } from "../../gateway/problem";
import { SalesforceConfigSchema } from "../connectors/salesforce/config";
import { connectionFilesPrefix } from "./files";

/** Strict: a misspelt setting is an error, not silently ignored. */
export const FileSourceConfigSchema = z
  .strictObject({
    prefix: z.string().optional().openapi({
      description: "Assigned by the platform (`tenants/<tenant>/connections/<id>/`); any other value is refused",
    }),
    format: z.enum(["csv", "ndjson"]).optional().openapi({ description: "Otherwise inferred from each file's extension" }),
    delimiter: z
      .string()
      .length(1, { error: "The delimiter is one character" })
      .refine((d) => !['"', "\r", "\n"].includes(d), { error: "A delimiter cannot be a quote or a line break" })
      .optional()
      .openapi({ example: ";" }),
    id_column: z.string().min(1).optional().openapi({ description: "The column holding each record's source id" }),
    page_size: z.number().int().min(1).max(10_000).optional().openapi({ description: "Records per read page" }),
  })
  .openapi("FileSourceConfig");

/** A Supabase project's tables through its REST API (PostgREST); the API key is a secret (`secrets.api_key`). */
export const SupabaseConfigSchema = z
  .strictObject({
    url: z
      .url({ protocol: /^https?$/, error: "The project URL is an http(s) URL" })
      .openapi({ description: "The project URL", example: "https://abcdefghijklmnop.supabase.co" }),
    schema: z.string().min(1).optional().openapi({ description: "The exposed schema to read (PostgREST's default when absent)" }),
    tables: z.array(z.string().min(1)).min(1).optional().openapi({ description: "The tables to sync; every table the key sees when absent" }),
    page_size: z.number().int().min(1).max(10_000).optional().openapi({ description: "Rows asked for per read page; the project's max rows may cap it" }),
    cursor_column: z.string().min(1).optional().openapi({ description: "The NOT NULL column each table's incremental read orders by (default `updated_at`)" }),
    id_column: z.string().min(1).optional().openapi({ description: "Each table's unique, NOT NULL id column (default `id`)" }),
  })
  .openapi("SupabaseConfig");

/** A MongoDB database's collections through the official driver; the connection string is a secret (`secrets.connection_string`). */
export const MongoDbConfigSchema = z
  .strictObject({
    database: z.string().min(1).openapi({ example: "crm" }),
    collections: z.array(z.string().min(1)).min(1).optional().openapi({ description: "The collections to sync (default: every collection)" }),
    cursor_field: z.string().min(1).optional().openapi({ description: "The date field each collection's incremental read orders by, with `_id` (default `updatedAt`)" }),
    page_size: z.number().int().min(1).max(10_000).optional().openapi({ description: "Documents per read page" }),
    lookback_seconds: z.number().int().min(0).max(86_400).optional().openapi({
      description: "How far before the last synced `cursor_field` a new sync re-reads, for writes committed late (default 300)",
    }),
    sample_size: z.number().int().min(1).max(1_000).optional().openapi({ description: "Documents sampled per collection by discovery" }),
  })
  .openapi("MongoDbConfig");

export const connectionConfigSchemas = {
  filesource: FileSourceConfigSchema,
  salesforce: SalesforceConfigSchema,
  supabase: SupabaseConfigSchema,
  mongodb: MongoDbConfigSchema,
} satisfies Record<SourceSystem, z.ZodType<Record<string, unknown>>>;

type Owner = { tenantId: string; connectionId: string };

/** The config to store for a connection: the client's, with platform-owned fields set, validated for its system. */
export function resolveConnectionConfig(system: SourceSystem, input: Record<string, unknown>, owner: Owner): Record<string, unknown> {
  const schema: z.ZodType<Record<string, unknown>> = connectionConfigSchemas[system];
  const parsed = schema.safeParse(withPlatformFields(system, input, owner));
  if (!parsed.success) {
    const issues = fieldIssues(parsed.error.issues, "body.config");
    throw new ProblemError("validation-error", `The config does not fit a ${system} connection`, { errors: issues });
  }
  return parsed.data;
}

/** A FileSource's prefix is the platform's: a client may echo it back (GET then PATCH), never choose another. */
function withPlatformFields(system: SourceSystem, input: Record<string, unknown>, owner: Owner): Record<string, unknown> {
  if (system !== "filesource") return input;
  const prefix = connectionFilesPrefix(owner.tenantId, owner.connectionId);
  if (input.prefix !== undefined && input.prefix !== prefix) {
    throw new ProblemError("validation-error", "A FileSource connection's prefix is assigned by the platform", {
      errors: [{ path: "body.config.prefix", message: `The prefix is assigned by the platform: ${prefix}`, code: "custom" }],
    });
  }
  return { ...input, prefix };
}
