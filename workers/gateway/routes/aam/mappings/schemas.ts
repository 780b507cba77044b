/** The wire shapes of the mapping routes: effective mappings, their versions, and the path and version parameters. */
import { z } from "@hono/zod-openapi";
import { EntityNameSchema, SourceSystemSchema } from "../../../../canonical/names";
import type { MappingVersionEntry, VersionRef } from "../../../../aam/mapping/overrides-history";
import type { EffectiveMapping } from "../../../../aam/pipeline/tenant-mappings";

/** A submitted document's size limit: mapping documents are a few KiB; this keeps diffs and parsing cheap. */
export const MAX_SOURCE_CHARS = 65_536;

export const MappingSourceTextSchema = z
  .string()
  .min(1)
  .max(MAX_SOURCE_CHARS)
  .openapi({ description: "The mapping document as YAML (format: mappings/README.md)", example: "system: salesforce\nobject: Account\n…" });

export const MappingParamsSchema = z.object({
  system: SourceSystemSchema.openapi({ param: { name: "system", in: "path" } }),
  object: z.string().min(1).openapi({ param: { name: "object", in: "path" }, example: "Account" }),
});

/** A version by number (a tenant version), `system` (the bundled default) or `current` (the one in effect). */
export const VersionRefSchema = z
  .string()
  .regex(/^(system|current|[1-9][0-9]{0,8})$/, "a version number, system or current")
  .transform((ref): VersionRef => (ref === "system" || ref === "current" ? ref : Number(ref)))
  .openapi({ example: "3" });

const MappingOriginSchema = z.enum(["system", "tenant"]).openapi("MappingOrigin", {
  description: "`system`: the bundled default; `tenant`: the tenant's override",
});

export const MappingSummarySchema = z
  .object({
    system: SourceSystemSchema,
    object: z.string(),
    entity: EntityNameSchema,
    version: z.number().int(),
    mapping_version: z.string().openapi({ example: "salesforce/Account@2#5d41402abc4b" }),
    origin: MappingOriginSchema,
    updated_at: z.string().nullable().openapi({ description: "When the override in effect was saved; null for a system default" }),
  })
  .openapi("MappingSummary");

export const MappingSchema = MappingSummarySchema.extend({
  source: z.string().openapi({ description: "The YAML text in effect" }),
  fields: z
    .array(
      z.object({
        field: z.string().openapi({ description: "The canonical field" }),
        source: z.string().openapi({ description: "Where its value comes from: a path, `expr: …`, `coalesce: …`, `concat: …` or `const`" }),
        transforms: z.array(z.string()),
        default: z.unknown().openapi({ description: "Replaces a null result; null when there is none" }),
      }),
    )
    .openapi({ description: "The compiled document: each mapped canonical field and its source" }),
}).openapi("Mapping");

export const MappingVersionSchema = z
  .object({
    system: SourceSystemSchema,
    object: z.string(),
    version: z.number().int(),
    entity: EntityNameSchema,
    mapping_version: z.string(),
    origin: MappingOriginSchema,
    author: z.string().nullable().openapi({ description: "The user or API key that saved it; null for a system default" }),
    comment: z.string().nullable(),
    created_at: z.string().nullable().openapi({ description: "Null for a system default" }),
  })
  .openapi("MappingVersion");

export const MappingVersionDetailSchema = MappingVersionSchema.extend({
  source: z.string().openapi({ description: "The YAML text: an override exactly as submitted" }),
}).openapi("MappingVersionDetail");

export function summaryResponse({ mapping, override }: EffectiveMapping): z.infer<typeof MappingSummarySchema> {
  return {
    system: mapping.system,
    object: mapping.object,
    entity: mapping.entity,
    version: mapping.version,
    mapping_version: mapping.mapping_version,
    origin: override === undefined ? "system" : "tenant",
    updated_at: override?.createdAt ?? null,
  };
}

export function mappingResponse(effective: EffectiveMapping): z.infer<typeof MappingSchema> {
  const { mapping } = effective;
  return {
    ...summaryResponse(effective),
    source: mapping.source.text,
    fields: Object.entries(mapping.document.fields).map(([field, spec]) => ({
      field,
      source: mapping.sources[field] ?? "",
      transforms: spec.transforms.map((t) => t.name),
      default: spec.default ?? null,
    })),
  };
}

export function versionResponse(entry: MappingVersionEntry): z.infer<typeof MappingVersionSchema> {
  if (entry.origin === "system") {
    const { mapping } = entry;
    const { system, object, version, entity, mapping_version } = mapping;
    return { system, object, version, entity, mapping_version, origin: "system", author: null, comment: null, created_at: null };
  }
  const { row } = entry;
  return {
    system: row.system,
    object: row.object,
    version: row.version,
    entity: row.entity,
    mapping_version: row.mappingVersion,
    origin: "tenant",
    author: row.author,
    comment: row.comment,
    created_at: row.createdAt,
  };
}
