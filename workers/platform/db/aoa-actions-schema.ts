/**
 * The Write API's D1 tables (agents plane): actions proposed by agents and people, the approval policy per action
 * type, and what the internal executors write (alerts, the sub-account tag registry).
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, tenantId, timestamp } from "./schema";

export const ACTION_TYPES = ["opportunity.write_score", "record.update", "alert.create", "sub_account.tag"] as const;
export const POLICY_MODES = ["auto", "approval"] as const;

/**
 * One proposed action. `idempotency_key` is unique per tenant: a second submission with it returns this row
 * (when `request_hash` matches) instead of acting twice.
 */
export const aoaActions = sqliteTable(
  "aoa_actions",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    type: text("type", { enum: ACTION_TYPES }).notNull(),
    target: text("target", { mode: "json" }).$type<{ entity: string; id: string } | null>(),
    params: text("params", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    reason: text("reason").notNull(),
    status: text("status", { enum: ["pending_approval", "executing", "succeeded", "failed", "rejected"] }).notNull(),
    /** the policy in effect when it was submitted */
    policy: text("policy", { enum: POLICY_MODES }).notNull(),
    actorType: text("actor_type", { enum: ["user", "api_key", "agent"] }).notNull(),
    actorId: text("actor_id").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    /** SHA-256 of the request's canonical JSON: tells a replay from a reused key */
    requestHash: text("request_hash").notNull(),
    plan: text("plan", { mode: "json" }).$type<unknown>().notNull(),
    result: text("result", { mode: "json" }).$type<unknown>(),
    /** the last failure as a problem object */
    error: text("error", { mode: "json" }).$type<unknown>(),
    decidedBy: text("decided_by"),
    decisionReason: text("decision_reason"),
    decidedAt: text("decided_at"),
    attempts: integer("attempts").notNull().default(0),
    findingId: text("finding_id"),
    traceId: text("trace_id").notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [
    uniqueIndex("aoa_actions_tenant_key_unique").on(t.tenantId, t.idempotencyKey),
    index("aoa_actions_tenant_created_idx").on(t.tenantId, t.createdAt),
  ],
);

/** A tenant's choice for an action type; types without a row use the built-in default. */
export const aoaActionPolicies = sqliteTable(
  "aoa_action_policies",
  {
    tenantId: tenantId(),
    actionType: text("action_type", { enum: ACTION_TYPES }).notNull(),
    mode: text("mode", { enum: POLICY_MODES }).notNull(),
    updatedBy: text("updated_by").notNull(),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.actionType] })],
);

/** Alerts created by `alert.create` actions: one per action. */
export const aoaAlerts = sqliteTable(
  "aoa_alerts",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    actionId: text("action_id").notNull(),
    severity: text("severity", { enum: ["low", "medium", "high"] }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    recipient: text("recipient"),
    targetEntity: text("target_entity"),
    targetId: text("target_id"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("aoa_alerts_action_unique").on(t.actionId), index("aoa_alerts_tenant_created_idx").on(t.tenantId, t.createdAt)],
);

/**
 * The tenant's tags per cloud sub-account, merged by `sub_account.tag` actions. `provider_name` is '' when the
 * action named no provider (a key column cannot be NULL and still be unique); the API shows that as null.
 */
export const aoaSubAccountTags = sqliteTable(
  "aoa_sub_account_tags",
  {
    tenantId: tenantId(),
    providerName: text("provider_name").notNull(),
    subAccountId: text("sub_account_id").notNull(),
    tags: text("tags", { mode: "json" }).$type<Record<string, string>>().notNull(),
    /** the action that last changed them */
    actionId: text("action_id").notNull(),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.providerName, t.subAccountId] })],
);

export type AoaActionRow = typeof aoaActions.$inferSelect;
export type AoaAlertRow = typeof aoaAlerts.$inferSelect;
export type AoaSubAccountTagsRow = typeof aoaSubAccountTags.$inferSelect;
export type AoaActionPolicyRow = typeof aoaActionPolicies.$inferSelect;
