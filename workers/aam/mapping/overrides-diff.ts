/**
 * What changed between two versions of a mapping document: a unified diff of the YAML texts (jsdiff) and, from the
 * parsed documents, which canonical fields were added, removed or mapped differently. Field specs are compared by
 * content, so `name: Name` and `name: { from: Name }` are the same mapping and layout or comment edits change nothing.
 */
import { z } from "@hono/zod-openapi";
import { createTwoFilesPatch } from "diff";
import { parse } from "yaml";
import { stableJson } from "../../canonical/stable-json";

export const MappingFieldChangesSchema = z
  .object({
    added: z.array(z.object({ field: z.string(), spec: z.unknown() })),
    removed: z.array(z.object({ field: z.string(), spec: z.unknown() })),
    changed: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  })
  .openapi("MappingFieldChanges", { description: "Canonical fields whose mapping differs, with the field specs as written" });
export type MappingFieldChanges = z.infer<typeof MappingFieldChangesSchema>;

export interface DiffSide {
  /** the file name in the patch header, e.g. `salesforce/Account@2 (tenant)` */
  label: string;
  text: string;
}

export function mappingDiff(from: DiffSide, to: DiffSide): { patch: string; fields: MappingFieldChanges } {
  return { patch: createTwoFilesPatch(from.label, to.label, from.text, to.text), fields: fieldChanges(fieldSpecs(from.text), fieldSpecs(to.text)) };
}

/** `fields:` of a document, each spec in its long form; stored versions are valid documents, anything else has none. */
function fieldSpecs(text: string): Map<string, unknown> {
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 50 });
  } catch {
    return new Map();
  }
  const fields = typeof data === "object" && data !== null && "fields" in data ? data.fields : undefined;
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) return new Map();
  return new Map(Object.entries(fields).map(([field, spec]) => [field, typeof spec === "string" ? { from: spec } : spec]));
}

function fieldChanges(before: Map<string, unknown>, after: Map<string, unknown>): MappingFieldChanges {
  const changes: MappingFieldChanges = { added: [], removed: [], changed: [] };
  for (const [field, spec] of after) {
    if (!before.has(field)) changes.added.push({ field, spec });
    else if (stableJson(before.get(field)) !== stableJson(spec)) changes.changed.push({ field, before: before.get(field), after: spec });
  }
  for (const [field, spec] of before) if (!after.has(field)) changes.removed.push({ field, spec });
  return changes;
}
