/** Drift events made the way the pipeline makes them: a Salesforce Account baseline, then a rename and a new field. */
import { env } from "cloudflare:test";
import { observeBatch } from "../../workers/aam/drift/observe-batch";
import type { TenantScope } from "../../workers/platform/db";
import type { DriftEventRow } from "../../workers/platform/db/schema";
import { bundled, range, records, sfAccount, without } from "../aam/drift/helpers";
import { newConnectionId } from "./normalize";

const mapping = bundled("mappings/salesforce/account.yaml");

/** `breaking`: AnnualRevenue renamed (the mapping reads it); `harmless`: a new field, Rating, later. */
export async function driftedConnection(scope: TenantScope): Promise<{ connectionId: string; breaking: DriftEventRow; harmless: DriftEventRow }> {
  const connectionId = newConnectionId();
  const origin = (run: number) => ({ connection_id: connectionId, run_id: `run_${run}`, trace_id: `trace-${run}`, system: "salesforce" as const, object: "Account" });
  const renamed = (n: number, patch: Record<string, unknown> = {}) => without(sfAccount(n, { Annual_Revenue__c: n, ...patch }), "AnnualRevenue");
  await observeBatch(env, scope, origin(1), records(range(3).map((n) => sfAccount(n))), mapping);
  const breaking = (await observeBatch(env, scope, origin(2), records([renamed(4)]), mapping)).event;
  const harmless = (await observeBatch(env, scope, origin(3), records([renamed(5, { Rating: "Hot" })]), mapping)).event;
  if (breaking === undefined || harmless === undefined) throw new Error("expected two drift events");
  return { connectionId, breaking, harmless };
}
