/**
 * Which mapping a source object's records go through: the mapping of that exact object; else, for files, the
 * mapping whose `files` patterns match the file's name (narrowed to the chosen entity when there is one: the
 * caller's explicit entity is never overridden by a name); else the one mapping of the system that produces the
 * chosen entity. Anything else is a reason, never a guess: the records are quarantined with it (normalize.ts) or
 * the upload is refused (upload.ts).
 */
import type { CompiledMapping } from "../mapping/compile";
import type { MappingRegistry } from "../mapping/registry";
import type { RawBatch } from "./messages";

export type MappingTarget = Pick<RawBatch, "system" | "object" | "entity">;

const named = (mappings: CompiledMapping[]) => mappings.map((m) => `${m.system}/${m.object}`).join(", ");

/** The mappings whose `files` patterns match the object's file name. */
export function mappingsForFile(registry: MappingRegistry, target: Pick<MappingTarget, "system" | "object">): CompiledMapping[] {
  return registry.all().filter((m) => m.system === target.system && m.document.files?.some((p) => p.matches(target.object)) === true);
}

export function pickMapping(registry: MappingRegistry, target: MappingTarget): CompiledMapping | string {
  const { system, object, entity } = target;
  const exact = registry.get(system, object);
  if (exact !== undefined) return exact;
  const byName = mappingsForFile(registry, target).filter((m) => entity === undefined || m.entity === entity);
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) return `"${object}" matches the files of ${byName.length} mappings (${named(byName)})`;
  if (entity === undefined) return `no mapping for ${system}/${object}: no mapping's files match it and no entity was chosen`;
  const candidates = registry.forEntity(system, entity);
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) return `no mapping for ${system}/${object} and none of ${system} produces ${entity}`;
  return `no mapping for ${system}/${object}, and ${candidates.length} mappings of ${system} produce ${entity} (${named(candidates)})`;
}
