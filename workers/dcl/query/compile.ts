/**
 * The one compiler of view queries to parameterized SQL. Identifiers come only from the catalog's column objects
 * and output columns get positional aliases (c0, c1, …), so no client text is ever an identifier; values are bound
 * by drizzle. The WHERE clause is always the runner's tenant `where`, which puts the tenant predicate first: this
 * function cannot produce a query without it. Only portable SQL is emitted (SQLite and PostgreSQL).
 */
import { eq, sql, type SQL } from "drizzle-orm";
import type { View } from "./catalog";
import type { ViewScope } from "./runner";

export interface Projection {
  /** the output column's name as the client sees it (a field or an aggregate's `as`) */
  name: string;
  expr: SQL;
}

export interface SelectPlan {
  view: View;
  projections: readonly Projection[];
  conditions: readonly SQL[];
  /** tombstones (deleted rows) are left out unless asked for */
  includeDeleted: boolean;
  groupBy?: readonly SQL[];
  orderBy: readonly SQL[];
  limit: number;
}

/** The SQL alias of the i-th output column. */
export const outputAlias = (index: number) => `c${index}`;

export function compileSelect(scope: ViewScope, plan: SelectPlan): SQL {
  const { table } = plan.view;
  const where = scope.where(plan.view, plan.includeDeleted ? undefined : eq(table.deleted, false), ...plan.conditions);
  const columns = sql.join(
    plan.projections.map((p, i) => sql`${p.expr} as ${sql.identifier(outputAlias(i))}`),
    sql`, `,
  );
  const groupBy = plan.groupBy === undefined || plan.groupBy.length === 0 ? sql`` : sql` group by ${sql.join([...plan.groupBy], sql`, `)}`;
  const orderBy = plan.orderBy.length === 0 ? sql`` : sql` order by ${sql.join([...plan.orderBy], sql`, `)}`;
  return sql`select ${columns} from ${table} where ${where}${groupBy}${orderBy} limit ${plan.limit}`;
}
