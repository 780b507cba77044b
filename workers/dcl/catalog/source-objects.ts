/**
 * The tenant's source objects as the stream and quarantine saw them: one entry per (connection, object), from the
 * catalog's aggregate counts. Shared by the sources listing and the lineage graph.
 */
import { z } from "@hono/zod-openapi";
import { EntityNameSchema, SourceSystemSchema } from "../../canonical/names";
import { compareText } from "../materialize/record-key";
import type { HeldBackCount, StreamObjectCount } from "./store";

export const MappingUseSchema = z
  .object({ mapping_version: z.string().openapi({ example: "filesource/accounts@1#3f2a9c0d1e4b" }), events: z.number().int() })
  .openapi("DclMappingUse");

export const SourceObjectSchema = z
  .object({
    connection_id: z.string(),
    system: SourceSystemSchema,
    object: z.string().openapi({ example: "accounts" }),
    entity: EntityNameSchema.nullable().openapi({ description: "The canonical entity its events are; null when none reached the stream" }),
    events: z.number().int().openapi({ description: "Canonical events in the stream" }),
    last_event_at: z.string().nullable().openapi({ description: "When the latest of them was emitted" }),
    quarantined: z.number().int().openapi({ description: "Records held back in quarantine (open or discarded)" }),
    mapping_versions: z.array(MappingUseSchema).openapi({ description: "The mapping versions its events were mapped with" }),
  })
  .openapi("DclSourceObject");
export type SourceObject = z.infer<typeof SourceObjectSchema>;

const keyOf = (r: { connectionId: string; object: string }) => JSON.stringify([r.connectionId, r.object]);

export function sourceObjects(stream: StreamObjectCount[], heldBack: HeldBackCount[]): SourceObject[] {
  const objects = new Map<string, SourceObject>();
  const entry = (r: StreamObjectCount | HeldBackCount) => {
    const found = objects.get(keyOf(r));
    if (found !== undefined) return found;
    const created: SourceObject = { connection_id: r.connectionId, system: r.system, object: r.object, entity: null, events: 0, last_event_at: null, quarantined: 0, mapping_versions: [] };
    objects.set(keyOf(r), created);
    return created;
  };
  // most events first, so an object whose mapping changed entity reports the entity most of its events are
  for (const r of [...stream].sort((a, b) => b.events - a.events || compareText(a.mappingVersion, b.mappingVersion))) {
    const o = entry(r);
    o.entity ??= r.entity;
    o.events += r.events;
    if (o.last_event_at === null || compareText(o.last_event_at, r.lastEventAt) < 0) o.last_event_at = r.lastEventAt;
    o.mapping_versions.push({ mapping_version: r.mappingVersion, events: r.events });
  }
  for (const r of heldBack) entry(r).quarantined += r.quarantined;
  for (const o of objects.values()) o.mapping_versions.sort((a, b) => compareText(a.mapping_version, b.mapping_version));
  return [...objects.values()].sort((a, b) => compareText(keyOf({ connectionId: a.connection_id, object: a.object }), keyOf({ connectionId: b.connection_id, object: b.object })));
}
