/**
 * JSON Schema (draft 2020-12) of the canonical model, generated from the zod schemas so the two can never drift.
 * Built on first use (not at import) to keep isolate start-up cheap; the API and docs serve it.
 */
import { z } from "@hono/zod-openapi";
import { entitySchemas } from "./entities";
import { CanonicalEventSchema } from "./event";
import type { EntityName } from "./names";

export type CanonicalJsonSchemas = { event: z.core.JSONSchema.JSONSchema } & Record<EntityName, z.core.JSONSchema.JSONSchema>;

let cached: CanonicalJsonSchemas | undefined;

export function canonicalJsonSchemas(): CanonicalJsonSchemas {
  cached ??= {
    event: z.toJSONSchema(CanonicalEventSchema),
    account: z.toJSONSchema(entitySchemas.account),
    opportunity: z.toJSONSchema(entitySchemas.opportunity),
    contact: z.toJSONSchema(entitySchemas.contact),
    cost: z.toJSONSchema(entitySchemas.cost),
  };
  return cached;
}
