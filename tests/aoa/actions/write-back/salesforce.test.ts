/**
 * A round trip to Salesforce (the fake): an opportunity synced into the view, a score and canonical fields planned
 * through the reverse mapping and written by the connector's own write, the record read back from the org in
 * Salesforce's form, and the next sync showing the change in the view (the score in extras, being unmapped).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { executeWriteBack, planWriteBack } from "../../../../workers/aoa/actions/write-back";
import { OPPORTUNITY, type Tenant, env, salesforceSource, tenant } from "./helpers";

let t: Tenant;
let source: Awaited<ReturnType<typeof salesforceSource>>;
let rowId: string;

beforeAll(async () => {
  t = await tenant();
  source = await salesforceSource(t.owner);
  await t.sync(source.connectionId);
  rowId = String((await t.opportunities(source.connectionId)).get(OPPORTUNITY)?.id);
});
afterAll(() => vi.restoreAllMocks());

describe("write-back to a Salesforce opportunity", () => {
  it("plans the score and canonical fields as Salesforce fields, with the mapping in effect", async () => {
    const plan = await planWriteBack(env, t.scope, { entity: "opportunity", id: rowId }, { deal_score: 87, close_date: "2026-07-15", probability: 60 });
    expect(plan.skipped).toEqual([]);
    expect(plan.writes).toEqual([
      {
        system: "salesforce",
        connection_id: source.connectionId,
        object: "Opportunity",
        record_id: OPPORTUNITY,
        mapping: { id: "salesforce/Opportunity", version: 2, mapping_version: expect.stringMatching(/^salesforce\/Opportunity@2#[0-9a-f]{12}$/) },
        data: { AOS_Deal_Score__c: 87, CloseDate: "2026-07-15", Probability: 60 },
        fields: [
          { field: "deal_score", source_field: "AOS_Deal_Score__c", value: 87, source_value: 87 },
          { field: "close_date", source_field: "CloseDate", value: "2026-07-15", source_value: "2026-07-15" },
          { field: "probability", source_field: "Probability", value: 60, source_value: 60 },
        ],
      },
    ]);
  });

  it("writes them through the connector, so the org holds them and the next sync shows them", async () => {
    const fields = { deal_score: 87, win_probability: 0.62, forecast_amount: 26_040, close_date: "2026-07-15", probability: 60 };
    const plan = await planWriteBack(env, t.scope, { entity: "opportunity", id: rowId }, fields);
    const result = await executeWriteBack(env, t.scope, plan, "score-run-1");
    expect(result.results).toEqual([{ system: "salesforce", connection_id: source.connectionId, object: "Opportunity", record_id: OPPORTUNITY, status: "updated" }]);

    expect(await source.record()).toMatchObject({
      AOS_Deal_Score__c: 87,
      AOS_Win_Probability__c: 0.62,
      AOS_Forecast_Amount__c: 26_040,
      CloseDate: "2026-07-15",
      Probability: 60,
      Name: "Expansion",
    });

    await t.sync(source.connectionId);
    const row = (await t.opportunities(source.connectionId)).get(OPPORTUNITY);
    expect(row).toMatchObject({ id: rowId, close_date: "2026-07-15", probability: 60, amount: 42_000, name: "Expansion" });
    expect(row?.extras).toMatchObject({ AOS_Deal_Score__c: 87, AOS_Win_Probability__c: 0.62, AOS_Forecast_Amount__c: 26_040 });
  });

  it("writes null to a field that has no default (the forecast cleared)", async () => {
    const plan = await planWriteBack(env, t.scope, { entity: "opportunity", id: rowId }, { forecast_amount: null });
    await executeWriteBack(env, t.scope, plan, "score-run-2");
    expect((await source.record())?.AOS_Forecast_Amount__c).toBeNull();
  });
});
