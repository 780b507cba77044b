/** The bundled FOCUS mapping on a FOCUS 1.0 export (AWS, Azure and Google Cloud rows), parsed by the file connector's own CSV reader. */
import { describe, expect, it } from "vitest";
import { csvRows } from "../../../workers/aam/connectors/filesource/csv-rows";
import { recordIdOf } from "../../../workers/aam/connectors/filesource/record-id";
import { systemMappings } from "../../../workers/aam/mapping/registry";
import { pickMapping } from "../../../workers/aam/pipeline/pick-mapping";
import type { Cost } from "../../../workers/canonical/cost";
import focusSample from "../../fixtures/focus/focus-sample.csv?raw";

async function sampleRows(): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const row of csvRows(new Blob([focusSample]).stream(), { offset: 0, line: 0 })) if (row.kind === "record") rows.push(row.data);
  return rows;
}

async function mapSample(): Promise<{ row: Record<string, unknown>; cost: Cost }[]> {
  const mapping = (await systemMappings()).get("filesource", "focus-costs")!;
  const rows = await sampleRows();
  // the id the connector gives a row without an id column: a hash of its content
  const ids = await Promise.all(rows.map(async (row) => ((await recordIdOf(row, undefined)) as { id: string }).id));
  return rows.map((row, i) => {
    const result = mapping.map(row, ids[i]);
    if (!result.ok) throw new Error(`row ${JSON.stringify(row)} did not map: ${JSON.stringify(result.errors)}`);
    return { row, cost: result.data as Cost };
  });
}

const byDescription = (mapped: { cost: Cost }[], description: string): Cost => mapped.find((m) => m.cost.charge_description === description)!.cost;

