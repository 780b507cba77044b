/** GET /api/v1/aoa/actions: the caller's tenant's actions, newest first, a page at a time. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { nextPageCursor, PageLimitSchema, PagePositionCursorSchema } from "../../../../aam/pipeline/page-cursor";
import { actionResponse, listActions } from "../../../../aoa/actions/store";
import { ActionSchema, ActionStatusSchema, ActionTypeSchema } from "../../../../aoa/actions/types";

export const ListActionsQuerySchema = z.object({
  status: ActionStatusSchema.optional(),
  type: ActionTypeSchema.optional(),
  limit: PageLimitSchema,
  cursor: PagePositionCursorSchema.optional(),
});

export const ActionPageSchema = z
  .object({
    items: z.array(ActionSchema).openapi({ description: "Newest first" }),
    next_cursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null on the last page" }),
  })
  .openapi("ActionPage");

const route = createRoute({
  method: "get",
  path: "/api/v1/aoa/actions",
  tags: ["aoa"],
  summary: "List actions",
  description:
    "Actions proposed by agents and people, with their plan, status, result or failure (`status=pending_approval` " +
    "lists those awaiting a decision). Filters combine with AND. Requires the `agents:read` scope.",
  middleware: [requireScope("agents:read")] as const,
  request: { query: ListActionsQuerySchema },
  responses: {
    200: { description: "One page of actions", content: { "application/json": { schema: ActionPageSchema } } },
    ...problemResponses(400, 401, 403, 429),
  },
});

export const registerListActions = (app: App) =>
  app.openapi(route, async (c) => {
    const { limit, cursor, ...filter } = c.req.valid("query");
    const rows = await listActions(forTenant(database(c.env.DB), callerOf(c).tenantId), filter, { limit: limit + 1, before: cursor });
    const page = nextPageCursor(rows, limit, (row) => ({ at: row.createdAt, id: row.id }));
    return c.json({ items: page.items.map(actionResponse), next_cursor: page.next_cursor }, 200);
  });
