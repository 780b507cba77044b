/**
 * The approval policy per action type and tenant: `auto` runs an action when it is submitted, `approval` holds it
 * for a person. Writing into a source record is held by default, except the scores agents own; alerts are
 * internal and run at once.
 */
import { eq, sql } from "drizzle-orm";
import { z } from "@hono/zod-openapi";
import type { TenantScope } from "../../platform/db";
import { aoaActionPolicies } from "../../platform/db/aoa-actions-schema";
import { type ActionType, ActionTypeSchema, type PolicyMode, PolicyModeSchema } from "./types";

export const DEFAULT_POLICIES: Record<ActionType, PolicyMode> = {
  "opportunity.write_score": "auto",
  "alert.create": "auto",
  "record.update": "approval",
  "sub_account.tag": "approval",
};

export const ActionPolicySchema = z
  .object({
    action_type: ActionTypeSchema,
    mode: PolicyModeSchema,
    is_default: z.boolean().openapi({ description: "True while the tenant has not chosen a mode for this type" }),
    updated_by: z.string().nullable(),
    updated_at: z.string().nullable(),
  })
  .openapi("ActionPolicy");
export type ActionPolicy = z.infer<typeof ActionPolicySchema>;

/** Every action type's policy for the tenant, defaults filled in, in the order of ActionTypeSchema. */
export async function listPolicies(scope: TenantScope): Promise<ActionPolicy[]> {
  const rows = new Map((await scope.select(aoaActionPolicies)).map((row) => [row.actionType, row]));
  return ActionTypeSchema.options.map((type) => {
    const row = rows.get(type);
    if (row === undefined) return { action_type: type, mode: DEFAULT_POLICIES[type], is_default: true, updated_by: null, updated_at: null };
    return { action_type: type, mode: row.mode, is_default: false, updated_by: row.updatedBy, updated_at: row.updatedAt };
  });
}

export async function policyFor(scope: TenantScope, type: ActionType): Promise<PolicyMode> {
  const [row] = await scope.select(aoaActionPolicies, eq(aoaActionPolicies.actionType, type));
  return row === undefined ? DEFAULT_POLICIES[type] : row.mode;
}

/** Sets the modes given (types left out keep theirs); returns every type's policy. */
export async function setPolicies(scope: TenantScope, modes: Partial<Record<ActionType, PolicyMode>>, updatedBy: string): Promise<ActionPolicy[]> {
  const now = new Date().toISOString();
  const statements = Object.entries(modes).map(([type, mode]) =>
    scope.db
      .insert(aoaActionPolicies)
      .values({ tenantId: scope.tenantId, actionType: ActionTypeSchema.parse(type), mode: PolicyModeSchema.parse(mode), updatedBy, updatedAt: now })
      .onConflictDoUpdate({
        target: [aoaActionPolicies.tenantId, aoaActionPolicies.actionType],
        set: { mode: sql`excluded.mode`, updatedBy, updatedAt: now },
      }),
  );
  const [first, ...rest] = statements;
  if (first !== undefined) await scope.db.batch([first, ...rest]);
  return listPolicies(scope);
}
