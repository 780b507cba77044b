/** POST /api/v1/aam/connections/{id}/test: asks the system's connector whether the connection works. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { getConnection } from "../../../../aam/connections/registry";
import { recordSourceChecked } from "../../../../aam/connections/sync-state";
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
    "is a 200 with `ok: false`, the source `state` the user can act on and the reason; either way the state is kept " +
    "as the connection's `source_state`. A stored config or secrets " +
    "the connector cannot use is a 400. Requires the " +
    "`aam:write` scope, since it calls out with the connection's credentials.",
  middleware: [requireScope("aam:write")] as const,
  request: { params: ConnectionIdParamsSchema },
  responses: {
    200: { description: "The check's result", content: { "application/json": { schema: HealthCheckSchema } } },
    ...problemResponses(400, 401, 403, 404, 429),
  },
});

export const registerTestConnection = (app: App) =>
  app.openapi(route, async (c) => {
    const scope = forTenant(database(c.env.DB), callerOf(c).tenantId);
    const connection = await getConnection(scope, c.req.valid("param").id);
    const connector = await connectorFor(connection, c.env);
    const health = await connector.check();
    await recordSourceChecked(scope, connection.id, health.state, new Date());
    return c.json(health, 200);
  });
