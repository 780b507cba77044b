/**
 * The canonical cost: one charge line of a cloud or SaaS bill, after the FinOps FOCUS specification (1.x). Each
 * field is the FOCUS column named in its description, in snake_case; FOCUS columns not listed here (x_* provider
 * columns, pricing and commitment details) stay in `extras`.
 *
 * A cost row is one source record and links to no CRM account: `billing_account_id` and `sub_account_id` are the
 * provider's own account ids (an AWS account, an Azure subscription, a GCP project), kept as data for grouping
 * and for acting on the provider's side, never resolved against the canonical account.
 */
import { z } from "@hono/zod-openapi";
import { CurrencyCodeSchema, ExtrasSchema, IsoDateTimeUtcSchema, SourceIdSchema, TextSchema } from "./fields";

/** FOCUS 1.x ChargeCategory, its allowed values spelled as the specification does. */
export const ChargeCategorySchema = z
  .enum(["Usage", "Purchase", "Tax", "Credit", "Adjustment"])
  .openapi("ChargeCategory")
  .meta({ description: "FOCUS ChargeCategory: the highest-level kind of charge" });
export type ChargeCategory = z.infer<typeof ChargeCategorySchema>;

/** A FOCUS cost column: a decimal amount in `billing_currency`, negative for credits and refunds. */
const CostAmountSchema = z.number().finite();

/** FOCUS Tags: key → value, flattened to text (a tag without a value is ""). */
export const CostTagsSchema = z
  .record(z.string(), z.string())
  .nullable()
  .meta({ description: "FOCUS Tags: the resource's tags and labels as key → value, null when it has none" });

/** End before start is a broken export, never a zero or negative length to compute with. */
function periodOrdered(start: "charge_period_start" | "billing_period_start", end: "charge_period_end" | "billing_period_end") {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const [from, to] = [value[start], value[end]];
    if (typeof from === "string" && typeof to === "string" && Date.parse(to) < Date.parse(from)) {
      ctx.addIssue({ code: "custom", path: [end], message: `${end} must not be before ${start}` });
    }
  };
}

export const CostSchema = z
  .object({
    source_id: SourceIdSchema,
    billed_cost: CostAmountSchema.meta({ description: "FOCUS BilledCost: the amount invoiced for the charge, in `billing_currency`" }),
    effective_cost: CostAmountSchema.nullable().meta({
      description: "FOCUS EffectiveCost: the amortized cost after discounts and prepaid commitments, in `billing_currency`",
    }),
    list_cost: CostAmountSchema.nullable().meta({ description: "FOCUS ListCost: the cost at public list prices, in `billing_currency`" }),
    // FOCUS BillingCurrency; the shared component, so its one description is the OpenAPI and JSON Schema text
    billing_currency: CurrencyCodeSchema,
    charge_period_start: IsoDateTimeUtcSchema.meta({ description: "FOCUS ChargePeriodStart: start of the period the charge covers (UTC, inclusive)" }),
    charge_period_end: IsoDateTimeUtcSchema.meta({ description: "FOCUS ChargePeriodEnd: end of the period the charge covers (UTC, exclusive)" }),
    billing_period_start: IsoDateTimeUtcSchema.nullable().meta({ description: "FOCUS BillingPeriodStart: start of the billing period (UTC, inclusive)" }),
    billing_period_end: IsoDateTimeUtcSchema.nullable().meta({ description: "FOCUS BillingPeriodEnd: end of the billing period (UTC, exclusive)" }),
    charge_category: ChargeCategorySchema.nullable(),
    charge_description: TextSchema.meta({ description: "FOCUS ChargeDescription: the provider's description of the charge" }),
    provider_name: TextSchema.meta({ description: "FOCUS ProviderName: who made the resource or service available (e.g. AWS, Microsoft, Google Cloud)" }),
    publisher_name: TextSchema.meta({ description: "FOCUS PublisherName: who produced the resource or service (e.g. a marketplace vendor)" }),
    service_name: TextSchema.meta({ description: "FOCUS ServiceName: the offering that was purchased (e.g. Amazon EC2)" }),
    service_category: TextSchema.meta({ description: "FOCUS ServiceCategory: the service's category (e.g. Compute, Storage, Databases)" }),
    billing_account_id: TextSchema.meta({ description: "FOCUS BillingAccountId: the provider's account the invoice is issued to" }),
    sub_account_id: TextSchema.meta({
      description: "FOCUS SubAccountId: the provider's account the resource lives in (AWS account, Azure subscription, GCP project); the provider's id, not a CRM account",
    }),
    sub_account_name: TextSchema.meta({ description: "FOCUS SubAccountName: the sub account's display name" }),
    resource_id: TextSchema.meta({ description: "FOCUS ResourceId: the provider's id of the resource charged for" }),
    resource_name: TextSchema.meta({ description: "FOCUS ResourceName: the resource's display name" }),
    region_id: TextSchema.meta({ description: "FOCUS RegionId: the provider's id of the region the resource is in" }),
    sku_id: TextSchema.meta({ description: "FOCUS SkuId: the provider's id of the SKU charged for" }),
    consumed_quantity: z.number().finite().nullable().meta({ description: "FOCUS ConsumedQuantity: the usage measured, in `consumed_unit`" }),
    consumed_unit: TextSchema.meta({ description: "FOCUS ConsumedUnit: the unit `consumed_quantity` is measured in (e.g. Hours, GB)" }),
    tags: CostTagsSchema,
    extras: ExtrasSchema,
  })
  .strict()
  .superRefine(periodOrdered("charge_period_start", "charge_period_end"))
  .superRefine(periodOrdered("billing_period_start", "billing_period_end"))
  .openapi("Cost");
export type Cost = z.infer<typeof CostSchema>;
