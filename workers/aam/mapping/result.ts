/** What a compiled mapping returns for one raw record: canonical data, or every field's reason for failing. */
import { z } from "@hono/zod-openapi";
import type { EntityData } from "../../canonical/entities";
import type { EntityName } from "../../canonical/names";

export const MappingFieldErrorSchema = z
  .object({
    /** the canonical field (or `source_id`) */
    field: z.string(),
    /** where the value came from, as written in the mapping (a path, `expr: …`, `coalesce: a, b`); null if unmapped */
    source_path: z.string().nullable(),
    reason: z.string(),
  })
  .openapi("MappingFieldError");
export type MappingFieldError = z.infer<typeof MappingFieldErrorSchema>;

export type MappingResult<E extends EntityName = EntityName> =
  | { ok: true; record_id: string; data: EntityData<E> }
  | { ok: false; record_id: string | null; errors: MappingFieldError[] };
