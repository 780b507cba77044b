/** GET /api/v1/aoa/alerts: alerts raised by `alert.create` actions, newest first, a page at a time. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { nextPageCursor, PageLimitSchema, PagePositionCursorSchema } from "../../../../aam/pipeline/page-cursor";
import { AlertSchema, AlertSeveritySchema, alertResponse, listAlerts } from "../../../../aoa/actions/alerts";

export const ListAlertsQuerySchema = z.object({
  severity: AlertSeveritySchema.optional(),
  limit: PageLimitSchema,
  cursor: PagePositionCursorSchema.optional(),
});

export const AlertPageSchema = z
  .object({
    items: z.array(AlertSchema).openapi({ description: "Newest first" }),
    next_cursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null on the last page" }),
  })
  .openapi("AlertPage");

const route = createRoute({
  method: "get",
  path: "/api/v1/aoa/alerts",
  tags: ["aoa"],
  summary: "List alerts",
  description: "Alerts agents and people raised through `alert.create` actions. Requires the `agents:read` scope.",
  middleware: [requireScope("agents:read")] as const,
  request: { query: ListAlertsQuerySchema },
  responses: {
    200: { description: "One page of alerts", content: { "application/json": { schema: AlertPageSchema } } },
    ...problemResponses(400, 401, 403, 429),
  },
});

export const registerListAlerts = (app: App) =>
  app.openapi(route, async (c) => {
    const { limit, cursor, ...filter } = c.req.valid("query");
    const rows = await listAlerts(forTenant(database(c.env.DB), callerOf(c).tenantId), filter, { limit: limit + 1, before: cursor });
    const page = nextPageCursor(rows, limit, (row) => ({ at: row.createdAt, id: row.id }));
    return c.json({ items: page.items.map(alertResponse), next_cursor: page.next_cursor }, 200);
  });
