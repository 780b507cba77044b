/** GET /api/v1/dcl/catalog/entities: each canonical entity, its fields and its view's row counts. */
import { z } from "@hono/zod-openapi";
import { EntityNameSchema } from "../../canonical/names";
import { ViewNameSchema } from "../query/catalog";
import { EntityFieldSchema, entityFieldsOf } from "./entity-fields";
import type { CatalogStore } from "./store";

export const RowCountsSchema = z
  .object({ live: z.number().int(), tombstoned: z.number().int().openapi({ description: "Rows whose sources were all deleted" }) })
  .openapi("DclRowCounts");

/** entity → its view (the query API's name for it) */
export const VIEW_OF = { account: "accounts", opportunity: "opportunities", contact: "contacts", cost: "costs" } as const satisfies Record<
  z.infer<typeof EntityNameSchema>,
  z.infer<typeof ViewNameSchema>
>;

export const CatalogEntitySchema = z
  .object({ entity: EntityNameSchema, view: ViewNameSchema, fields: z.array(EntityFieldSchema), rows: RowCountsSchema })
  .openapi("DclCatalogEntity");

export const CatalogEntityListSchema = z.object({ items: z.array(CatalogEntitySchema) }).openapi("DclCatalogEntityList");
export type CatalogEntityList = z.infer<typeof CatalogEntityListSchema>;

export async function catalogEntities(store: CatalogStore): Promise<CatalogEntityList> {
  const rows = await store.viewRowCounts();
  return { items: EntityNameSchema.options.map((entity) => ({ entity, view: VIEW_OF[entity], fields: entityFieldsOf(entity), rows: rows[entity] })) };
}
