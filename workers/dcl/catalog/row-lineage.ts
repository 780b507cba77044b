/**
 * GET /api/v1/dcl/catalog/lineage/{entity}/{id}: where one view row comes from: its source records and every event
 * that contributed (oldest first in the stream), each with the mapping version that produced it.
 */
import { z } from "@hono/zod-openapi";
import { type EntityName, EntityNameSchema, SourceSystemSchema } from "../../canonical/names";
import { ProblemError } from "../../gateway/problem";
import type { CatalogStore } from "./store";

export const ContributingEventSchema = z
  .object({
    seq: z.number().int(),
    event_id: z.string(),
    connection_id: z.string(),
    system: SourceSystemSchema,
    object: z.string(),
    record_id: z.string(),
    op: z.enum(["upsert", "delete"]),
    mapping_version: z.string(),
    emitted_at: z.string(),
    run_id: z.string().nullable(),
  })
  .openapi("DclContributingEvent");

export const RowLineageSchema = z
  .object({
    entity: EntityNameSchema,
    id: z.string(),
    deleted: z.boolean(),
    last_seq: z.number().int(),
    sources: z.array(z.object({ system: SourceSystemSchema, connection_id: z.string(), object: z.string(), record_id: z.string() })),
    events: z.array(ContributingEventSchema),
  })
  .openapi("DclRowLineage");
export type RowLineage = z.infer<typeof RowLineageSchema>;

export async function rowLineage(store: CatalogStore, entity: EntityName, id: string): Promise<RowLineage> {
  const trail = await store.rowTrail(entity, id);
  if (trail === undefined) throw new ProblemError("not-found", `no ${entity} view row ${id}`);
  const events = await store.eventsById(trail.lineage);
  return {
    entity,
    id,
    deleted: trail.deleted,
    last_seq: trail.lastSeq,
    sources: trail.sources,
    events: events.map((e) => ({
      seq: e.seq,
      event_id: e.eventId,
      connection_id: e.connectionId,
      system: e.system,
      object: e.object,
      record_id: e.recordId,
      op: e.op,
      mapping_version: e.mappingVersion,
      emitted_at: e.emittedAt,
      run_id: e.runId,
    })),
  };
}
