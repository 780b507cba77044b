/** DELETE /api/v1/auth/api-keys/{id}: revokes a key at once. Another tenant's key is "not found", never "forbidden". */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { ProblemError, problemResponses } from "../../../problem";
import { callerOf, requireAdminUser } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { revokeApiKey } from "../../../../auth/api-keys";

const ParamsSchema = z.object({
  id: z.string().openapi({ param: { name: "id", in: "path" }, example: "key_9f8e7d6c5b4a39281706f5e4" }),
});

const route = createRoute({
  method: "delete",
  path: "/api/v1/auth/api-keys/{id}",
  tags: ["auth"],
  summary: "Revoke an API key (admin users only)",
  middleware: [requireAdminUser()] as const,
  request: { params: ParamsSchema },
  responses: {
    204: { description: "Revoked (revoking again changes nothing)" },
    ...problemResponses(401, 403, 404, 429),
  },
});

export const registerRevokeApiKey = (app: App) =>
  app.openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    const found = await revokeApiKey(forTenant(database(c.env.DB), callerOf(c).tenantId), id);
    if (!found) throw new ProblemError("not-found", `No API key ${id}`);
    return c.body(null, 204);
  });
