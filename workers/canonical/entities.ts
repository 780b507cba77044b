/** Entity name → schema: the one table every plane uses to validate or describe canonical data by entity. */
import type { z } from "@hono/zod-openapi";
import { AccountSchema } from "./account";
import { ContactSchema } from "./contact";
import { CostSchema } from "./cost";
import type { EntityName } from "./names";
import { OpportunitySchema } from "./opportunity";

export const entitySchemas = {
  account: AccountSchema,
  opportunity: OpportunitySchema,
  contact: ContactSchema,
  cost: CostSchema,
} as const satisfies Record<EntityName, z.ZodType>;

export type EntityData<E extends EntityName = EntityName> = z.infer<(typeof entitySchemas)[E]>;

/** The entity's field names in spec order (mapping targets; the JSON Schema's properties). */
export function entityFields(entity: EntityName): readonly string[] {
  return Object.keys(entitySchemas[entity].shape);
}