describe("the FOCUS cost mapping", () => {
  it("maps every row of the sample to a cost", async () => {
    const mapped = await mapSample();
    expect(mapped).toHaveLength(20);
    expect(new Set(mapped.map((m) => m.cost.provider_name))).toEqual(new Set(["AWS", "Microsoft", "Google Cloud"]));
    expect(new Set(mapped.map((m) => m.cost.charge_category))).toEqual(new Set(["Usage", "Purchase", "Tax", "Credit", "Adjustment"]));
  });

  it("types an AWS usage row: costs as numbers, periods as UTC instants, tags as an object, the rest in extras", async () => {
    const ec2 = (await mapSample()).find((m) => m.cost.charge_period_start === "2024-09-14T00:00:00.000Z" && m.cost.service_name === "Amazon Elastic Compute Cloud" && m.cost.charge_category === "Usage")!.cost;
    expect(ec2).toEqual({
      source_id: expect.stringMatching(/^row_[0-9a-f]{32}$/),
      billed_cost: 2.304,
      effective_cost: 1.6128,
      list_cost: 2.304,
      billing_currency: "USD",
      charge_period_start: "2024-09-14T00:00:00.000Z",
      charge_period_end: "2024-09-15T00:00:00.000Z",
      billing_period_start: "2024-09-01T00:00:00.000Z",
      billing_period_end: "2024-10-01T00:00:00.000Z",
      charge_category: "Usage",
      charge_description: "$0.096 per On Demand Linux m5.large Instance Hour",
      provider_name: "AWS",
      publisher_name: "AWS",
      service_name: "Amazon Elastic Compute Cloud",
      service_category: "Compute",
      billing_account_id: "123456789012",
      sub_account_id: "210987654321",
      sub_account_name: "acme-prod",
      resource_id: "arn:aws:ec2:us-east-1:210987654321:instance/i-0a1b2c3d4e5f60718",
      resource_name: "payments-api-1",
      region_id: "us-east-1",
      sku_id: "JRTCKXETXF-6YS6EN2CT7",
      consumed_quantity: 24,
      consumed_unit: "Hours",
      tags: { env: "prod", team: "payments" },
      extras: {
        BillingAccountName: "Acme Payer",
        ChargeFrequency: "Usage-Based",
        ContractedCost: "2.304",
        InvoiceIssuerName: "AWS",
        PricingQuantity: "24",
        PricingUnit: "Hours",
        RegionName: "US East (N. Virginia)",
        ResourceType: "Instance",
      },
    });
  });

  it("normalizes Azure's +00:00 offsets to UTC and keeps the subscription path as the sub account id", async () => {
    const vm = byDescription(await mapSample(), "D4s v5 - West Europe");
    expect(vm).toMatchObject({
      billing_currency: "EUR",
      charge_period_start: expect.stringMatching(/^2024-09-1[45]T00:00:00\.000Z$/),
      billing_period_end: "2024-10-01T00:00:00.000Z",
      sub_account_id: "/subscriptions/3f2b8c1e-7d4a-4e2b-9c1d-5a6b7c8d9e0f",
      tags: { CostCenter: "cc-1042", env: "prod" },
    });
  });

  it("keeps credits negative and zeros as data, and reads empty optional cells as null", async () => {
    const mapped = await mapSample();
    expect(byDescription(mapped, "AWS Activate promotional credit")).toMatchObject({ charge_category: "Credit", billed_cost: -50, effective_cost: -50, list_cost: 0, resource_id: null, tags: null });
    expect(byDescription(mapped, "Refund: service level agreement credit for Virtual Machines")).toMatchObject({ charge_category: "Adjustment", billed_cost: -12.4 });
    expect(byDescription(mapped, "Standard Storage Belgium (free tier)")).toMatchObject({ billed_cost: 0, effective_cost: 0, list_cost: 0.04, consumed_quantity: 0, tags: {} });
    expect(byDescription(mapped, "US sales tax (exempt)")).toMatchObject({ charge_category: "Tax", billed_cost: 0, service_name: null, sub_account_id: null, consumed_quantity: null, consumed_unit: null, tags: null });
    expect(byDescription(mapped, "1 year No Upfront Compute Savings Plan, $1.00/hour commitment")).toMatchObject({ charge_category: "Purchase", billed_cost: 730, effective_cost: 0, region_id: null });
    expect(byDescription(mapped, "Datadog Pro - 20 hosts")).toMatchObject({ publisher_name: "Datadog", provider_name: "Microsoft", list_cost: null });
    expect(byDescription(mapped, "AWS Lambda - Total Compute - US East (N. Virginia)")).toMatchObject({ billed_cost: 0.0000166667, resource_name: null, tags: null });
  });

  it("flattens tag values to text: numbers as written, a key without a value as an empty string", async () => {
    const mapped = await mapSample();
    expect(byDescription(mapped, "N2 Instance Core running in Belgium").tags).toEqual({ app: "etl", env: "prod", "goog-k8s-cluster-name": "analytics", replicas: "3" });
    expect(byDescription(mapped, "Hot LRS Data Stored").tags).toEqual({ CostCenter: "cc-2077", env: "prod", owner: "" });
  });

  it("gives identical rows one id and different rows different ids (the content hash the connector uses)", async () => {
    const ids = (await mapSample()).map((m) => m.cost.source_id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("quarantines what FOCUS forbids instead of guessing", async () => {
    const mapping = (await systemMappings()).get("filesource", "focus-costs")!;
    const [first] = await sampleRows();
    const errors = (row: Record<string, unknown>) => {
      const result = mapping.map(row, "row_1");
      return result.ok ? [] : result.errors.map((e) => e.field);
    };
    expect(errors({ ...first, ChargeCategory: "Fee" })).toContain("charge_category");
    expect(errors({ ...first, BilledCost: "" })).toContain("billed_cost");
    expect(errors({ ...first, BillingCurrency: "" })).toContain("billing_currency");
    expect(errors({ ...first, Tags: "env=prod" })).toContain("tags");
    expect(errors({ ...first, ChargePeriodEnd: "2024-09-13T00:00:00Z" })).toContain("charge_period_end");
    // the category's case is the mapping's to normalize
    expect(mapping.map({ ...first, ChargeCategory: "usage" }, "row_1")).toMatchObject({ ok: true, data: { charge_category: "Usage" } });
  });

  it("reads FOCUS exports by their file names, and any file uploaded as cost", async () => {
    const registry = await systemMappings();
    for (const object of ["focus-2024-09.csv", "FOCUS_export.csv", "aws-focus.csv", "billing_focus.csv", "exports/focus-azure.csv"]) {
      expect(pickMapping(registry, { system: "filesource", object, entity: undefined }), object).toMatchObject({ object: "focus-costs", entity: "cost" });
    }
    expect(pickMapping(registry, { system: "filesource", object: "september-bill.csv", entity: "cost" })).toMatchObject({ object: "focus-costs" });
    expect(pickMapping(registry, { system: "filesource", object: "accounts.csv", entity: undefined })).toMatchObject({ object: "accounts" });
  });
});
