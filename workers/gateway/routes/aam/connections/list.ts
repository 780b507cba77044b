/** GET /api/v1/aam/connections: the caller's tenant's connections in name order, a page at a time. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { listConnections } from "../../../../aam/connections/registry";
import { ListConnectionsQuerySchema } from "../../../../aam/connections/schemas";
import { ConnectionSchema, connectionResponse } from "./schemas";

export const ConnectionPageSchema = z
  .object({
    items: z.array(ConnectionSchema).openapi({ description: "In name order" }),
    next_cursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null on the last page" }),
  })
  .openapi("ConnectionPage");

const route = createRoute({
  method: "get",
  path: "/api/v1/aam/connections",
  tags: ["aam"],
  summary: "List connections",
  description: "Follow `next_cursor` for the next page. Requires the `aam:read` scope.",
  middleware: [requireScope("aam:read")] as const,
  request: { query: ListConnectionsQuerySchema },
  responses: {
    200: { description: "One page of connections", content: { "application/json": { schema: ConnectionPageSchema } } },
    ...problemResponses(400, 401, 403, 429),
  },
});

export const registerListConnections = (app: App) =>
  app.openapi(route, async (c) => {
    const scope = forTenant(database(c.env.DB), callerOf(c).tenantId);
    const page = await listConnections(scope, c.req.valid("query"));
    return c.json({ items: page.items.map(connectionResponse), next_cursor: page.nextCursor }, 200);
  });
