/** POST /api/v1/aam/connections: connects the caller's tenant to a source system. Secrets go in, never out. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { createConnection } from "../../../../aam/connections/registry";
import { CreateConnectionSchema } from "../../../../aam/connections/schemas";
import { ConnectionSchema, connectionResponse } from "./schemas";

const route = createRoute({
  method: "post",
  path: "/api/v1/aam/connections",
  tags: ["aam"],
  summary: "Create a connection",
  description:
    "The config is validated against the system's schema (400 lists each invalid field). `secrets` are stored " +
    "encrypted and never returned; the response says only `has_secrets`. A FileSource connection's R2 prefix is " +
    "assigned by the platform. Requires the `aam:write` scope.",
  middleware: [requireScope("aam:write")] as const,
  request: { body: { required: true, content: { "application/json": { schema: CreateConnectionSchema } } } },
  responses: {
    201: { description: "The new connection", content: { "application/json": { schema: ConnectionSchema } } },
    ...problemResponses(400, 401, 403, 409, 413, 415, 429),
  },
});

export const registerCreateConnection = (app: App) =>
  app.openapi(route, async (c) => {
    const scope = forTenant(database(c.env.DB), callerOf(c).tenantId);
    const connection = await createConnection(scope, c.env, c.req.valid("json"));
    return c.json(connectionResponse(connection), 201);
  });
