/** The wire shape of a connection, shared by the connection routes: everything but its secrets. */
import { z } from "@hono/zod-openapi";
import { SourceSystemSchema } from "../../../../canonical/names";
import { ConnectionStatusSchema, ScheduleMinutesSchema, SyncStatsSchema } from "../../../../aam/connections/schemas";
import type { ConnectionRow } from "../../../../platform/db/schema";

export const ConnectionSchema = z
  .object({
    id: z.string().openapi({ example: "con_9f8e7d6c5b4a39281706f5e4" }),
    system: SourceSystemSchema,
    name: z.string(),
    config: z.record(z.string(), z.unknown()).openapi({
      description: "As validated for the system, with platform-assigned fields (a FileSource's `prefix`) filled in",
    }),
    status: ConnectionStatusSchema,
    schedule_minutes: ScheduleMinutesSchema,
    has_secrets: z.boolean().openapi({ description: "Whether secrets are stored; their values are never returned" }),
    next_sync_at: z.string().nullable(),
    last_sync_at: z.string().nullable(),
    last_sync_stats: SyncStatsSchema.nullable(),
    last_error: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Connection");

export const ConnectionIdParamsSchema = z.object({
  id: z.string().openapi({ param: { name: "id", in: "path" }, example: "con_9f8e7d6c5b4a39281706f5e4" }),
});

export function connectionResponse(row: ConnectionRow): z.infer<typeof ConnectionSchema> {
  return {
    id: row.id,
    system: row.system,
    name: row.name,
    config: row.config,
    status: row.status,
    schedule_minutes: row.scheduleMinutes,
    has_secrets: row.secretsCiphertext !== null,
    next_sync_at: row.nextSyncAt,
    last_sync_at: row.lastSyncAt,
    last_sync_stats: row.lastSyncStats,
    last_error: row.lastError,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}
