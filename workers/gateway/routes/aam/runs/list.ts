/** GET /api/v1/aam/runs: the caller's tenant's sync runs, newest first, a page at a time. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { listRuns } from "../../../../aam/pipeline/runs";
import { nextPageCursor } from "../../../../aam/pipeline/page-cursor";
import { ListRunsQuerySchema, RunSchema, runResponse } from "./schemas";

export const RunPageSchema = z
  .object({
    items: z.array(RunSchema).openapi({ description: "Newest first" }),
    next_cursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null on the last page" }),
  })
  .openapi("SyncRunPage");

const route = createRoute({
  method: "get",
  path: "/api/v1/aam/runs",
  tags: ["aam"],
  summary: "List sync runs",
  description: "Optionally of one connection. Follow `next_cursor` for older runs. Requires the `aam:read` scope.",
  middleware: [requireScope("aam:read")] as const,
  request: { query: ListRunsQuerySchema },
  responses: {
    200: { description: "One page of runs", content: { "application/json": { schema: RunPageSchema } } },
    ...problemResponses(400, 401, 403, 429),
  },
});

export const registerListRuns = (app: App) =>
  app.openapi(route, async (c) => {
    const query = c.req.valid("query");
    const scope = forTenant(database(c.env.DB), callerOf(c).tenantId);
    const rows = await listRuns(scope, { connectionId: query.connection_id, before: query.cursor, limit: query.limit + 1 });
    const page = nextPageCursor(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
    return c.json({ items: page.items.map((row) => runResponse(row)), next_cursor: page.next_cursor }, 200);
  });
