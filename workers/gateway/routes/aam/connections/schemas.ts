/** The wire shape of a connection, shared by the connection routes: everything but its secrets. */
import { z } from "@hono/zod-openapi";
import { SourceSystemSchema } from "../../../../canonical/names";
import { ConnectionStatusSchema, ScheduleMinutesSchema, SyncStatsSchema } from "../../../../aam/connections/schemas";
import { SourceStateSchema } from "../../../../aam/connectors/source-state";
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
    last_error: z.string().nullable().openapi({
      description: "Why the last sync failed (`status: error`), or, while `status` stays active, until when it waits for the source's API quota; cleared by the next successful sync",
    }),
    // a union rather than .nullable(): the generator drops nullable (and the description) from a registered schema's $ref
    source_state: z.union([SourceStateSchema, z.null()]).openapi({
      description:
        "The source's health as the last sync or check (POST .../test) found it, and what to do about it: `ok` nothing; " +
        "`bad-credentials` the source refuses the stored credentials: update the connection's secrets (or the source " +
        "user's login), then test it; `missing-permission` the source user cannot read an object or field the sync " +
        "needs: grant it at the source; `quota-reached` the source's API allocation is used up: syncs wait and resume " +
        "on their own (`last_error` says when), or raise the allocation; `unreachable` the source could not be reached " +
        "after retries: check its URL and that it is up, then sync again; `schema-drift` a field or object the mapping " +
        "relies on is gone at the source: restore it there, or save a mapping without it (PUT /api/v1/aam/mappings/{system}/{object}). null until the connection was " +
        "first synced or tested; a failure that is not the source's (e.g. the platform's storage) leaves it unchanged",
    }),
    source_state_at: z.string().nullable().openapi({ description: "When `source_state` was found" }),
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
    source_state: row.sourceState,
    source_state_at: row.sourceStateAt,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}
