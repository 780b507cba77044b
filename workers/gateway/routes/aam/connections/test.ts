/** POST /api/v1/aam/connections/{id}/test: asks the system's connector whether the connection works. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { getConnection } from "../../../../aam/connections/registry";
import { connectorFor } from "../../../../aam/connections/factory";
import { HealthCheckSchema } from "../../../../aam/connectors/connector";
import { ConnectionIdParamsSchema } from "./schemas";

const route = createRoute({
  method: "post",
  path: "/api/v1/aam/connections/{id}/test",
  tags: ["aam"],
  summary: "Test a connection",
  description:
    "Runs the connector's check (credentials and reachability) with the stored config and secrets. A failing check " +
    "is a 200 with `ok: false` and the reason; a system whose connector does not exist yet is a 501. Requires the " +
    "`aam:write` scope, since it calls out with the connection's credentials.",
  middleware: [requireScope("aam:write")] as const,
  request: { params: ConnectionIdParamsSchema },
  responses: {
    200: { description: "The check's result", content: { "application/json": { schema: HealthCheckSchema } } },
    ...problemResponses(401, 403, 404, 429, 501),
  },
});

export const registerTestConnection = (app: App) =>
  app.openapi(route, async (c) => {
    const connection = await getConnection(forTenant(database(c.env.DB), callerOf(c).tenantId), c.req.valid("param").id);
    const connector = await connectorFor(connection, c.env);
    return c.json(await connector.check(), 200);
  });
