/** GET /api/v1/dcl/views/{entity}: a page of the tenant's unified view, filtered, sorted and projected. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { ViewNameSchema } from "../../../../dcl/query/catalog";
import { ViewListQuerySchema, ViewPageSchema, listView } from "../../../../dcl/query/list-view";
import { queryRunnerFor } from "../../../../dcl/query/runner";

const route = createRoute({
  method: "get",
  path: "/api/v1/dcl/views/{entity}",
  tags: ["dcl"],
  summary: "List a unified view (accounts, opportunities, contacts)",
  description:
    "Items carry canonical field names. Filters: `filter[<field>]=<value>` (equals) or `filter[<field>][<op>]=<value>` " +
    "with op one of eq, ne, gt, gte, lt, lte, contains, starts_with (text, case-insensitive), in (comma-separated), " +
    "is_null (true/false), on the view's scalar fields only; values are typed by the field; filters AND together. " +
    "`sort`, `fields`, `limit` and the opaque `cursor` (valid for the sort it came with) page stably through the view. " +
    "Tombstones are left out unless `include_deleted=true`. Requires the `dcl:read` scope.",
  middleware: [requireScope("dcl:read")] as const,
  request: {
    params: z.object({ entity: ViewNameSchema.openapi({ param: { name: "entity", in: "path" } }) }),
    query: ViewListQuerySchema,
  },
  responses: {
    200: { description: "One page of the view", content: { "application/json": { schema: ViewPageSchema } } },
    ...problemResponses(400, 401, 403, 429),
  },
});

export const registerListView = (app: App) =>
  app.openapi(route, async (c) => {
    const runner = queryRunnerFor(c.env, callerOf(c).tenantId);
    const params = Array.from(new URL(c.req.url).searchParams.entries());
    const page = await listView(runner, runner.view(c.req.valid("param").entity), c.req.valid("query"), params);
    return c.json(page, 200);
  });
