/** GET /api/v1/auth/me: who the credential belongs to: the user or API key, its tenant and its scopes. */
import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { App } from "../../context";
import { ProblemError, problemResponses } from "../../problem";
import { callerOf } from "../../middleware/auth/require";
import { database, forTenant, schema, type TenantScope } from "../../../platform/db";
import { findApiKey } from "../../../auth/api-keys";
import { type Principal, ScopeSchema } from "../../../auth/principal";
import { TenantSchema, UserSchema } from "./schemas";
import { ApiKeySchema, apiKeyResponse } from "./api-keys/schemas";

export const MeSchema = z
  .object({
    kind: z.enum(["user", "api_key"]),
    user: UserSchema.optional().openapi({ description: "Present when the credential is an access token" }),
    api_key: ApiKeySchema.optional().openapi({ description: "Present when the credential is an API key" }),
    tenant: TenantSchema,
    scopes: z.array(ScopeSchema),
  })
  .openapi("Me");

const route = createRoute({
  method: "get",
  path: "/api/v1/auth/me",
  tags: ["auth"],
  summary: "The caller behind the credential",
  responses: {
    200: { description: "The caller", content: { "application/json": { schema: MeSchema } } },
    ...problemResponses(401, 429),
  },
});

/** A valid credential whose account has since gone is no credential. */
const gone = () => new ProblemError("invalid-token", "The account behind this credential no longer exists");

async function identityOf(scope: TenantScope, caller: Principal) {
  if (caller.kind === "api_key") {
    const key = await findApiKey(scope, caller.actorId);
    if (key === undefined) throw gone();
    return { api_key: apiKeyResponse(key) };
  }
  const [user] = await scope.select(schema.users, eq(schema.users.id, caller.actorId));
  if (user === undefined) throw gone();
  return { user: { id: user.id, username: user.username, email: user.email, role: user.role } };
}

export const registerMe = (app: App) =>
  app.openapi(route, async (c) => {
    const caller = callerOf(c);
    const scope = forTenant(database(c.env.DB), caller.tenantId);
    const [identity, tenant] = await Promise.all([identityOf(scope, caller), scope.tenant()]);
    if (tenant === undefined) throw gone();
    return c.json(
      { kind: caller.kind, ...identity, tenant: { id: tenant.id, name: tenant.name, plan: tenant.plan }, scopes: [...caller.scopes] },
      200,
    );
  });
