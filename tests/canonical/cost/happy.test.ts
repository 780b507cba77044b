import { describe, expect, it } from "vitest";
import { CostEventSchema } from "../../../workers/canonical/event";
import { entityFields, entitySchemas } from "../../../workers/canonical/entities";
import { cost, event } from "../examples";

describe("canonical cost (FOCUS)", () => {
  it("accepts a valid cost line, unchanged", () => {
    expect(entitySchemas.cost.parse(cost)).toEqual(cost);
  });

  it("has the FOCUS columns as its fields, in order", () => {
    expect(entityFields("cost")).toEqual([
      "source_id", "billed_cost", "effective_cost", "list_cost", "billing_currency", "charge_period_start", "charge_period_end",
      "billing_period_start", "billing_period_end", "charge_category", "charge_description", "provider_name", "publisher_name",
      "service_name", "service_category", "billing_account_id", "sub_account_id", "sub_account_name", "resource_id", "resource_name",
      "region_id", "sku_id", "consumed_quantity", "consumed_unit", "tags", "extras",
    ]);
  });

  it.each([
    ["a credit: negative costs", { ...cost, charge_category: "Credit" as const, billed_cost: -50, effective_cost: -50, list_cost: 0 }],
    ["free usage: zero costs and quantity", { ...cost, billed_cost: 0, effective_cost: 0, consumed_quantity: 0 }],
    ["a tax line: only what FOCUS requires", { ...cost, charge_category: "Tax" as const, effective_cost: null, list_cost: null, billing_period_start: null, billing_period_end: null, service_name: null, service_category: null, sub_account_id: null, resource_id: null, resource_name: null, region_id: null, sku_id: null, consumed_quantity: null, consumed_unit: null, tags: null }],
    ["a one-time charge: the period is an instant", { ...cost, charge_period_end: cost.charge_period_start }],
    ["no tags at all, and a tag without a value", { ...cost, tags: {} }],
    ["a tag whose value is empty", { ...cost, tags: { owner: "" } }],
    ["every FOCUS category", { ...cost, charge_category: "Adjustment" as const }],
    ["no category", { ...cost, charge_category: null }],
  ])("%s", (_label, data) => {
    expect(entitySchemas.cost.parse(data)).toEqual(data);
  });

  it("travels in a canonical event like the other entities", () => {
    const costEvent = { ...event, entity: "cost" as const, source: { ...event.source, system: "filesource" as const, object: "focus-costs" }, data: cost };
    expect(CostEventSchema.parse(costEvent)).toEqual(costEvent);
  });
});
