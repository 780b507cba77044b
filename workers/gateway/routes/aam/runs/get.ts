/** GET /api/v1/aam/runs/{run_id}: one of the caller's tenant's sync runs with its counts; another tenant's is not found. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { ProblemError, problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { getRun } from "../../../../aam/pipeline/runs";
import { RunIdParamsSchema, RunSchema, runResponse } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/api/v1/aam/runs/{run_id}",
  tags: ["aam"],
  summary: "Get a sync run",
  description: "Status, read/emitted/quarantined/duplicate counts, backfill progress and timing. Requires the `aam:read` scope.",
  middleware: [requireScope("aam:read")] as const,
  request: { params: RunIdParamsSchema },
  responses: {
    200: { description: "The run", content: { "application/json": { schema: RunSchema } } },
    ...problemResponses(401, 403, 404, 429),
  },
});

export const registerGetRun = (app: App) =>
  app.openapi(route, async (c) => {
    const { run_id } = c.req.valid("param");
    const run = await getRun(forTenant(database(c.env.DB), callerOf(c).tenantId), run_id);
    if (run === undefined) throw new ProblemError("not-found", `No run ${run_id}`);
    return c.json(runResponse(run), 200);
  });
