/**
 * Each source system's connection config, as a zod schema per system. The registry validates a config against its
 * system's schema on every create and update, so a stored config always fits; fields the platform decides (a
 * FileSource's R2 prefix) are filled in here rather than taken from the client.
 */
import { z } from "@hono/zod-openapi";
import type { SourceSystem } from "../../canonical/names";
import { ProblemError, fieldIssues } from "../../gateway/problem";
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

/**
 * Salesforce, Supabase and MongoDB have no connector yet, so there is nothing to validate their settings against:
 * until each connector lands with its own schema, their config is any JSON object.
 */
const PendingConnectorConfigSchema = z.record(z.string(), z.unknown());

export const connectionConfigSchemas = {
  filesource: FileSourceConfigSchema,
  salesforce: PendingConnectorConfigSchema,
  supabase: PendingConnectorConfigSchema,
  mongodb: PendingConnectorConfigSchema,
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
