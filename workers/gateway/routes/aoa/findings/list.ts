/** GET /api/v1/aoa/findings: what the caller's tenant's agents found, newest first, filtered, a page at a time. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { nextPageCursor, PageLimitSchema, PagePositionCursorSchema } from "../../../../aam/pipeline/page-cursor";
import { AgentNameSchema } from "../../../../aoa/runs/agent-name";
import { FindingSchema, FindingSeveritySchema, FindingStatusSchema, findingOf } from "../../../../aoa/runs/finding";
import { listFindings } from "../../../../aoa/runs/findings-store";

export const ListFindingsQuerySchema = z.object({
  agent: AgentNameSchema.optional(),
  kind: z.string().min(1).max(64).optional().openapi({ example: "deal_risk" }),
  severity: FindingSeveritySchema.optional(),
  status: FindingStatusSchema.optional(),
  run_id: z.string().min(1).optional().openapi({ description: "Findings last produced by this run" }),
  limit: PageLimitSchema,
  cursor: PagePositionCursorSchema.optional(),
});

export const FindingPageSchema = z
  .object({
    items: z.array(FindingSchema).openapi({ description: "Newest first" }),
    next_cursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null on the last page" }),
  })
  .openapi("FindingPage");

const route = createRoute({
  method: "get",
  path: "/api/v1/aoa/findings",
  tags: ["aoa"],
  summary: "List findings",
  description:
    "Deal risks and scores, pipeline health and the forecast (`revops`), cost anomalies (`finops`), each with its " +
    "severity, subject, explanation (each factor's contribution) and metrics. `status=open` lists the current " +
    "ones; `resolved` are those a later run no longer found, `dismissed` those set aside. Filters combine with AND. " +
    "Requires the `agents:read` scope.",
  middleware: [requireScope("agents:read")] as const,
  request: { query: ListFindingsQuerySchema },
  responses: {
    200: { description: "One page of findings", content: { "application/json": { schema: FindingPageSchema } } },
    ...problemResponses(400, 401, 403, 429),
  },
});

export const registerListFindings = (app: App) =>
  app.openapi(route, async (c) => {
    const { limit, cursor, ...filter } = c.req.valid("query");
    const rows = await listFindings(forTenant(database(c.env.DB), callerOf(c).tenantId), filter, { limit: limit + 1, before: cursor });
    const page = nextPageCursor(rows, limit, (row) => ({ at: row.createdAt, id: row.id }));
    return c.json({ items: page.items.map(findingOf), next_cursor: page.next_cursor }, 200);
  });
