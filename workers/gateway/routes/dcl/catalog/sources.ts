/** GET /api/v1/dcl/catalog/sources: the tenant's connections, their source objects and inferred relationships. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { withCatalogStore } from "../../../../dcl/catalog/for-env";
import { CatalogSourceListSchema, catalogSources } from "../../../../dcl/catalog/sources";

const route = createRoute({
  method: "get",
  path: "/api/v1/dcl/catalog/sources",
  tags: ["dcl"],
  summary: "List the data sources",
  description:
    "The tenant's connections, each with the source objects seen in its canonical stream or quarantine (entity, " +
    "event count, last event time, mapping versions used, records held back), and the foreign keys inferred " +
    "between source objects (as GET /api/v1/dcl/relationships). Requires the `dcl:read` scope.",
  middleware: [requireScope("dcl:read")] as const,
  responses: {
    200: { description: "The sources", content: { "application/json": { schema: CatalogSourceListSchema } } },
    ...problemResponses(401, 403, 429),
  },
});

export const registerCatalogSources = (app: App) =>
  app.openapi(route, async (c) => c.json(await withCatalogStore(c.env, callerOf(c).tenantId, catalogSources), 200));
