/** POST /api/v1/aam/connections/{id}/sync: syncs every object of a connection now, outside its schedule. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { getConnection } from "../../../../aam/connections/registry";
import { startConnectionSync } from "../../../../aam/pipeline/start-sync";
import { ConnectionIdParamsSchema } from "./schemas";

export const SyncStartedSchema = z
  .object({
    run_ids: z.array(z.string()).openapi({ description: "One run per source object; empty when it has none yet" }),
  })
  .openapi("SyncStarted");

const route = createRoute({
  method: "post",
  path: "/api/v1/aam/connections/{id}/sync",
  tags: ["aam"],
  summary: "Sync a connection now",
  description:
    "Discovers the connection's objects and queues a manual run for each, continuing from where its last sync " +
    "left off. The schedule is unchanged. A system without a connector yet is a 501. Requires the `aam:write` scope.",
  middleware: [requireScope("aam:write")] as const,
  request: { params: ConnectionIdParamsSchema },
  responses: {
    202: { description: "The runs are queued", content: { "application/json": { schema: SyncStartedSchema } } },
    ...problemResponses(401, 403, 404, 429, 501),
  },
});

export const registerSyncConnection = (app: App) =>
  app.openapi(route, async (c) => {
    const scope = forTenant(database(c.env.DB), callerOf(c).tenantId);
    const connection = await getConnection(scope, c.req.valid("param").id);
    const runIds = await startConnectionSync(c.env, scope, { connection, kind: "manual", traceId: c.get("trace").traceId });
    return c.json({ run_ids: runIds }, 202);
  });
