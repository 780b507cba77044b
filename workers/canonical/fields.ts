/**
 * Field types shared by the canonical entities, so every entity spells a convention the same way: money as a
 * decimal number beside an ISO 4217 code, dates as `YYYY-MM-DD`, instants as ISO 8601 in UTC (`…Z`).
 *
 * Presence: every field key is always present in canonical data; a value the source does not have is `null`
 * (never a missing key), so consumers see one shape per entity.
 *
 * These schemas validate and never transform (no .trim(), no coercion): normalizing is the mapping's job, and the
 * mapping engine returns the very object it validated.
 */
import { z } from "@hono/zod-openapi";

/** The source's own id for the record, as text. */
export const SourceIdSchema = z.string().min(1).openapi({ description: "The source's id for the record", example: "0015g00000XyZabAAF" });

/** Required human-readable name (accounts, opportunities): not blank. Validation only; trimming is the mapping's job. */
export const NameSchema = z.string().regex(/\S/, "must not be blank");

export const TextSchema = z.string().nullable();

export const CurrencyCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code (three uppercase letters)")
  .openapi("CurrencyCode", { example: "EUR" });

export const MoneySchema = z.number().finite().nullable().openapi({ description: "Decimal amount in `currency`" });

export const IsoDateSchema = z.iso.date().openapi({ example: "2025-12-31" });

/** An instant in UTC: the `Z` suffix is required, offsets are normalized away by the mapping. */
export const IsoDateTimeUtcSchema = z.iso.datetime().openapi({ example: "2025-03-14T09:26:53.000Z" });

/** Source fields no mapping consumed, kept as the source gave them (nested objects as is): nothing is dropped. */
export const ExtrasSchema = z
  .record(z.string(), z.unknown())
  .openapi("Extras", { description: "Unmapped source fields, as the source gave them" });

/** created_at / updated_at, shared by every entity. */
export const timestampFields = {
  created_at: IsoDateTimeUtcSchema.nullable(),
  updated_at: IsoDateTimeUtcSchema.nullable(),
};

/** Money needs its currency: an amount without one is ambiguous, so it is rejected rather than guessed. */
export function currencyGiven(amountField: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (value[amountField] !== null && value.currency === null) {
      ctx.addIssue({ code: "custom", path: ["currency"], message: `currency is required when ${amountField} is set` });
    }
  };
}
