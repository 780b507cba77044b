/** GET /api/v1/aoa/agents: every agent (pilot) with the tenant's settings for it and its last run. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { PILOTS } from "../../../../aoa/runs/registry";
import { latestRun } from "../../../../aoa/runs/runs-store";
import { agentSettings, DEFAULT_SETTINGS } from "../../../../aoa/runs/settings";
import { AgentSchema, agentResponse } from "./schemas";

export const AgentListSchema = z.object({ agents: z.array(AgentSchema) }).openapi("AgentList");

const route = createRoute({
  method: "get",
  path: "/api/v1/aoa/agents",
  tags: ["aoa"],
  summary: "List the agents",
  description:
    "The agents the platform runs (`revops`: deal scores, pipeline health and the forecast; `finops`: cloud cost " +
    "anomalies), each with the tenant's schedule settings (the defaults until changed) and a summary of its newest " +
    "run. Requires the `agents:read` scope.",
  middleware: [requireScope("agents:read")] as const,
  responses: {
    200: { description: "Every agent", content: { "application/json": { schema: AgentListSchema } } },
    ...problemResponses(401, 403, 429),
  },
});

export const registerListAgents = (app: App) =>
  app.openapi(route, async (c) => {
    const scope = forTenant(database(c.env.DB), callerOf(c).tenantId);
    const settings = await agentSettings(scope);
    const agents = await Promise.all(
      Object.values(PILOTS).map(async (pilot) => agentResponse(pilot, settings.get(pilot.name) ?? DEFAULT_SETTINGS, await latestRun(scope, pilot.name))),
    );
    return c.json({ agents }, 200);
  });
