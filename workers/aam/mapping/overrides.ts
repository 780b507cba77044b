/**
 * A tenant's mapping overrides in D1 (mapping_versions), always through its scope: append a version, read one, the
 * history of a (system, object), and the latest version of each (the active overrides). Rows are never changed.
 */
import { and, desc, eq, gt, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { SourceSystem } from "../../canonical/names";
import { type TenantScope, schema } from "../../platform/db";
import type { MappingVersionRow } from "../../platform/db/schema";

const { mappingVersions } = schema;

export type NewMappingVersion = Omit<typeof mappingVersions.$inferInsert, "tenantId" | "createdAt">;

/** The unique key's columns, as D1 names them in a constraint failure (see isUniqueViolation). */
export const MAPPING_VERSION_KEY = "mapping_versions.tenant_id, mapping_versions.system, mapping_versions.object, mapping_versions.version";

const ofObject = (system: SourceSystem, object: string) => [eq(mappingVersions.system, system), eq(mappingVersions.object, object)];

/** The active override of every (system, object) the tenant overrides: the row no higher version supersedes. */
export function latestOverrides(scope: TenantScope): Promise<MappingVersionRow[]> {
  const newer = alias(mappingVersions, "newer");
  const superseded = scope.db
    .select({ one: sql`1` })
    .from(newer)
    .where(
      and(
        eq(newer.tenantId, mappingVersions.tenantId),
        eq(newer.system, mappingVersions.system),
        eq(newer.object, mappingVersions.object),
        gt(newer.version, mappingVersions.version),
      ),
    );
  return scope.select(mappingVersions, notExists(superseded));
}

/** The versions of one (system, object), newest first: all of them, or the newest `limit`. */
export function overrideHistory(scope: TenantScope, system: SourceSystem, object: string, limit = -1): Promise<MappingVersionRow[]> {
  return scope.db
    .select()
    .from(mappingVersions)
    .where(scope.where(mappingVersions, ...ofObject(system, object)))
    .orderBy(desc(mappingVersions.version))
    .limit(limit)
    .all();
}

export async function overrideVersion(scope: TenantScope, system: SourceSystem, object: string, version: number): Promise<MappingVersionRow | undefined> {
  const [row] = await scope.select(mappingVersions, ...ofObject(system, object), eq(mappingVersions.version, version));
  return row;
}

/** Appends a version; a version that exists already fails with D1's unique violation on MAPPING_VERSION_KEY. */
export async function appendOverride(scope: TenantScope, values: NewMappingVersion): Promise<MappingVersionRow> {
  await scope.insert(mappingVersions, values);
  const row = await overrideVersion(scope, values.system, values.object, values.version);
  if (row === undefined) throw new Error(`mapping version ${values.system}/${values.object}@${values.version} vanished after its insert`);
  return row;
}
