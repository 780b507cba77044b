/** The canonical opportunity (a deal), spec: canonical-model.md § opportunity. */
import { AMOUNT_FIELD } from "./amount-fields";
import { z } from "@hono/zod-openapi";
import { AccountRefSchema, CurrencyCodeSchema, ExtrasSchema, IsoDateSchema, MoneySchema, NameSchema, OwnerSchema, SourceIdSchema, TextSchema, currencyGiven, timestampFields } from "./fields";

export const OpportunityStatusSchema = z
  .enum(["open", "won", "lost"])
  .openapi("OpportunityStatus")
  .meta({ description: "Whether the deal is still open, won or lost" });

export const OpportunitySchema = z
  .object({
    source_id: SourceIdSchema,
    account_id: AccountRefSchema,
    name: NameSchema.meta({ description: "The deal's name" }),
    stage: TextSchema.meta({ description: "Sales stage, in the source's own terms" }),
    amount: MoneySchema.meta({ description: "The deal's value, a decimal amount in `currency`" }),
    currency: CurrencyCodeSchema.nullable(),
    close_date: IsoDateSchema.nullable().meta({ description: "Date the deal closed or is expected to close" }),
    probability: z.number().min(0).max(100).nullable().meta({ description: "Chance of winning, in percent (0–100)" }),
    status: OpportunityStatusSchema,
    type: TextSchema.meta({ description: "Kind of deal (e.g. new business, renewal), in the source's own terms" }),
    lead_source: TextSchema.meta({ description: "Where the lead came from (e.g. web, referral, event)" }),
    owner: OwnerSchema,
    description: TextSchema.meta({ description: "Free-text description of the deal" }),
    ...timestampFields,
    extras: ExtrasSchema,
  })
  .strict()
  .superRefine(currencyGiven(AMOUNT_FIELD.opportunity))
  .openapi("Opportunity");
export type Opportunity = z.infer<typeof OpportunitySchema>;
