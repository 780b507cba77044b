/**
 * The versions of one (system, object) as a tenant sees them: its overrides, newest first, then the system default
 * they replace (when there is one). A version is named by its number (a tenant version), `system` (the default) or
 * `current` (the one in effect: the newest override, else the default).
 */
import type { SourceSystem } from "../../canonical/names";
import type { TenantScope } from "../../platform/db";
import type { MappingVersionRow } from "../../platform/db/schema";
import { overrideHistory, overrideVersion } from "./overrides";
import { type RegisteredMapping, systemMappings } from "./registry";

export type MappingVersionEntry = { origin: "tenant"; row: MappingVersionRow } | { origin: "system"; mapping: RegisteredMapping };

export type VersionRef = number | "system" | "current";

const tenantEntry = (row: MappingVersionRow): MappingVersionEntry => ({ origin: "tenant", row });

async function systemEntry(system: SourceSystem, object: string): Promise<MappingVersionEntry | undefined> {
  const mapping = (await systemMappings()).get(system, object);
  return mapping === undefined ? undefined : { origin: "system", mapping };
}

export async function mappingHistory(scope: TenantScope, system: SourceSystem, object: string): Promise<MappingVersionEntry[]> {
  const [rows, fallback] = await Promise.all([overrideHistory(scope, system, object), systemEntry(system, object)]);
  return [...rows.map(tenantEntry), ...(fallback === undefined ? [] : [fallback])];
}

export async function mappingVersionAt(scope: TenantScope, system: SourceSystem, object: string, ref: VersionRef): Promise<MappingVersionEntry | undefined> {
  if (ref === "system") return systemEntry(system, object);
  if (ref === "current") {
    const [latest] = await overrideHistory(scope, system, object, 1);
    return latest === undefined ? systemEntry(system, object) : tenantEntry(latest);
  }
  const row = await overrideVersion(scope, system, object, ref);
  return row === undefined ? undefined : tenantEntry(row);
}

/** The version's number, whichever its origin. */
export const entryVersion = (entry: MappingVersionEntry): number => (entry.origin === "tenant" ? entry.row.version : entry.mapping.version);

/** The version's YAML text: an override exactly as submitted, a default as bundled. */
export const entryText = (entry: MappingVersionEntry): string => (entry.origin === "tenant" ? entry.row.source : entry.mapping.source.text);
