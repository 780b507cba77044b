/** POST /api/v1/aoa/agents/{agent}/run: run an agent for the caller's tenant now and answer with the finished run. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { requirePilot } from "../../../../aoa/runs/registry";
import { RunSchema, runOf } from "../../../../aoa/runs/run";
import { runAgent } from "../../../../aoa/runs/runner";
import { AgentParamsSchema } from "./schemas";

const route = createRoute({
  method: "post",
  path: "/api/v1/aoa/agents/{agent}/run",
  tags: ["aoa"],
  summary: "Run an agent",
  description:
    "Runs the agent over the tenant's unified data and waits for it: its findings are stored (the same finding " +
    "seen again is updated, open ones it no longer finds are resolved), the actions it proposes go through the " +
    "Write API under the tenant's approval policies, a narrative summary is written, and the run is published on " +
    "`/live-flow`. The answer is the finished run with its outputs; a run whose agent failed is still a 200, with " +
    "`status: failed` and its `error`, so it stays visible like any other run. 404 for an unknown agent; 409 while " +
    "a run of the agent is in progress for the tenant. Requires the `agents:run` scope.",
  middleware: [requireScope("agents:run")] as const,
  request: { params: AgentParamsSchema },
  responses: {
    200: { description: "The finished run: succeeded, or failed with its error", content: { "application/json": { schema: RunSchema } } },
    ...problemResponses(401, 403, 404, 409, 429),
  },
});

export const registerRunAgent = (app: App) =>
  app.openapi(route, async (c) => {
    const pilot = requirePilot(c.req.valid("param").agent);
    const caller = callerOf(c);
    const scope = forTenant(database(c.env.DB), caller.tenantId);
    const run = await runAgent(c.env, scope, pilot, { trigger: "manual", actor: caller.actorId, now: new Date(), traceId: c.get("trace").traceId });
    return c.json(runOf(run), 200);
  });
