/**
 * Field types shared by the canonical entities, so every entity spells a convention the same way: money as a
 * decimal number beside an ISO 4217 code, dates as `YYYY-MM-DD`, instants as ISO 8601 in UTC (`…Z`).
 *
 * Presence: every field key is always present in canonical data; a value the source does not have is `null`
 * (never a missing key), so consumers see one shape per entity.
 *
 * These schemas validate and never transform (no .trim(), no coercion): normalizing is the mapping's job, and the
 * mapping engine returns the very object it validated.
 *
 * Field descriptions are set with `.meta({ description })`, the one place both the OpenAPI document and the JSON
 * Schema export (z.toJSONSchema, hence the DCL catalog) read; `.openapi({ description })` reaches only the former.
 * `.meta()` goes after `.openapi()`, which builds a fresh schema that would drop it.
 */
import { z } from "@hono/zod-openapi";

/** The source's own id for the record, as text. */
export const SourceIdSchema = z.string().min(1).openapi({ example: "0015g00000XyZabAAF" }).meta({ description: "The source's own id for the record" });

/** Required human-readable name (accounts, opportunities): not blank. Validation only; trimming is the mapping's job. */
export const NameSchema = z.string().regex(/\S/, "must not be blank");

export const TextSchema = z.string().nullable();

export const CurrencyCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code (three uppercase letters)")
  .openapi("CurrencyCode", { example: "EUR" })
  // a named component, so one description for every use: each entity has one currency, that of its money fields
  .meta({ description: "ISO 4217 code of the currency the record's money amounts are in" });

/** A decimal amount in the record's `currency`; each money field describes what the amount is. */
export const MoneySchema = z.number().finite().nullable();

export const IsoDateSchema = z.iso.date().openapi({ example: "2025-12-31" });

/** An instant in UTC: the `Z` suffix is required, offsets are normalized away by the mapping. */
export const IsoDateTimeUtcSchema = z.iso.datetime().openapi({ example: "2025-03-14T09:26:53.000Z" });

/** Source fields no mapping consumed, kept as the source gave them (nested objects as is): nothing is dropped. */
export const ExtrasSchema = z
  .record(z.string(), z.unknown())
  .openapi("Extras")
  .meta({ description: "Source fields no mapping consumed, kept as the source gave them" });

/** The record's owner in the source (a user), shared by every entity. */
export const OwnerSchema = TextSchema.meta({ description: "The record's owner in the source (a user's name or id)" });

/** An opportunity's or contact's account, before materialization links it. */
export const AccountRefSchema = TextSchema.meta({
  description: "The source's foreign key to the account, as mapped; resolved to the canonical account during materialization",
});

/** created_at / updated_at, shared by every entity. */
export const timestampFields = {
  created_at: IsoDateTimeUtcSchema.nullable().meta({ description: "When the record was created in the source (UTC)" }),
  updated_at: IsoDateTimeUtcSchema.nullable().meta({ description: "When the record was last changed in the source (UTC)" }),
};

/** Money needs its currency: an amount without one is ambiguous, so it is rejected rather than guessed. */
export function currencyGiven(amountField: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (value[amountField] !== null && value.currency === null) {
      ctx.addIssue({ code: "custom", path: ["currency"], message: `currency is required when ${amountField} is set` });
    }
  };
}
