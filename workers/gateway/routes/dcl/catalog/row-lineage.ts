/** GET /api/v1/dcl/catalog/lineage/{entity}/{id}: one view row's sources and contributing events. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { EntityNameSchema } from "../../../../canonical/names";
import { withCatalogStore } from "../../../../dcl/catalog/for-env";
import { RowLineageSchema, rowLineage } from "../../../../dcl/catalog/row-lineage";

const route = createRoute({
  method: "get",
  path: "/api/v1/dcl/catalog/lineage/{entity}/{id}",
  tags: ["dcl"],
  summary: "Get a view row's lineage",
  description:
    "The source records a view row (a unified account, an opportunity, a contact) is made of and every canonical " +
    "event that contributed, in stream order, with the mapping version that produced it. Requires the `dcl:read` scope.",
  middleware: [requireScope("dcl:read")] as const,
  request: {
    params: z.object({
      entity: EntityNameSchema.openapi({ param: { name: "entity", in: "path" } }),
      id: z.string().min(1).max(200).openapi({ param: { name: "id", in: "path" }, example: "acc_3f2a9c0d1e4b5a6978c0d1e2" }),
    }),
  },
  responses: {
    200: { description: "The row's lineage", content: { "application/json": { schema: RowLineageSchema } } },
    ...problemResponses(400, 401, 403, 404, 429),
  },
});

export const registerCatalogRowLineage = (app: App) =>
  app.openapi(route, async (c) => {
    const { entity, id } = c.req.valid("param");
    return c.json(await withCatalogStore(c.env, callerOf(c).tenantId, (catalog) => rowLineage(catalog, entity, id)), 200);
  });
