/**
 * What an action will do, worked out before anything is written: the source write-back (fields resolved through
 * the record's mapping) for record actions, the row to insert or merge for internal ones. Dry runs return it;
 * execution carries out exactly this plan, so approvers approve what they saw.
 */
import type { Env } from "../../env";
import type { TenantScope } from "../../platform/db";
import { planTags } from "./sub-account-tags";
import type { ActionPlan, ActionRequest } from "./types";
import { planWriteBack } from "./write-back";

export async function planAction(env: Env, scope: TenantScope, request: ActionRequest): Promise<ActionPlan> {
  switch (request.type) {
    case "opportunity.write_score":
      return { kind: "write_back", write_back: await planWriteBack(env, scope, request.target, request.params) };
    case "record.update":
      return { kind: "write_back", write_back: await planWriteBack(env, scope, request.target, request.params.fields) };
    case "alert.create":
      return { kind: "alert", alert: { ...request.params, target: request.target } };
    case "sub_account.tag":
      return planTags(scope, request.params);
  }
}
