/**
 * What the repair module needs to know about a canonical target: whether a mapping must fill it (the same test as
 * format.ts's check: its schema rejects null) and what kind of value it holds, found by probing its zod schema with
 * typical values rather than reading zod internals.
 */
import { entitySchemas } from "../../canonical/entities";
import type { EntityName } from "../../canonical/names";

export type TargetKind = "text" | "email" | "number" | "integer" | "date" | "datetime" | "currency" | "choice";

const schemaOf = (entity: EntityName, target: string) => (entitySchemas[entity].shape as Record<string, { safeParse(v: unknown): { success: boolean } }>)[target];

/** Targets a mapping must fill: never null, and not the two the mapping fills itself (source_id, extras). */
export function requiredTargets(entity: EntityName): string[] {
  return Object.entries(entitySchemas[entity].shape as Record<string, { safeParse(v: unknown): { success: boolean } }>)
    .filter(([target, schema]) => target !== "source_id" && target !== "extras" && !schema.safeParse(null).success)
    .map(([target]) => target);
}

export const isRequiredTarget = (entity: EntityName, target: string): boolean => requiredTargets(entity).includes(target);

export function targetKind(entity: EntityName, target: string): TargetKind | undefined {
  const schema = schemaOf(entity, target);
  if (schema === undefined) return undefined;
  const accepts = (value: unknown) => schema.safeParse(value).success;
  if (accepts("any text")) return "text";
  if (accepts("someone@example.com")) return "email";
  if (accepts(1.5)) return "number";
  if (accepts(1)) return "integer";
  if (accepts("2025-12-31")) return "date";
  if (accepts("2025-03-14T09:26:53.000Z")) return "datetime";
  if (accepts("EUR")) return "currency";
  return "choice";
}
