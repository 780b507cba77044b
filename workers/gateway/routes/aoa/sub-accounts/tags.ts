/** GET /api/v1/aoa/sub-accounts/tags: the tenant's sub-account tag registry, written by `sub_account.tag` actions. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { listSubAccountTags, SubAccountTagsSchema, subAccountTagsResponse } from "../../../../aoa/actions/sub-account-tags";

export const ListSubAccountTagsQuerySchema = z.object({ sub_account_id: z.string().min(1).optional() });

export const SubAccountTagListSchema = z
  .object({ items: z.array(SubAccountTagsSchema).openapi({ description: "By provider, then sub-account" }) })
  .openapi("SubAccountTagList");

const route = createRoute({
  method: "get",
  path: "/api/v1/aoa/sub-accounts/tags",
  tags: ["aoa"],
  summary: "List sub-account tags",
  description:
    "The tags recorded per cloud sub-account (one entry per provider and sub-account), merged key by key from " +
    "every executed `sub_account.tag` action. Requires the `agents:read` scope.",
  middleware: [requireScope("agents:read")] as const,
  request: { query: ListSubAccountTagsQuerySchema },
  responses: {
    200: { description: "The registry", content: { "application/json": { schema: SubAccountTagListSchema } } },
    ...problemResponses(400, 401, 403, 429),
  },
});

export const registerListSubAccountTags = (app: App) =>
  app.openapi(route, async (c) => {
    const rows = await listSubAccountTags(forTenant(database(c.env.DB), callerOf(c).tenantId), c.req.valid("query"));
    return c.json({ items: rows.map(subAccountTagsResponse) }, 200);
  });
