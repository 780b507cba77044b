/** DELETE /api/v1/aam/connections/{id}: removes a connection and its staged files; its canonical events stay. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { deleteConnection } from "../../../../aam/connections/registry";
import { ConnectionIdParamsSchema } from "./schemas";

const route = createRoute({
  method: "delete",
  path: "/api/v1/aam/connections/{id}",
  tags: ["aam"],
  summary: "Delete a connection",
  description:
    "Deletes the connection, its stored secrets and the files under its R2 prefix. The canonical events it already " +
    "produced are kept: they are history, and still name the connection they came from. Requires the `aam:write` scope.",
  middleware: [requireScope("aam:write")] as const,
  request: { params: ConnectionIdParamsSchema },
  responses: {
    204: { description: "Deleted" },
    ...problemResponses(401, 403, 404, 429),
  },
});

export const registerDeleteConnection = (app: App) =>
  app.openapi(route, async (c) => {
    await deleteConnection(forTenant(database(c.env.DB), callerOf(c).tenantId), c.env, c.req.valid("param").id);
    return c.body(null, 204);
  });
