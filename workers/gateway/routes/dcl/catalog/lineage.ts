/** GET /api/v1/dcl/catalog/lineage: source objects → mappings → entities → views, with counts (the console's Sankey). */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { withCatalogStore } from "../../../../dcl/catalog/for-env";
import { LineageGraphSchema, lineageGraph } from "../../../../dcl/catalog/lineage";

const route = createRoute({
  method: "get",
  path: "/api/v1/dcl/catalog/lineage",
  tags: ["dcl"],
  summary: "Get the lineage graph",
  description:
    "Nodes (`source_object`, `mapping`, `entity`, `view`, `quarantine`) and weighted links for a Sankey diagram: " +
    "source object → mapping → entity carry canonical events (a mapping node aggregates its versions, listed on " +
    "the node), entity → view the view's rows (live + tombstoned), source object → quarantine the records held " +
    "back. Requires the `dcl:read` scope.",
  middleware: [requireScope("dcl:read")] as const,
  responses: {
    200: { description: "The graph", content: { "application/json": { schema: LineageGraphSchema } } },
    ...problemResponses(401, 403, 429),
  },
});

export const registerCatalogLineage = (app: App) =>
  app.openapi(route, async (c) => c.json(await withCatalogStore(c.env, callerOf(c).tenantId, lineageGraph), 200));
