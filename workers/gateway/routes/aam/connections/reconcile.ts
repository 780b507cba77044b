/** POST /api/v1/aam/connections/{id}/reconcile: finds records the source deleted without a trace, now. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { getConnection } from "../../../../aam/connections/registry";
import { startConnectionReconcile } from "../../../../aam/pipeline/start-reconcile";
import { ConnectionIdParamsSchema } from "./schemas";
import { SyncStartedSchema } from "./sync";

const ReconcileOptionsSchema = z
  .object({
    force: z.boolean().optional().openapi({
      description:
        "Confirms that most of an object's records may really be gone: reconciliation then deletes them even when " +
        "more than half of a page of at least 100 live records is missing, which otherwise stops the run",
    }),
  })
  .openapi("ReconcileOptions");

const route = createRoute({
  method: "post",
  path: "/api/v1/aam/connections/{id}/reconcile",
  tags: ["aam"],
  summary: "Reconcile a connection's record ids now",
  description:
    "For sources that keep no tombstones (Supabase, MongoDB): queues a reconcile run per object that asks the source " +
    "which of the records the canonical stream holds as live still exist, and emits a delete for each one that does " +
    "not. Scheduled syncs do this once a day by themselves. A source that reports deletes itself (Salesforce, files) " +
    "is a 501. When more than half of a page of at least 100 live records is missing from the source (a permission or " +
    "row-level security change hiding rows looks the same as a mass delete), the run fails without deleting them and " +
    "the connection's `last_error` says so; after checking, repeat with `{\"force\": true}` to delete them. The body " +
    "is optional. Requires the `aam:write` scope.",
  middleware: [requireScope("aam:write")] as const,
  request: {
    params: ConnectionIdParamsSchema,
    body: { required: false, content: { "application/json": { schema: ReconcileOptionsSchema } } },
  },
  responses: {
    202: { description: "The runs are queued", content: { "application/json": { schema: SyncStartedSchema } } },
    ...problemResponses(400, 401, 403, 404, 415, 429, 501),
  },
});

export const registerReconcileConnection = (app: App) =>
  app.openapi(route, async (c) => {
    const scope = forTenant(database(c.env.DB), callerOf(c).tenantId);
    const connection = await getConnection(scope, c.req.valid("param").id);
    const force = c.req.valid("json").force === true;
    const runIds = await startConnectionReconcile(c.env, scope, { connection, traceId: c.get("trace").traceId, force });
    return c.json({ run_ids: runIds }, 202);
  });
