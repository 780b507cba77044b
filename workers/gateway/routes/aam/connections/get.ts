/** GET /api/v1/aam/connections/{id}: one of the caller's tenant's connections; another tenant's is not found. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { getConnection } from "../../../../aam/connections/registry";
import { ConnectionIdParamsSchema, ConnectionSchema, connectionResponse } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/api/v1/aam/connections/{id}",
  tags: ["aam"],
  summary: "Get a connection",
  description: "Requires the `aam:read` scope.",
  middleware: [requireScope("aam:read")] as const,
  request: { params: ConnectionIdParamsSchema },
  responses: {
    200: { description: "The connection", content: { "application/json": { schema: ConnectionSchema } } },
    ...problemResponses(401, 403, 404, 429),
  },
});

export const registerGetConnection = (app: App) =>
  app.openapi(route, async (c) => {
    const scope = forTenant(database(c.env.DB), callerOf(c).tenantId);
    return c.json(connectionResponse(await getConnection(scope, c.req.valid("param").id)), 200);
  });
