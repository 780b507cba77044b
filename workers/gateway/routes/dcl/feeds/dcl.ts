/** GET /dcl (WebSocket): the caller's tenant's canonical changes as they are materialized, filterable by entity. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { requireScope } from "../../../middleware/auth/require";
import { EntityListSchema } from "../../../../dcl/live/connect";
import { SinceQuery, UpgradeHeadersSchema, openFeed, upgradeResponses } from "./upgrade";

const route = createRoute({
  method: "get",
  path: "/dcl",
  tags: ["dcl"],
  summary: "Live canonical changes (WebSocket)",
  description:
    "One `change` message per materialized row upserted or tombstoned (`entity`, `id`, `op`, `last_seq`, `row`), each " +
    "with the tenant's /dcl `seq`. Filter with `entities` here or later with `{\"type\":\"subscribe\",\"entities\":[…]}` " +
    "(an empty list: every entity). Requires the `dcl:read` scope.",
  middleware: [requireScope("dcl:read")] as const,
  request: {
    headers: UpgradeHeadersSchema,
    query: z.object({
      since: SinceQuery,
      entities: EntityListSchema.optional().openapi({
        param: { name: "entities", in: "query" },
        description: "Comma-separated entities to receive (account, opportunity, contact); absent: every entity",
        example: "account,contact",
      }),
    }),
  },
  responses: upgradeResponses,
});

export const registerDclFeed = (app: App) =>
  app.openapi(route, (c) => {
    const { since, entities } = c.req.valid("query");
    return openFeed(c, { channel: "dcl", since, entities });
  });
