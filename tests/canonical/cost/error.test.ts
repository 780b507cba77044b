import { describe, expect, it } from "vitest";
import { entitySchemas } from "../../../workers/canonical/entities";
import { cost } from "../examples";

/** The schema's issues as `path: message`, so each row pins the field and what it says. */
function issues(data: unknown): string[] {
  const result = entitySchemas.cost.safeParse(data);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

type Row = [label: string, data: unknown, issue: RegExp];

const rows: Row[] = [
  ["billed cost missing (null)", { ...cost, billed_cost: null }, /^billed_cost: Invalid input: expected number/],
  ["billed cost as text", { ...cost, billed_cost: "2.304" }, /^billed_cost: Invalid input: expected number/],
  ["billed cost not finite", { ...cost, billed_cost: Number.POSITIVE_INFINITY }, /^billed_cost: /],
  ["effective cost as text", { ...cost, effective_cost: "1,6" }, /^effective_cost: /],
  ["list cost NaN", { ...cost, list_cost: Number.NaN }, /^list_cost: /],
  ["no billing currency", { ...cost, billing_currency: null }, /^billing_currency: /],
  ["currency in lower case", { ...cost, billing_currency: "usd" }, /^billing_currency: must be an ISO 4217 code/],
  ["currency symbol", { ...cost, billing_currency: "$" }, /^billing_currency: must be an ISO 4217 code/],
  ["no charge period start", { ...cost, charge_period_start: null }, /^charge_period_start: /],
  ["charge period with an offset (not UTC)", { ...cost, charge_period_end: "2024-09-15T00:00:00+02:00" }, /^charge_period_end: Invalid ISO datetime/],
  ["charge period as a date", { ...cost, charge_period_start: "2024-09-14" }, /^charge_period_start: Invalid ISO datetime/],
  ["charge period ending before it starts", { ...cost, charge_period_end: "2024-09-13T00:00:00.000Z" }, /^charge_period_end: charge_period_end must not be before charge_period_start$/],
  ["billing period ending before it starts", { ...cost, billing_period_end: "2024-08-01T00:00:00.000Z" }, /^billing_period_end: billing_period_end must not be before billing_period_start$/],
  ["a category FOCUS does not know", { ...cost, charge_category: "Fee" }, /^charge_category: /],
  ["a category in another case", { ...cost, charge_category: "usage" }, /^charge_category: /],
  ["consumed quantity as text", { ...cost, consumed_quantity: "24" }, /^consumed_quantity: /],
  ["tags as JSON text", { ...cost, tags: '{"env":"prod"}' }, /^tags: /],
  ["a tag value that is a number", { ...cost, tags: { replicas: 3 } }, /^tags\.replicas: /],
  ["tags as an array", { ...cost, tags: ["env:prod"] }, /^tags: /],
  ["a CRM account id (costs have none)", { ...cost, account_id: "001" }, /^: Unrecognized key: "account_id"/],
  ["missing key (null must be explicit)", (({ resource_id: _r, ...rest }) => rest)(cost), /^resource_id: /],
  ["empty source id", { ...cost, source_id: "" }, /^source_id: /],
];

describe("invalid canonical costs", () => {
  it.each(rows)("%s", (_label, data, issue) => {
    expect(issues(data)).toContainEqual(expect.stringMatching(issue));
  });
});
