/** GET /api/v1/aoa/runs/{id}: one of the caller's tenant's agent runs with its outputs; another tenant's is not found. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { RunSchema, runOf } from "../../../../aoa/runs/run";
import { requireRun } from "../../../../aoa/runs/runs-store";

export const AgentRunIdParamsSchema = z.object({
  id: z.string().min(1).openapi({ param: { name: "id", in: "path" }, example: "arn_5d41402abc4b2a76b9719d91" }),
});

const route = createRoute({
  method: "get",
  path: "/api/v1/aoa/runs/{id}",
  tags: ["aoa"],
  summary: "Get an agent run",
  description:
    "The run's summary with the agent's own outputs (RevOps: scores, win rates, the forecast and its backtest, " +
    "pipeline health; FinOps: the cost series and anomalies). Requires the `agents:read` scope.",
  middleware: [requireScope("agents:read")] as const,
  request: { params: AgentRunIdParamsSchema },
  responses: {
    200: { description: "The run", content: { "application/json": { schema: RunSchema } } },
    ...problemResponses(401, 403, 404, 429),
  },
});

export const registerGetAgentRun = (app: App) =>
  app.openapi(route, async (c) => {
    const scope = forTenant(database(c.env.DB), callerOf(c).tenantId);
    return c.json(runOf(await requireRun(scope, c.req.valid("param").id)), 200);
  });
