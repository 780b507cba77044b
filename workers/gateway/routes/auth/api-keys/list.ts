/** GET /api/v1/auth/api-keys: the caller's tenant's keys, revoked ones included, newest first. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireAdminUser } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { listApiKeys } from "../../../../auth/api-keys";
import { ApiKeySchema, apiKeyResponse } from "./schemas";

export const ApiKeyListSchema = z.object({ items: z.array(ApiKeySchema) }).openapi("ApiKeyList");

const route = createRoute({
  method: "get",
  path: "/api/v1/auth/api-keys",
  tags: ["auth"],
  summary: "List API keys (admin users only)",
  middleware: [requireAdminUser()] as const,
  responses: {
    200: { description: "The tenant's API keys", content: { "application/json": { schema: ApiKeyListSchema } } },
    ...problemResponses(401, 403, 429),
  },
});

export const registerListApiKeys = (app: App) =>
  app.openapi(route, async (c) => {
    const keys = await listApiKeys(forTenant(database(c.env.DB), callerOf(c).tenantId));
    return c.json({ items: keys.map(apiKeyResponse) }, 200);
  });
