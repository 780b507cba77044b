/** PUT /api/v1/aoa/agents/{agent}: the tenant's schedule settings for one agent. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { requirePilot } from "../../../../aoa/runs/registry";
import { latestRun } from "../../../../aoa/runs/runs-store";
import { AgentSettingsSchema, putAgentSettings } from "../../../../aoa/runs/settings";
import { AgentParamsSchema, AgentSchema, agentResponse } from "./schemas";

const route = createRoute({
  method: "put",
  path: "/api/v1/aoa/agents/{agent}",
  tags: ["aoa"],
  summary: "Set an agent's schedule",
  description:
    "Whether the scheduler runs the agent for the tenant and how often (`interval_minutes`, 60 to 43200 after its " +
    "last scheduled run). On-demand runs are allowed either way. 404 for an unknown agent; a value out of range is " +
    "400 per field. Requires the `agents:run` scope.",
  middleware: [requireScope("agents:run")] as const,
  request: {
    params: AgentParamsSchema,
    body: { required: true, content: { "application/json": { schema: AgentSettingsSchema } } },
  },
  responses: {
    200: { description: "The agent with its new settings", content: { "application/json": { schema: AgentSchema } } },
    ...problemResponses(400, 401, 403, 404, 413, 415, 429),
  },
});

export const registerPutAgentSettings = (app: App) =>
  app.openapi(route, async (c) => {
    const pilot = requirePilot(c.req.valid("param").agent);
    const scope = forTenant(database(c.env.DB), callerOf(c).tenantId);
    const settings = await putAgentSettings(scope, pilot.name, c.req.valid("json"), new Date());
    return c.json(agentResponse(pilot, settings, await latestRun(scope, pilot.name)), 200);
  });
