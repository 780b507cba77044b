/** GET /api/v1/aam/repairs: the caller's tenant's mapping repairs, newest first, a page at a time. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { nextPageCursor, PageLimitSchema, PagePositionCursorSchema } from "../../../../aam/pipeline/page-cursor";
import { listRepairs, RepairKindSchema, RepairStatusSchema } from "../../../../aam/repair/store";
import { RepairSchema, repairResponse } from "./schemas";

export const ListRepairsQuerySchema = z.object({
  status: RepairStatusSchema.optional(),
  kind: RepairKindSchema.optional(),
  connection_id: z.string().min(1).optional(),
  limit: PageLimitSchema,
  cursor: PagePositionCursorSchema.optional(),
});

export const RepairPageSchema = z
  .object({
    items: z.array(RepairSchema).openapi({ description: "Newest first" }),
    next_cursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null on the last page" }),
  })
  .openapi("MappingRepairPage");

const route = createRoute({
  method: "get",
  path: "/api/v1/aam/repairs",
  tags: ["aam"],
  summary: "List mapping repairs",
  description:
    "Repairs proposed after drift and mappings drafted for new objects, with their field changes, confidence and " +
    "status (pending ones await approval in the AAM Monitor). Filters combine with AND. Requires the `aam:read` scope.",
  middleware: [requireScope("aam:read")] as const,
  request: { query: ListRepairsQuerySchema },
  responses: {
    200: { description: "One page of repairs", content: { "application/json": { schema: RepairPageSchema } } },
    ...problemResponses(400, 401, 403, 429),
  },
});

export const registerListRepairs = (app: App) =>
  app.openapi(route, async (c) => {
    const { limit, cursor, ...filter } = c.req.valid("query");
    const rows = await listRepairs(forTenant(database(c.env.DB), callerOf(c).tenantId), filter, { limit: limit + 1, before: cursor });
    const page = nextPageCursor(rows, limit, (row) => ({ at: row.createdAt, id: row.id }));
    return c.json({ items: page.items.map(repairResponse), next_cursor: page.next_cursor }, 200);
  });
