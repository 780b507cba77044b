/** POST /api/v1/auth/api-keys: mints a scoped API key for an agent; the key is shown in this response only. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireAdminUser } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { createApiKey } from "../../../../auth/api-keys";
import { ScopeSchema } from "../../../../auth/principal";

const CreateApiKeyRequestSchema = z
  .object({
    name: z
      .string({ error: "Name is required" })
      .trim()
      .min(1, { error: "Name is required" })
      .max(100, { error: "Name must be at most 100 characters" })
      .openapi({ example: "revops-agent" }),
    scopes: z
      .array(ScopeSchema, { error: "Scopes must be a list" })
      .min(1, { error: "Give the key at least one scope" })
      .openapi({ example: ["dcl:read", "agents:run"] }),
  })
  .openapi("CreateApiKeyRequest");

export const CreatedApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(ScopeSchema),
    key: z.string().openapi({ description: "The secret key; store it now, it is never shown again" }),
    created_at: z.string(),
  })
  .openapi("CreatedApiKey");

const route = createRoute({
  method: "post",
  path: "/api/v1/auth/api-keys",
  tags: ["auth"],
  summary: "Create an API key (admin users only)",
  middleware: [requireAdminUser()] as const,
  request: { body: { required: true, content: { "application/json": { schema: CreateApiKeyRequestSchema } } } },
  responses: {
    201: { description: "The new key, with its secret", content: { "application/json": { schema: CreatedApiKeySchema } } },
    ...problemResponses(400, 401, 403, 413, 415, 429),
  },
});

export const registerCreateApiKey = (app: App) =>
  app.openapi(route, async (c) => {
    const caller = callerOf(c);
    const { name, scopes } = c.req.valid("json");
    const created = await createApiKey(forTenant(database(c.env.DB), caller.tenantId), { name, scopes, createdBy: caller.actorId });
    return c.json(
      { id: created.id, name: created.name, scopes: created.scopes, key: created.key, created_at: created.createdAt },
      201,
    );
  });
