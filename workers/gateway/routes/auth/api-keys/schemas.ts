/** The wire shape of an API key (never its secret or hash), shared by the key routes and /auth/me. */
import { z } from "@hono/zod-openapi";
import { ScopeSchema } from "../../../../auth/principal";
import { apiKeyPrefix, type listApiKeys } from "../../../../auth/api-keys";

export const ApiKeySchema = z
  .object({
    id: z.string().openapi({ example: "key_9f8e7d6c5b4a39281706f5e4" }),
    name: z.string(),
    prefix: z.string().openapi({ description: "The key's non-secret beginning", example: "aos_key_9f8e7d6c5b4a39281706f5e4" }),
    scopes: z.array(ScopeSchema),
    created_at: z.string(),
    last_used_at: z.string().nullable(),
    revoked_at: z.string().nullable(),
  })
  .openapi("ApiKey");

type VisibleApiKey = Awaited<ReturnType<typeof listApiKeys>>[number];

export function apiKeyResponse(key: VisibleApiKey): z.infer<typeof ApiKeySchema> {
  return {
    id: key.id,
    name: key.name,
    prefix: apiKeyPrefix(key.id),
    scopes: key.scopes,
    created_at: key.createdAt,
    last_used_at: key.lastUsedAt,
    revoked_at: key.revokedAt,
  };
}
