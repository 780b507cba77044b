/** POST /api/v1/dcl/query: a JSON query (filters, group by, aggregates) over one of the tenant's views. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { JsonQuerySchema, MAX_QUERY_ROWS, QueryResultSchema, runJsonQuery } from "../../../../dcl/query/json-query";
import { queryRunnerFor } from "../../../../dcl/query/runner";

const route = createRoute({
  method: "post",
  path: "/api/v1/dcl/query",
  tags: ["dcl"],
  summary: "Query a unified view",
  description:
    "Filters (`{field, op, value}`, ops as in the view list), optional `group_by` with `aggregates` (count, sum, avg, " +
    "min, max), `order_by` over output columns, compiled to parameterized SQL over the caller's tenant only. The " +
    `result is tabular: \`columns\` (name, type) and \`rows\` (arrays), at most ${MAX_QUERY_ROWS} rows; \`truncated\` ` +
    "says more matched. Tombstones are left out unless `include_deleted`. Requires the `dcl:read` scope.",
  middleware: [requireScope("dcl:read")] as const,
  request: { body: { required: true, content: { "application/json": { schema: JsonQuerySchema } } } },
  responses: {
    200: { description: "The result table", content: { "application/json": { schema: QueryResultSchema } } },
    ...problemResponses(400, 401, 403, 413, 415, 429),
  },
});

export const registerRunQuery = (app: App) =>
  app.openapi(route, async (c) => {
    return c.json(await runJsonQuery(queryRunnerFor(c.env, callerOf(c).tenantId), c.req.valid("json")), 200);
  });
