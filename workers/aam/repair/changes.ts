/**
 * A repair's unit: one canonical field of a mapping and what happens to it. Drift repairs and onboarding drafts are
 * lists of these (stored in mapping_repairs.changes), each with the matcher's confidence and whether it clears the
 * tenant's auto-apply threshold. The target `source_id` stands for the document's `record_id`.
 */
import { z } from "@hono/zod-openapi";

/** A transform as the mapping format writes it: a name (`trim`) or a single-key map (`{ number: { locale: de-DE } }`). */
export const WrittenTransformSchema = z.union([z.string().min(1), z.record(z.string(), z.unknown())]).openapi({ example: { number: { locale: "de-DE" } } });
export type WrittenTransform = z.infer<typeof WrittenTransformSchema>;

export const RepairChangeSchema = z
  .object({
    target: z.string().min(1).openapi({ description: "The canonical field (`source_id` stands for the record id)", example: "annual_revenue" }),
    action: z.enum(["map", "unmap", "retransform"]).openapi({
      description: "`map`: fill the target from `from`; `unmap`: drop the target (its value becomes null); `retransform`: replace its transforms",
    }),
    from: z.union([z.string(), z.null()]).openapi({ description: "The source path the target is filled from after the change", example: "Annual_Revenue__c" }),
    previous_from: z.union([z.string(), z.null()]).openapi({ description: "The source path it was filled from before", example: "AnnualRevenue" }),
    value: z.string().optional().openapi({ description: "`map` to a constant instead of a source path (e.g. the currency an amount column is in)", example: "EUR" }),
    transforms: z.array(WrittenTransformSchema).optional().openapi({ description: "The target's transforms after the change; absent: kept as they are" }),
    confidence: z.number().min(0).max(1),
    auto: z.boolean().openapi({ description: "Whether the confidence clears the tenant's auto-apply threshold" }),
    reason: z.string(),
  })
  .openapi("RepairChange");
export type RepairChange = z.infer<typeof RepairChangeSchema>;

/** The document key the `source_id` target is written under. */
export const RECORD_ID_TARGET = "source_id";

/** A repair's confidence: that of its least certain change (1 for none). */
export const lowestConfidence = (changes: RepairChange[]): number => Math.min(1, ...changes.map((c) => c.confidence));
