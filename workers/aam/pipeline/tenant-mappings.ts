/**
 * The mappings a tenant's records are normalized and replayed with. Tenant overrides are not stored yet, so every
 * tenant gets the system defaults; once they are, this is where they layer on (systemMappings().withOverrides(…)).
 */
import type { TenantScope } from "../../platform/db";
import { type MappingRegistry, systemMappings } from "../mapping/registry";

export type MappingsFor = (scope: TenantScope) => Promise<MappingRegistry>;

export const tenantMappings: MappingsFor = () => systemMappings();
