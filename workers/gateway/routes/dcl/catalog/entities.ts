/** GET /api/v1/dcl/catalog/entities: the canonical entities, their fields and their views' row counts. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { withCatalogStore } from "../../../../dcl/catalog/for-env";
import { CatalogEntityListSchema, catalogEntities } from "../../../../dcl/catalog/entities";

const route = createRoute({
  method: "get",
  path: "/api/v1/dcl/catalog/entities",
  tags: ["dcl"],
  summary: "List the canonical entities",
  description:
    "Each canonical entity with its fields (read off the canonical model's JSON Schema) and its view's rows: live " +
    "and tombstoned. Requires the `dcl:read` scope.",
  middleware: [requireScope("dcl:read")] as const,
  responses: {
    200: { description: "The entities", content: { "application/json": { schema: CatalogEntityListSchema } } },
    ...problemResponses(401, 403, 429),
  },
});

export const registerCatalogEntities = (app: App) =>
  app.openapi(route, async (c) => c.json(await withCatalogStore(c.env, callerOf(c).tenantId, catalogEntities), 200));
