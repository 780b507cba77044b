/**
 * The Postgres counterpart of `forTenant` (index.ts): tenant-owned Postgres tables are only reached through
 * `forPgTenant`, the one place that adds the tenant predicate to reads and updates and stamps it on inserts.
 */
import { and, eq, type SQL } from "drizzle-orm";
import type { PgColumn, PgTableWithColumns } from "drizzle-orm/pg-core";
import type { PgDb } from "./pg";

// biome-ignore lint: drizzle's table generics need `any` here; the tenantId column is what matters.
type PgTenantTable = PgTableWithColumns<any> & { tenantId: PgColumn };

export interface PgTenantScope {
  readonly tenantId: string;
  readonly db: PgDb;
  /** The tenant predicate AND-ed with the caller's conditions. */
  where(table: PgTenantTable, ...conditions: (SQL | undefined)[]): SQL;
  /** Rows to insert, stamped with the tenant. */
  owned<R extends object>(rows: R[]): (R & { tenantId: string })[];
}

/** `where` of the tenant's scope, for SQL built before any connection is open (the query runner's). */
export const pgTenantWhere =
  (tenantId: string) =>
  (table: PgTenantTable, ...conditions: (SQL | undefined)[]): SQL =>
    and(eq(table.tenantId, tenantId), ...conditions) as SQL;

export function forPgTenant(db: PgDb, tenantId: string): PgTenantScope {
  return {
    tenantId,
    db,
    where: pgTenantWhere(tenantId),
    owned: (rows) => rows.map((row) => ({ ...row, tenantId })),
  };
}
