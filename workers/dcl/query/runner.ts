/**
 * Where compiled queries run: one store's views for one tenant. The compiler emits portable SQL over the runner's
 * own catalog (D1 or Postgres tables) with the runner's tenant predicate, the store's tenant scope (`forTenant` or
 * `forPgTenant`); the runner executes it and returns rows keyed by output alias.
 */
import type { SQL } from "drizzle-orm";
import { type Database, database, forTenant } from "../../platform/db";
import { type PgConfig, withPg } from "../../platform/db/pg";
import { pgTenantWhere } from "../../platform/db/pg-scope";
import { dclStoreOf, pgConfigOf, type StoreEnv } from "../store/for-env";
import { d1ViewTables, d1Views, pgViewTables, pgViews, type View, type ViewName } from "./catalog";

export interface ViewScope {
  /** the tenant predicate on the view's table AND-ed with the conditions */
  where(view: View, ...conditions: (SQL | undefined)[]): SQL;
}

export interface QueryRunner extends ViewScope {
  /** the view in this runner's store */
  view(name: ViewName): View;
  rows(query: SQL): Promise<Record<string, unknown>[]>;
}

export function d1Runner(db: Database, tenantId: string): QueryRunner {
  const scope = forTenant(db, tenantId);
  return {
    view: (name) => d1Views[name],
    where: (view, ...conditions) => scope.where(d1ViewTables[view.name], ...conditions),
    rows: (query) => db.all<Record<string, unknown>>(query),
  };
}

/** Each query opens and ends its own connection (export pages run after the request's handler returned). */
export function neonRunner(config: PgConfig, tenantId: string): QueryRunner {
  const where = pgTenantWhere(tenantId);
  return {
    view: (name) => pgViews[name],
    where: (view, ...conditions) => where(pgViewTables[view.name], ...conditions),
    rows: (query) => withPg(config, async (db) => (await db.execute<Record<string, unknown>>(query)).rows),
  };
}

export function queryRunnerFor(env: StoreEnv, tenantId: string): QueryRunner {
  return dclStoreOf(env) === "neon" ? neonRunner(pgConfigOf(env), tenantId) : d1Runner(database(env.DB), tenantId);
}
