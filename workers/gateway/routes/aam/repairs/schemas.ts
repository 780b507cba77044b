/** The wire shapes of mapping repairs, shared by the repair routes. */
import { z } from "@hono/zod-openapi";
import { EntityNameSchema, SourceSystemSchema } from "../../../../canonical/names";
import type { MappingRepairRow, MappingVersionRow } from "../../../../platform/db/schema";
import { RepairChangeSchema } from "../../../../aam/repair/changes";
import { repairChanges, RepairKindSchema, RepairStatusSchema } from "../../../../aam/repair/store";

export const RepairIdParamsSchema = z.object({
  id: z.string().min(1).openapi({ param: { name: "id", in: "path" }, example: "rep_5d41402abc4b2a76b9719d91" }),
});

export const RepairSchema = z
  .object({
    id: z.string(),
    kind: RepairKindSchema.openapi({ description: "`drift`: a mapping broken by a source change; `onboarding`: a drafted mapping for a new object" }),
    connection_id: z.string().nullable(),
    drift_event_id: z.string().nullable(),
    system: SourceSystemSchema,
    object: z.string(),
    entity: EntityNameSchema,
    status: RepairStatusSchema,
    changes: z.array(RepairChangeSchema),
    confidence: z.number().min(0).max(1).openapi({ description: "The lowest confidence among the changes" }),
    base_version: z.number().int().nullable().openapi({ description: "The tenant mapping version it was proposed against; null for the system default or no mapping" }),
    applied_version: z.number().int().nullable().openapi({ description: "The mapping version applying it created" }),
    rolled_back_version: z.number().int().nullable().openapi({ description: "The mapping version its rollback created" }),
    decided_by: z.string().nullable().openapi({ description: "A user or API key id, or `aam:auto`", example: "aam:auto" }),
    created_at: z.string(),
    decided_at: z.string().nullable(),
  })
  .openapi("MappingRepair");
export type RepairResponse = z.infer<typeof RepairSchema>;

export function repairResponse(row: MappingRepairRow): RepairResponse {
  return {
    id: row.id,
    kind: row.kind,
    connection_id: row.connectionId,
    drift_event_id: row.driftEventId,
    system: row.system,
    object: row.object,
    entity: row.entity,
    status: row.status,
    changes: repairChanges(row),
    confidence: row.confidence,
    base_version: row.baseVersion,
    applied_version: row.appliedVersion,
    rolled_back_version: row.rolledBackVersion,
    decided_by: row.decidedBy,
    created_at: row.createdAt,
    decided_at: row.decidedAt,
  };
}

export const RepairVersionSchema = z
  .object({
    version: z.number().int().openapi({ description: "The tenant mapping version created" }),
    mapping_version: z.string().openapi({ example: "salesforce/Account@3#9f86d081" }),
    author: z.string(),
    comment: z.string().nullable(),
  })
  .openapi("RepairMappingVersion");

export const repairVersionResponse = (row: MappingVersionRow): z.infer<typeof RepairVersionSchema> => ({
  version: row.version,
  mapping_version: row.mappingVersion,
  author: row.author,
  comment: row.comment,
});
