/**
 * A connection's data as the registry accepts and keeps it: what a client may send to create or change one, and the
 * sync state the pipeline records on it. Every type is inferred from these schemas (the D1 columns use them too).
 */
import { z } from "@hono/zod-openapi";
import { SourceSystemSchema } from "../../canonical/names";
import { decodePageCursor } from "./page-cursor";

/** `error` is set by the pipeline when syncing fails; clients switch between `active` and `paused`. */
export const ConnectionStatusSchema = z.enum(["active", "paused", "error"]).openapi("ConnectionStatus");
export type ConnectionStatus = z.infer<typeof ConnectionStatusSchema>;

/** Where each source object's incremental read continues (the connector's opaque cursor per object). */
export const SyncCursorSchema = z.record(z.string(), z.string());
export type SyncCursor = z.infer<typeof SyncCursorSchema>;

export const SyncStatsSchema = z
  .object({
    read: z.number().int().nonnegative(),
    emitted: z.number().int().nonnegative(),
    quarantined: z.number().int().nonnegative(),
    duplicates: z.number().int().nonnegative(),
    duration_ms: z.number().int().nonnegative(),
  })
  .openapi("SyncStats");
export type SyncStats = z.infer<typeof SyncStatsSchema>;

/** The cron ticks every 5 minutes, so a shorter interval could not be honoured; a week is the longest. */
export const ScheduleMinutesSchema = z
  .number({ error: "The schedule is a whole number of minutes, or null" })
  .int({ error: "The schedule is a whole number of minutes, or null" })
  .min(5, { error: "The schedule must be at least 5 minutes" })
  .max(10_080, { error: "The schedule must be at most 10080 minutes (a week)" })
  .nullable()
  .openapi({ description: "Sync interval in minutes; null syncs only on demand", example: 60 });

const DEFAULT_SCHEDULE_MINUTES = 60;

const NameSchema = z
  .string({ error: "Name is required" })
  .trim()
  .min(1, { error: "Name is required" })
  .max(100, { error: "Name must be at most 100 characters" })
  .openapi({ description: "Unique within the tenant", example: "Finance exports" });

/** Validated against the system's own schema by the registry (workers/aam/connections/config.ts). */
const ConfigInputSchema = z.record(z.string(), z.unknown(), { error: "Config must be an object" }).openapi({
  description:
    "Per system: `filesource` takes `{format?: csv|ndjson, delimiter?, id_column?, page_size?}` (its `prefix` is " +
    "assigned by the platform); `supabase` takes `{url, schema?, tables?, page_size?, cursor_column?, id_column?}` with " +
    "`secrets.api_key`; `salesforce` and `mongodb` accept any object until their connectors define their settings",
  example: { format: "csv", delimiter: ";", id_column: "Id" },
});

/** Credentials by name. Write-only: stored encrypted and never returned. */
export const ConnectionSecretsSchema = z
  .record(z.string().min(1).max(100), z.string().max(8192), { error: "Secrets must be an object of strings" })
  .openapi({ description: "Write-only credentials (e.g. `client_secret`), stored encrypted, never returned" });
export type ConnectionSecrets = z.infer<typeof ConnectionSecretsSchema>;

export const CreateConnectionSchema = z
  .object({
    system: SourceSystemSchema,
    name: NameSchema,
    config: ConfigInputSchema,
    secrets: ConnectionSecretsSchema.optional(),
    schedule_minutes: ScheduleMinutesSchema.default(DEFAULT_SCHEDULE_MINUTES),
  })
  .openapi("CreateConnectionRequest");
export type CreateConnection = z.output<typeof CreateConnectionSchema>;

export const UpdateConnectionSchema = z
  .object({
    name: NameSchema.optional(),
    config: ConfigInputSchema.optional().openapi({ description: "Replaces the whole config; validated as on create" }),
    secrets: ConnectionSecretsSchema.nullable()
      .optional()
      .openapi({ description: "Replaces every secret; null removes them" }),
    status: ConnectionStatusSchema.exclude(["error"]).optional(),
    schedule_minutes: ScheduleMinutesSchema.optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), { error: "Change at least one field" })
  .openapi("UpdateConnectionRequest");
export type UpdateConnection = z.output<typeof UpdateConnectionSchema>;

/** `cursor` arrives opaque and leaves this schema as the name the page continues after. */
const PageCursorSchema = z.string().transform((cursor, ctx) => {
  const name = decodePageCursor(cursor);
  if (name === undefined) {
    ctx.addIssue({ code: "custom", message: "Not a cursor returned by this API" });
    return z.NEVER;
  }
  return name;
});

export const ListConnectionsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: PageCursorSchema.optional().openapi({ description: "`next_cursor` of the previous page" }),
});
export type ListConnectionsQuery = z.output<typeof ListConnectionsQuerySchema>;
