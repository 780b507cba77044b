/** One value per canonical entity, built from the entity list so a new entity is never left out of a tally. */
import { type EntityName, EntityNameSchema } from "./names";

export const perEntity = <T>(valueOf: (entity: EntityName) => T): Record<EntityName, T> =>
  Object.fromEntries(EntityNameSchema.options.map((entity) => [entity, valueOf(entity)])) as Record<EntityName, T>;

/** The same, for values read concurrently (one query per entity's view). */
export async function perEntityAsync<T>(valueOf: (entity: EntityName) => Promise<T>): Promise<Record<EntityName, T>> {
  const values = await Promise.all(EntityNameSchema.options.map(async (entity) => [entity, await valueOf(entity)] as const));
  return Object.fromEntries(values) as Record<EntityName, T>;
}
