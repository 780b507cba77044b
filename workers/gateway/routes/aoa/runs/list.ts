/** GET /api/v1/aoa/runs: the caller's tenant's agent runs, newest first, a page at a time. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { nextPageCursor, PageLimitSchema, PagePositionCursorSchema } from "../../../../aam/pipeline/page-cursor";
import { AgentNameSchema } from "../../../../aoa/runs/agent-name";
import { RunSummarySchema, runSummaryOf } from "../../../../aoa/runs/run";
import { listRuns } from "../../../../aoa/runs/runs-store";

export const ListAgentRunsQuerySchema = z.object({
  agent: AgentNameSchema.optional(),
  limit: PageLimitSchema,
  cursor: PagePositionCursorSchema.optional(),
});

export const AgentRunPageSchema = z
  .object({
    items: z.array(RunSummarySchema).openapi({ description: "Newest first" }),
    next_cursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null on the last page" }),
  })
  .openapi("AgentRunPage");

const route = createRoute({
  method: "get",
  path: "/api/v1/aoa/runs",
  tags: ["aoa"],
  summary: "List agent runs",
  description:
    "Manual and scheduled runs of the agents with their status, counts, summary and error (outputs are on the " +
    "single run). `agent` keeps one agent's runs. Requires the `agents:read` scope.",
  middleware: [requireScope("agents:read")] as const,
  request: { query: ListAgentRunsQuerySchema },
  responses: {
    200: { description: "One page of runs", content: { "application/json": { schema: AgentRunPageSchema } } },
    ...problemResponses(400, 401, 403, 429),
  },
});

export const registerListAgentRuns = (app: App) =>
  app.openapi(route, async (c) => {
    const { limit, cursor, ...filter } = c.req.valid("query");
    const rows = await listRuns(forTenant(database(c.env.DB), callerOf(c).tenantId), filter, { limit: limit + 1, before: cursor });
    const page = nextPageCursor(rows, limit, (row) => ({ at: row.createdAt, id: row.id }));
    return c.json({ items: page.items.map(runSummaryOf), next_cursor: page.next_cursor }, 200);
  });
