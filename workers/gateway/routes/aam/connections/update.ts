/** PATCH /api/v1/aam/connections/{id}: renames, reconfigures, re-keys, pauses or reschedules a connection. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { updateConnection } from "../../../../aam/connections/registry";
import { UpdateConnectionSchema } from "../../../../aam/connections/schemas";
import { ConnectionIdParamsSchema, ConnectionSchema, connectionResponse } from "./schemas";

const route = createRoute({
  method: "patch",
  path: "/api/v1/aam/connections/{id}",
  tags: ["aam"],
  summary: "Update a connection",
  description:
    "Only the fields sent change. `config` and `secrets` are replaced whole (`secrets: null` removes them); the " +
    "system cannot change. Changing the schedule reschedules the next sync. Requires the `aam:write` scope.",
  middleware: [requireScope("aam:write")] as const,
  request: {
    params: ConnectionIdParamsSchema,
    body: { required: true, content: { "application/json": { schema: UpdateConnectionSchema } } },
  },
  responses: {
    200: { description: "The updated connection", content: { "application/json": { schema: ConnectionSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 429),
  },
});

export const registerUpdateConnection = (app: App) =>
  app.openapi(route, async (c) => {
    const scope = forTenant(database(c.env.DB), callerOf(c).tenantId);
    const connection = await updateConnection(scope, c.env, c.req.valid("param").id, c.req.valid("json"));
    return c.json(connectionResponse(connection), 200);
  });
