/**
 * Data access. Tenant-owned tables are only reached through `forTenant`, the one place that adds the tenant
 * predicate to reads, updates and deletes and stamps it on inserts. Unscoped access (`identity`) exists only for
 * the few lookups that happen before a tenant is known: sign-in by email and credential resolution.
 */
import { and, eq, type SQL } from "drizzle-orm";
import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";
import type { SQLiteColumn, SQLiteTableWithColumns } from "drizzle-orm/sqlite-core";
import { type JsonSets, jsonSets } from "./json-sets";
import * as schema from "./schema";

/** `$client`, the D1 binding itself, is for the few hot paths that bind statements directly (the stream append). */
export type Database = DrizzleD1Database<typeof schema> & { $client: D1Database };

export function database(d1: D1Database): Database {
  return drizzle(d1, { schema });
}

// biome-ignore lint: drizzle's table generics need `any` here; the tenantId column is what matters.
type TenantTable = SQLiteTableWithColumns<any> & { tenantId: SQLiteColumn };

export interface TenantScope {
  readonly tenantId: string;
  readonly db: Database;
  /** The tenant's own row (the tenants table is keyed by its id rather than a tenant_id column). */
  tenant(): Promise<schema.TenantRow | undefined>;
  /** Changes the tenant's own row (its settings). */
  updateTenant(set: Partial<Omit<typeof schema.tenants.$inferInsert, "id">>): Promise<void>;
  /** The tenant predicate AND-ed with the caller's conditions. */
  where(table: TenantTable, ...conditions: (SQL | undefined)[]): SQL;
  select<T extends TenantTable>(table: T, ...conditions: (SQL | undefined)[]): Promise<T["$inferSelect"][]>;
  insert<T extends TenantTable>(table: T, values: Omit<T["$inferInsert"], "tenantId">): Promise<void>;
  update<T extends TenantTable>(
    table: T,
    set: Partial<Omit<T["$inferInsert"], "tenantId">>,
    ...conditions: (SQL | undefined)[]
  ): Promise<number>;
  delete(table: TenantTable, ...conditions: (SQL | undefined)[]): Promise<number>;
  /** Set-based writes of many rows (one JSON parameter per statement) for hot paths, tenant stamped and matched. */
  readonly sets: JsonSets;
}

export function forTenant(db: Database, tenantId: string): TenantScope {
  const where = (table: TenantTable, ...conditions: (SQL | undefined)[]) =>
    and(eq(table.tenantId, tenantId), ...conditions) as SQL;
  return {
    tenantId,
    db,
    tenant: () => db.select().from(schema.tenants).where(eq(schema.tenants.id, tenantId)).get(),
    updateTenant: async (set) => {
      await db.update(schema.tenants).set(set).where(eq(schema.tenants.id, tenantId)).run();
    },
    where,
    select: (table, ...conditions) => db.select().from(table).where(where(table, ...conditions)).all(),
    insert: async (table, values) => {
      await db.insert(table).values({ ...values, tenantId } as never).run(); // generic T is checked by the signature above
    },
    update: async (table, set, ...conditions) => {
      const result = await db
        .update(table)
        .set(set as never)
        .where(where(table, ...conditions))
        .run();
      return result.meta.changes;
    },
    delete: async (table, ...conditions) => {
      const result = await db.delete(table).where(where(table, ...conditions)).run();
      return result.meta.changes;
    },
    sets: jsonSets(db.$client, tenantId),
  };
}

/** D1 reports a unique index violation as a constraint failure somewhere in the error's cause chain. */
export function isUniqueViolation(err: unknown, columns: string): boolean {
  for (let e = err; e instanceof Error; e = e.cause) {
    if (e.message.includes(`UNIQUE constraint failed: ${columns}`)) return true;
  }
  return false;
}

export { schema };
