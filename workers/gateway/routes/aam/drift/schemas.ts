/** The wire shape of a drift event, shared by the drift routes. */
import { z } from "@hono/zod-openapi";
import { EntityNameSchema, SourceSystemSchema } from "../../../../canonical/names";
import type { DriftEventRow } from "../../../../platform/db/schema";
import { changesOf, DriftStatusSchema } from "../../../../aam/drift/events";
import { DriftChangeSchema } from "../../../../aam/drift/schemas";

export const DriftEventSchema = z
  .object({
    id: z.string().openapi({ example: "drf_5d41402abc4b2a76b9719d911017c592" }),
    connection_id: z.string(),
    run_id: z.string().nullable().openapi({ description: "The run whose batch (or discovery) showed it" }),
    system: SourceSystemSchema,
    object: z.string(),
    entity: EntityNameSchema.nullable(),
    mapping_version: z.string().nullable().openapi({ description: "The mapping in effect when it was detected" }),
    changes: z.array(DriftChangeSchema),
    breaking: z.boolean().openapi({ description: "Records lose or fail a mapped value: they are held in quarantine until a repair" }),
    status: DriftStatusSchema,
    repair_id: z.string().nullable().openapi({ description: "The mapping repair proposed or applied for it" }),
    detected_at: z.string(),
    resolved_at: z.string().nullable(),
  })
  .openapi("DriftEvent");

export const DriftIdParamsSchema = z.object({
  id: z.string().min(1).openapi({ param: { name: "id", in: "path" }, example: "drf_5d41402abc4b2a76b9719d911017c592" }),
});

export function driftEventResponse(row: DriftEventRow): z.infer<typeof DriftEventSchema> {
  return {
    id: row.id,
    connection_id: row.connectionId,
    run_id: row.runId,
    system: row.system,
    object: row.object,
    entity: row.entity,
    mapping_version: row.mappingVersion,
    changes: changesOf(row),
    breaking: row.breaking,
    status: row.status,
    repair_id: row.repairId,
    detected_at: row.detectedAt,
    resolved_at: row.resolvedAt,
  };
}
