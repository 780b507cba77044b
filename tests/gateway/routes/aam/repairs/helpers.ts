/** Repairs of a signed-up tenant, proposed straight through the repair module (the routes under test decide them). */
import { env } from "cloudflare:test";
import { proposeRepair } from "../../../../../workers/aam/repair/apply";
import type { RepairChange } from "../../../../../workers/aam/repair/changes";
import type { TenantScope } from "../../../../../workers/platform/db";

export const REPAIRS = "/api/v1/aam/repairs";

const rename = (auto: boolean): RepairChange => ({
  target: "annual_revenue",
  action: "map",
  from: "Annual_Revenue__c",
  previous_from: "AnnualRevenue",
  confidence: auto ? 0.97 : 0.62,
  auto,
  reason: '"AnnualRevenue" renamed to "Annual_Revenue__c"',
});

/** A Salesforce Account repair: pending (uncertain) or applied at once (automatic). */
export async function accountRepair(scope: TenantScope, auto: boolean, connectionId = "con_repairs") {
  const { repairs } = await proposeRepair(env, scope, {
    kind: "drift",
    system: "salesforce",
    object: "Account",
    entity: "account",
    connectionId,
    baseVersion: null,
    changes: [rename(auto)],
  });
  return repairs[0]!;
}
