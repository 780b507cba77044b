/** GET /api/v1/aam/quarantine: the caller's tenant's quarantined records, newest first, a page at a time. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { listQuarantine, QuarantineStatusSchema } from "../../../../aam/pipeline/quarantine";
import { nextPageCursor, PageLimitSchema, PagePositionCursorSchema } from "../../../../aam/pipeline/page-cursor";
import { QuarantinedRecordSchema, quarantineResponse } from "./schemas";

export const ListQuarantineQuerySchema = z.object({
  status: QuarantineStatusSchema.optional(),
  connection_id: z.string().min(1).optional(),
  object: z.string().min(1).optional(),
  limit: PageLimitSchema,
  cursor: PagePositionCursorSchema.optional(),
});

export const QuarantinePageSchema = z
  .object({
    items: z.array(QuarantinedRecordSchema).openapi({ description: "Newest first" }),
    next_cursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null on the last page" }),
  })
  .openapi("QuarantinePage");

const route = createRoute({
  method: "get",
  path: "/api/v1/aam/quarantine",
  tags: ["aam"],
  summary: "List quarantined records",
  description:
    "Records that failed mapping or validation (and rows a connector could not parse), with the reason, per-field " +
    "errors, the raw record and the mapping version. Filters combine with AND. Requires the `aam:read` scope.",
  middleware: [requireScope("aam:read")] as const,
  request: { query: ListQuarantineQuerySchema },
  responses: {
    200: { description: "One page of quarantined records", content: { "application/json": { schema: QuarantinePageSchema } } },
    ...problemResponses(400, 401, 403, 429),
  },
});

export const registerListQuarantine = (app: App) =>
  app.openapi(route, async (c) => {
    const { limit, cursor, ...filter } = c.req.valid("query");
    const rows = await listQuarantine(forTenant(database(c.env.DB), callerOf(c).tenantId), filter, { limit: limit + 1, before: cursor });
    const page = nextPageCursor(rows, limit, (row) => ({ at: row.createdAt, id: row.id }));
    return c.json({ items: page.items.map(quarantineResponse), next_cursor: page.next_cursor }, 200);
  });
