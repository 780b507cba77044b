/**
 * Tenant isolation: another tenant's view row id is simply not found, and a plan naming another tenant's
 * connection and record (forged, or replayed across tenants) writes nothing to the source.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { executeWriteBack, planWriteBack } from "../../../../workers/aoa/actions/write-back";
import { database, forTenant } from "../../../../workers/platform/db";
import { signUp } from "../../../helpers/auth";
import { OPPORTUNITY, type Tenant, env, salesforceSource, tenant } from "./helpers";
import { problemOf } from "../../../helpers/problems";

let owner: Tenant;
let source: Awaited<ReturnType<typeof salesforceSource>>;
let rowId: string;

beforeAll(async () => {
  owner = await tenant();
  source = await salesforceSource(owner.owner);
  await owner.sync(source.connectionId);
  rowId = String((await owner.opportunities(source.connectionId)).get(OPPORTUNITY)?.id);
});
afterAll(() => vi.restoreAllMocks());

describe("another tenant", () => {
  it("cannot plan a write to this tenant's view row: 404, and the record is untouched", async () => {
    const other = forTenant(database(env.DB), (await signUp()).tenantId);
    const problem = await problemOf(planWriteBack(env, other, { entity: "opportunity", id: rowId }, { deal_score: 1 }));
    expect([problem.kind, problem.detail]).toEqual(["not-found", `No opportunity ${rowId}`]);
    expect((await source.record())?.AOS_Deal_Score__c).toBeUndefined();
  });

  it("cannot execute this tenant's plan: its connection is not found in the other scope, nothing is written", async () => {
    const plan = await planWriteBack(env, owner.scope, { entity: "opportunity", id: rowId }, { deal_score: 99, probability: 1 });
    const other = forTenant(database(env.DB), (await signUp()).tenantId);
    const problem = await problemOf(executeWriteBack(env, other, plan, "forged-1"));
    expect([problem.kind, problem.detail]).toEqual(["not-found", `No connection ${source.connectionId}`]);
    expect(await source.record()).toMatchObject({ Probability: 40 });
    expect((await source.record())?.AOS_Deal_Score__c).toBeUndefined();
  });
});
