/** The canonical opportunity (a deal), spec: canonical-model.md § opportunity. */
import { z } from "@hono/zod-openapi";
import { CurrencyCodeSchema, ExtrasSchema, IsoDateSchema, MoneySchema, NameSchema, SourceIdSchema, TextSchema, currencyGiven, timestampFields } from "./fields";

export const OpportunityStatusSchema = z.enum(["open", "won", "lost"]).openapi("OpportunityStatus");

export const OpportunitySchema = z
  .object({
    source_id: SourceIdSchema,
    /** the source's foreign key as mapped; resolved to the canonical account during materialization */
    account_id: TextSchema,
    name: NameSchema,
    stage: TextSchema,
    amount: MoneySchema,
    currency: CurrencyCodeSchema.nullable(),
    close_date: IsoDateSchema.nullable(),
    probability: z.number().min(0).max(100).nullable().openapi({ description: "Percent, 0–100" }),
    status: OpportunityStatusSchema,
    type: TextSchema,
    lead_source: TextSchema,
    owner: TextSchema,
    description: TextSchema,
    ...timestampFields,
    extras: ExtrasSchema,
  })
  .strict()
  .superRefine(currencyGiven("amount"))
  .openapi("Opportunity");
export type Opportunity = z.infer<typeof OpportunitySchema>;
