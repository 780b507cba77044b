/** The canonical account (a company or organisation), spec: canonical-model.md § account. */
import { AMOUNT_FIELD } from "./amount-fields";
import { z } from "@hono/zod-openapi";
import { CurrencyCodeSchema, ExtrasSchema, MoneySchema, NameSchema, OwnerSchema, SourceIdSchema, TextSchema, currencyGiven, timestampFields } from "./fields";

export const AccountSchema = z
  .object({
    source_id: SourceIdSchema,
    name: NameSchema.meta({ description: "The company's or organisation's name" }),
    industry: TextSchema.meta({ description: "The industry it works in" }),
    annual_revenue: MoneySchema.meta({ description: "Annual revenue, a decimal amount in `currency`" }),
    currency: CurrencyCodeSchema.nullable(),
    employee_count: z.number().int().nonnegative().nullable().meta({ description: "Number of employees" }),
    website: TextSchema.meta({ description: "Website address" }),
    phone: TextSchema.meta({ description: "Main phone number" }),
    billing_city: TextSchema.meta({ description: "City of the billing address" }),
    billing_country: TextSchema.meta({ description: "Country of the billing address" }),
    owner: OwnerSchema,
    description: TextSchema.meta({ description: "Free-text description of the account" }),
    ...timestampFields,
    extras: ExtrasSchema,
  })
  .strict()
  .superRefine(currencyGiven(AMOUNT_FIELD.account))
  .openapi("Account");
export type Account = z.infer<typeof AccountSchema>;
