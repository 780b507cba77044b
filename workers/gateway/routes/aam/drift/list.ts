/** GET /api/v1/aam/drift: the caller's tenant's drift events, newest first, a page at a time. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { DriftFilterSchema, listDriftEvents } from "../../../../aam/drift/events";
import { nextPageCursor, PageLimitSchema, PagePositionCursorSchema } from "../../../../aam/pipeline/page-cursor";
import { DriftEventSchema, driftEventResponse } from "./schemas";

export const ListDriftQuerySchema = DriftFilterSchema.extend({
  limit: PageLimitSchema,
  cursor: PagePositionCursorSchema.optional(),
});

export const DriftPageSchema = z
  .object({
    items: z.array(DriftEventSchema).openapi({ description: "Newest first" }),
    next_cursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null on the last page" }),
  })
  .openapi("DriftPage");

const route = createRoute({
  method: "get",
  path: "/api/v1/aam/drift",
  tags: ["aam"],
  summary: "List drift events",
  description:
    "Changes the schema observer found in the sources' records and discovered schemas (fields added, removed, " +
    "renamed, retyped), with the canonical field each concerns, whether it breaks the mapping, and what became of " +
    "it. Filters combine with AND. Requires the `aam:read` scope.",
  middleware: [requireScope("aam:read")] as const,
  request: { query: ListDriftQuerySchema },
  responses: {
    200: { description: "One page of drift events", content: { "application/json": { schema: DriftPageSchema } } },
    ...problemResponses(400, 401, 403, 429),
  },
});

export const registerListDrift = (app: App) =>
  app.openapi(route, async (c) => {
    const { limit, cursor, ...filter } = c.req.valid("query");
    const rows = await listDriftEvents(forTenant(database(c.env.DB), callerOf(c).tenantId), filter, { limit: limit + 1, before: cursor });
    const page = nextPageCursor(rows, limit, (row) => ({ at: row.detectedAt, id: row.id }));
    return c.json({ items: page.items.map(driftEventResponse), next_cursor: page.next_cursor }, 200);
  });
