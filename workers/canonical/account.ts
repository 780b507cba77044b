/** The canonical account (a company or organisation), spec: canonical-model.md § account. */
import { z } from "@hono/zod-openapi";
import { CurrencyCodeSchema, ExtrasSchema, MoneySchema, NameSchema, SourceIdSchema, TextSchema, currencyGiven, timestampFields } from "./fields";

export const AccountSchema = z
  .object({
    source_id: SourceIdSchema,
    name: NameSchema,
    industry: TextSchema,
    annual_revenue: MoneySchema,
    currency: CurrencyCodeSchema.nullable(),
    employee_count: z.number().int().nonnegative().nullable(),
    website: TextSchema,
    phone: TextSchema,
    billing_city: TextSchema,
    billing_country: TextSchema,
    owner: TextSchema,
    description: TextSchema,
    ...timestampFields,
    extras: ExtrasSchema,
  })
  .strict()
  .superRefine(currencyGiven("annual_revenue"))
  .openapi("Account");
export type Account = z.infer<typeof AccountSchema>;
