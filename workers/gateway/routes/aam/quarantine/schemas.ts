/** The wire shape of a quarantined record, shared by the quarantine routes. */
import { z } from "@hono/zod-openapi";
import { EntityNameSchema } from "../../../../canonical/names";
import type { QuarantineRow } from "../../../../platform/db/schema";
import { MappingFieldErrorSchema } from "../../../../aam/mapping/result";
import { QuarantineStatusSchema } from "../../../../aam/pipeline/quarantine";

export const QuarantinedRecordSchema = z
  .object({
    id: z.string().openapi({ example: "qua_5d41402abc4b2a76b9719d911017c592" }),
    connection_id: z.string(),
    run_id: z.string().nullable().openapi({ description: "The run that quarantined it" }),
    object: z.string(),
    entity: EntityNameSchema.nullable(),
    record_id: z.string().nullable().openapi({ description: "Null for rows the connector could not parse" }),
    line: z.number().int().nullable().openapi({ description: "1-based line in the source file, for file sources" }),
    reason: z.string(),
    errors: z.array(MappingFieldErrorSchema).openapi({ description: "Per field: which field, from where, and why" }),
    raw: z.unknown().openapi({ description: "The connector's record (`{record_id, data, cursor, line}`), or an unparseable row's text" }),
    mapping_version: z.string().nullable(),
    status: QuarantineStatusSchema,
    replayed_event_id: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi("QuarantinedRecord");

export function quarantineResponse(row: QuarantineRow): z.infer<typeof QuarantinedRecordSchema> {
  return {
    id: row.id,
    connection_id: row.connectionId,
    run_id: row.runId,
    object: row.object,
    entity: row.entity,
    record_id: row.recordId,
    line: row.line,
    reason: row.reason,
    errors: z.array(MappingFieldErrorSchema).parse(row.errors),
    raw: row.raw,
    mapping_version: row.mappingVersion,
    status: row.status,
    replayed_event_id: row.replayedEventId,
    created_at: row.createdAt,
  };
}
