/** The wire shape of a sync run, shared by the run routes. */
import { z } from "@hono/zod-openapi";
import { schema } from "../../../../platform/db";
import type { SyncRunRow } from "../../../../platform/db/schema";
import { PageLimitSchema, PagePositionCursorSchema } from "../../../../aam/pipeline/page-cursor";

export const RunSchema = z
  .object({
    id: z.string().openapi({ example: "run_3c9a1f0e7d2b4a6c8e0f1a2b" }),
    connection_id: z.string(),
    kind: z.enum(schema.syncRuns.kind.enumValues),
    object: z.string().nullable().openapi({ description: "The source object (a file for uploads); null when the run covers every object" }),
    status: z.enum(["queued", "running", "succeeded", "failed"]),
    counts: z.object({
      read: z.number().int(),
      emitted: z.number().int().openapi({ description: "New events appended to the canonical stream" }),
      quarantined: z.number().int(),
      duplicates: z.number().int().openapi({ description: "Valid records whose event was already in the stream" }),
    }),
    progress: z
      .object({ done: z.number().int(), total: z.number().int().nullable(), unit: z.string() })
      .nullable()
      .openapi({ description: "How far a backfill got, where the source can tell (e.g. bytes of a file)" }),
    created_at: z.string(),
    started_at: z.string().nullable(),
    finished_at: z.string().nullable(),
    duration_ms: z.number().int().nullable().openapi({ description: "Until finished, or so far while running; null before it starts" }),
    error: z.string().nullable().openapi({ description: "Why the run failed, or, while it runs, until when it waits for the source's API quota" }),
  })
  .openapi("SyncRun");

export const RunIdParamsSchema = z.object({
  run_id: z.string().openapi({ param: { name: "run_id", in: "path" }, example: "run_3c9a1f0e7d2b4a6c8e0f1a2b" }),
});

export const ListRunsQuerySchema = z.object({
  connection_id: z.string().min(1).optional(),
  limit: PageLimitSchema,
  cursor: PagePositionCursorSchema.optional(),
});

export function runResponse(row: SyncRunRow, now = new Date()): z.infer<typeof RunSchema> {
  const end = row.finishedAt === null ? now.getTime() : Date.parse(row.finishedAt);
  return {
    id: row.id,
    connection_id: row.connectionId,
    kind: row.kind,
    object: row.object,
    status: row.status,
    counts: { read: row.read, emitted: row.emitted, quarantined: row.quarantined, duplicates: row.duplicates },
    progress:
      row.progressDone === null || row.progressUnit === null
        ? null
        : { done: row.progressDone, total: row.progressTotal, unit: row.progressUnit },
    created_at: row.createdAt,
    started_at: row.startedAt,
    finished_at: row.finishedAt,
    duration_ms: row.startedAt === null ? null : Math.max(0, end - Date.parse(row.startedAt)),
    error: row.error,
  };
}
