/** Who is calling: a signed-in user (JWT) or an agent's API key. The tenant always comes from the credential. */
import { z } from "@hono/zod-openapi";

/**
 * Permission scopes. Users with the admin role hold all of them; API keys hold what they were created with.
 * `actions:write` proposes actions, `actions:approve` lets held ones run: an agent's key holds the first only.
 */
export const ScopeSchema = z
  .enum([
    "audit:read",
    "aam:read",
    "aam:write",
    "dcl:read",
    "dcl:write",
    "agents:read",
    "agents:run",
    "actions:write",
    "actions:approve",
  ])
  .openapi("Scope");
export type Scope = z.infer<typeof ScopeSchema>;
export const ALL_SCOPES: readonly Scope[] = ScopeSchema.options;

export const PlanSchema = z.enum(["free", "pro", "enterprise"]).openapi("Plan");
export type Plan = z.infer<typeof PlanSchema>;

export const RoleSchema = z.enum(["admin", "member"]).openapi("Role");
export type Role = z.infer<typeof RoleSchema>;

export interface Principal {
  kind: "user" | "api_key";
  /** user id or API key id: the audit log's actor */
  actorId: string;
  tenantId: string;
  plan: Plan;
  role: Role | undefined;
  scopes: readonly Scope[];
}

/** What a signed-in user may do, by role: admins everything, members read the tenant's data. */
export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  admin: ALL_SCOPES,
  member: ["aam:read", "dcl:read", "agents:read"],
};
