/**
 * The mappings a tenant's records are normalized and replayed with: the system defaults, each replaced by the
 * tenant's latest override of its (system, object) where there is one (an override may also map an object the
 * defaults do not). One D1 query per call; the overrides' compiled forms come from the per-isolate cache.
 */
import type { TenantScope } from "../../platform/db";
import type { MappingVersionRow } from "../../platform/db/schema";
import { compiledOverride } from "../mapping/overrides-cache";
import { latestOverrides } from "../mapping/overrides";
import { type MappingRegistry, type RegisteredMapping, systemMappings } from "../mapping/registry";

export type MappingsFor = (scope: TenantScope) => Promise<MappingRegistry>;

export interface EffectiveMapping {
  mapping: RegisteredMapping;
  /** the override row it comes from; undefined for a system default */
  override: MappingVersionRow | undefined;
}

export interface EffectiveMappings {
  registry: MappingRegistry;
  /** every mapping in the registry, with where it comes from */
  entries: EffectiveMapping[];
}

export async function effectiveMappings(scope: TenantScope): Promise<EffectiveMappings> {
  const overrides = await latestOverrides(scope);
  const compiled = await Promise.all(overrides.map(compiledOverride));
  const registry = (await systemMappings()).withMappings(compiled);
  const rowOf = new Map(compiled.map((mapping, i) => [mapping, overrides[i]]));
  return { registry, entries: registry.all().map((mapping) => ({ mapping, override: rowOf.get(mapping) })) };
}

export const tenantMappings: MappingsFor = async (scope) => (await effectiveMappings(scope)).registry;
