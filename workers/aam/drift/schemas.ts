/**
 * The drift module's data: a source object's observed shape (stored per connection and object in source_schemas)
 * and the changes the schema observer reports (stored in drift_events, listed by GET /api/v1/aam/drift, published
 * on /live-flow as `drift`). Types come from these schemas.
 */
import { z } from "@hono/zod-openapi";
import { FieldTypeSchema } from "../connectors/connector";

export const ObservedFieldSchema = z
  .object({
    /** dotted path of the field in the record (nested objects flattened) */
    path: z.string().min(1),
    type: FieldTypeSchema,
    /** records that carried the field (non-null) since it was first seen */
    seen: z.number().int().nonnegative(),
    /** records that carried the key at all, null included (absence, not nullness, is what removal means) */
    present: z.number().int().nonnegative().optional(),
    /** a few recent values, for the matcher */
    samples: z.array(z.unknown()).max(5),
    label: z.string().nullable().optional(),
    /** the type the connector's discovery last listed it with; absent when discovery never listed it */
    discovered_type: FieldTypeSchema.optional(),
  })
  .openapi("ObservedField");
export type ObservedField = z.infer<typeof ObservedFieldSchema>;

export const DriftChangeSchema = z
  .object({
    kind: z.enum(["added", "removed", "renamed", "retyped"]),
    /** the source path concerned (for `renamed`, its old path) */
    path: z.string(),
    /** `renamed`: the new path */
    to: z.union([z.string(), z.null()]),
    /** `retyped`: the type before and after */
    from_type: z.union([FieldTypeSchema, z.null()]),
    to_type: z.union([FieldTypeSchema, z.null()]),
    /** the canonical field the active mapping fills from this path, or null when it feeds only extras */
    target: z.union([z.string(), z.null()]),
    /** values seen after the change (`removed`: the last ones seen before it, for pairing with an added path) */
    samples: z.array(z.unknown()).max(5),
  })
  .openapi("DriftChange");
export type DriftChange = z.infer<typeof DriftChangeSchema>;
