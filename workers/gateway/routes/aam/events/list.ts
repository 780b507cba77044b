/** GET /api/v1/aam/events: the caller's tenant's canonical stream in stream order, a page at a time. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { CanonicalEventSchema } from "../../../../canonical/event";
import { EntityNameSchema } from "../../../../canonical/names";
import { streamStoreFor } from "../../../../dcl/store/for-env";
import { PageLimitSchema } from "../../../../aam/pipeline/page-cursor";

export const ListEventsQuerySchema = z.object({
  entity: EntityNameSchema.optional(),
  connection_id: z.string().min(1).optional(),
  after: z.coerce
    .number()
    .int()
    .nonnegative()
    .optional()
    .openapi({ description: "Stream position (seq) to continue after: `next_cursor` of the previous page" }),
  limit: PageLimitSchema,
});

export const EventPageSchema = z
  .object({
    items: z.array(CanonicalEventSchema).openapi({ description: "In stream order (oldest first)" }),
    next_cursor: z.number().int().nullable().openapi({ description: "Pass as `after` for the next page; null on the last page" }),
  })
  .openapi("CanonicalEventPage");

const route = createRoute({
  method: "get",
  path: "/api/v1/aam/events",
  tags: ["aam"],
  summary: "List canonical events",
  description:
    "The append-only canonical stream, optionally of one entity or connection. Follow `next_cursor` (a stream " +
    "position) with `after`. Requires the `aam:read` scope.",
  middleware: [requireScope("aam:read")] as const,
  request: { query: ListEventsQuerySchema },
  responses: {
    200: { description: "One page of events", content: { "application/json": { schema: EventPageSchema } } },
    ...problemResponses(400, 401, 403, 429),
  },
});

export const registerListEvents = (app: App) =>
  app.openapi(route, async (c) => {
    const { limit, ...filter } = c.req.valid("query");
    const rows = await streamStoreFor(c.env).readEvents(callerOf(c).tenantId, filter, limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const next_cursor = rows.length > limit && last !== undefined ? last.seq : null;
    // Stored events were validated when appended; they are returned as stored.
    return c.json({ items: items.map((row) => row.event), next_cursor }, 200);
  });
