/** POST /api/v1/aam/connections/{id}/sync: syncs every object of a connection now, outside its schedule. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { getConnection } from "../../../../aam/connections/registry";
import { startConnectionSync } from "../../../../aam/pipeline/start-sync";
import { recordSourceChecked } from "../../../../aam/connections/sync-state";
import { sourceStateOf } from "../../../../aam/connectors/source-state";
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
    "left off. The schedule is unchanged. A source that refuses the connection is a 424 (credentials, permission), a " +
    "502 (unreachable) or a 503 with Retry-After (API quota). Requires the `aam:write` scope.",
  middleware: [requireScope("aam:write")] as const,
  request: { params: ConnectionIdParamsSchema },
  responses: {
    202: { description: "The runs are queued", content: { "application/json": { schema: SyncStartedSchema } } },
    ...problemResponses(400, 401, 403, 404, 424, 429, 502, 503),
  },
});

export const registerSyncConnection = (app: App) =>
  app.openapi(route, async (c) => {
    const scope = forTenant(database(c.env.DB), callerOf(c).tenantId);
    const connection = await getConnection(scope, c.req.valid("param").id);
    const runIds = await startConnectionSync(c.env, scope, { connection, kind: "manual", traceId: c.get("trace").traceId }).catch(async (err) => {
      // the caller gets the problem; the connection keeps what it says about the source, as a check would
      const state = sourceStateOf(err);
      if (state !== undefined) await recordSourceChecked(scope, connection.id, state, new Date());
      throw err;
    });
    return c.json({ run_ids: runIds }, 202);
  });
