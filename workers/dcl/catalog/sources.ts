/**
 * GET /api/v1/dcl/catalog/sources: the tenant's connections, each with the source objects seen in its stream
 * (and quarantine), and the foreign keys inferred between source objects.
 */
import { z } from "@hono/zod-openapi";
import { InferredRelationshipSchema, inferRelationships } from "../linking/relationships";
import type { ViewStore } from "../materialize/store";
import { SourceObjectSchema, sourceObjects } from "./source-objects";
import type { CatalogStore } from "./store";

export const CatalogSourceSchema = z
  .object({
    id: z.string().openapi({ example: "con_01JQ3R8Y2C5V7W9X1Z3B5D7F9H" }),
    name: z.string(),
    system: SourceObjectSchema.shape.system,
    status: z.string().openapi({ example: "active" }),
    objects: z.array(SourceObjectSchema.omit({ connection_id: true, system: true })),
  })
  .openapi("DclCatalogSource");

export const CatalogSourceListSchema = z
  .object({ items: z.array(CatalogSourceSchema), relationships: z.array(InferredRelationshipSchema) })
  .openapi("DclCatalogSourceList");
export type CatalogSourceList = z.infer<typeof CatalogSourceListSchema>;

export async function catalogSources(catalog: CatalogStore, views: ViewStore): Promise<CatalogSourceList> {
  const objects = sourceObjects(await catalog.streamObjects(), await catalog.heldBack());
  const items = (await catalog.connections()).map((c) => ({
    ...c,
    objects: objects.filter((o) => o.connection_id === c.id).map(({ connection_id: _c, system: _s, ...object }) => object),
  }));
  return { items, relationships: await inferRelationships(views) };
}
