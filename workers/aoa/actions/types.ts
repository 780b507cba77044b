/**
 * The Write API's shapes: what an agent or a person asks for (ActionRequest, one variant per action type), what
 * the platform plans to do about it (ActionPlan), what doing it produced (ActionResult), and the stored action as
 * the API returns it (Action). Every type here is inferred from these schemas.
 */
import { z } from "@hono/zod-openapi";
import { EntityNameSchema } from "../../canonical/names";
import { ProblemSchema } from "../../gateway/problem";
import { ACTION_TYPES, aoaActions, POLICY_MODES } from "../../platform/db/aoa-actions-schema";
import { AlertSeveritySchema } from "./alerts";
import { WriteBackPlanSchema, WriteBackResultSchema } from "./write-back";

export const ActionTypeSchema = z.enum(ACTION_TYPES).openapi("ActionType");
export type ActionType = z.infer<typeof ActionTypeSchema>;
export const ActionStatusSchema = z.enum(aoaActions.status.enumValues).openapi("ActionStatus");
export type ActionStatus = z.infer<typeof ActionStatusSchema>;
export const PolicyModeSchema = z
  .enum(POLICY_MODES)
  .openapi("ActionPolicyMode", { description: "`auto`: executed when submitted; `approval`: held until a person approves it" });
export type PolicyMode = z.infer<typeof PolicyModeSchema>;
export const ActorSchema = z
  .object({ type: z.enum(aoaActions.actorType.enumValues), id: z.string().min(1) })
  .openapi("ActionActor", { description: "Who proposed it: a user, an API key, or an agent (a pilot run by the scheduler)" });
export type Actor = z.infer<typeof ActorSchema>;

const Common = {
  reason: z.string().trim().min(1).max(2000).openapi({ description: "Why: shown to approvers and kept with the action" }),
  idempotency_key: z
    .string()
    .min(1)
    .max(200)
    .openapi({ description: "Unique per tenant: submitting the same key again returns the first action instead of acting twice" }),
};

const RecordTargetSchema = z.object({ entity: EntityNameSchema.extract(["opportunity", "account", "contact"]), id: z.string().min(1) });
/** Anything an alert can be about, a view row or e.g. `{entity: "cost", id: "<service>|<sub_account>"}`. */
const SubjectSchema = z.object({ entity: z.string().min(1), id: z.string().min(1) });

export const WriteScoreRequestSchema = z
  .object({
    type: z.literal("opportunity.write_score"),
    target: z.object({ entity: z.literal("opportunity"), id: z.string().min(1).openapi({ description: "The opportunity view row id" }) }),
    params: z.strictObject({
      deal_score: z.number().min(0).max(100),
      win_probability: z.number().min(0).max(1),
      forecast_amount: z.number().nonnegative().nullable(),
    }),
    ...Common,
  })
  .openapi("WriteScoreActionRequest", { description: "Writes a deal's score, win probability and forecast back to its source opportunity" });

export const RecordUpdateRequestSchema = z
  .object({
    type: z.literal("record.update"),
    target: RecordTargetSchema,
    params: z.strictObject({
      fields: z
        .record(z.string().min(1), z.unknown())
        .refine((fields) => Object.keys(fields).length > 0, "Name at least one canonical field")
        .openapi({ description: "Canonical field → new value, written back through the source's mapping" }),
    }),
    ...Common,
  })
  .openapi("RecordUpdateActionRequest", { description: "Changes canonical fields of a record in its source system" });

export const AlertCreateRequestSchema = z
  .object({
    type: z.literal("alert.create"),
    target: SubjectSchema.nullable(),
    params: z.strictObject({
      severity: AlertSeveritySchema,
      title: z.string().trim().min(1).max(200),
      body: z.string().max(10_000),
      recipient: z.string().min(1).max(320).nullable().openapi({ description: "Who should act on it (an owner's email or name); null for the tenant" }),
    }),
    ...Common,
  })
  .openapi("AlertCreateActionRequest", { description: "Raises an alert in AutonomOS" });

export const SubAccountTagRequestSchema = z
  .object({
    type: z.literal("sub_account.tag"),
    target: z.null(),
    params: z.strictObject({
      provider_name: z.string().min(1).nullable(),
      sub_account_id: z.string().min(1),
      tags: z
        .record(z.string().min(1).max(128), z.string().max(256))
        .refine((tags) => Object.keys(tags).length > 0, "Give at least one tag"),
    }),
    ...Common,
  })
  .openapi("SubAccountTagActionRequest", { description: "Merges tags into the tenant's registry for a cloud sub-account" });

export const ActionRequestSchema = z
  .discriminatedUnion("type", [WriteScoreRequestSchema, RecordUpdateRequestSchema, AlertCreateRequestSchema, SubAccountTagRequestSchema])
  .openapi("ActionRequest");
export type ActionRequest = z.infer<typeof ActionRequestSchema>;

/** What executing will do, computed before anything is written: the dry run's answer and what approvers see. */
export const ActionPlanSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("write_back"), write_back: WriteBackPlanSchema }),
    z.object({
      kind: z.literal("alert"),
      alert: AlertCreateRequestSchema.shape.params.extend({ target: SubjectSchema.nullable() }),
    }),
    z.object({
      kind: z.literal("sub_account_tags"),
      provider_name: z.string().nullable(),
      sub_account_id: z.string(),
      tags: z.record(z.string(), z.string()).openapi({ description: "The tags to merge in" }),
      current: z.record(z.string(), z.string()).openapi({ description: "The registry's tags when planned" }),
      merged: z.record(z.string(), z.string()).openapi({ description: "The tags after the merge" }),
    }),
  ])
  .openapi("ActionPlan");
export type ActionPlan = z.infer<typeof ActionPlanSchema>;

export const ActionResultSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("write_back"), write_back: WriteBackResultSchema }),
    z.object({ kind: z.literal("alert"), alert_id: z.string() }),
    z.object({ kind: z.literal("sub_account_tags"), tags: z.record(z.string(), z.string()) }),
  ])
  .openapi("ActionResult");
export type ActionResult = z.infer<typeof ActionResultSchema>;

export const ActionSchema = z
  .object({
    id: z.string().openapi({ example: "act_5d41402abc4b2a76b9719d91" }),
    type: ActionTypeSchema,
    target: SubjectSchema.nullable(),
    params: z.record(z.string(), z.unknown()),
    reason: z.string(),
    status: ActionStatusSchema,
    policy: PolicyModeSchema.openapi({ description: "The policy in effect when it was submitted" }),
    actor: ActorSchema,
    idempotency_key: z.string(),
    plan: ActionPlanSchema,
    result: ActionResultSchema.nullable(),
    error: ProblemSchema.nullable().openapi({ description: "Why the last attempt failed" }),
    decided_by: z.string().nullable().openapi({ description: "The user or API key that approved or rejected it; null for auto actions" }),
    decision_reason: z.string().nullable(),
    decided_at: z.string().nullable(),
    attempts: z.number().int().nonnegative().openapi({ description: "Executions started, retries included" }),
    finding_id: z.string().nullable().openapi({ description: "The agent finding that proposed it" }),
    trace_id: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Action");
export type Action = z.infer<typeof ActionSchema>;
