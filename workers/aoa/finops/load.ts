/**
 * What the FinOps pilot reads: the tenant's live cost view rows (tombstones left out) charged within the pilot's
 * window, through the DCL query layer, so the same code reads D1 or Postgres. Paged by id, since a bill has many lines.
 */
import { asc, gt, gte, lt, sql } from "drizzle-orm";
import type { TenantScope } from "../../platform/db";
import { compileSelect } from "../../dcl/query/compile";
import { decodeRow } from "../../dcl/query/rows";
import { queryRunnerFor } from "../../dcl/query/runner";
import type { StoreEnv } from "../../dcl/store/for-env";
import { addDays } from "./days";
import { DEFAULT_FINOPS, finopsWindow, type FinOpsInput, type FinOpsOptions } from "./pilot";
import { COST_ROW_FIELDS, type CostRow } from "./series";

export interface LoadOptions extends Pick<FinOpsOptions, "historyDays"> {
  /** rows per query */
  pageSize: number;
}

export const DEFAULT_LOAD: LoadOptions = { historyDays: DEFAULT_FINOPS.historyDays, pageSize: 1000 };

export async function loadFinOpsInput(env: StoreEnv, scope: Pick<TenantScope, "tenantId">, now: Date, options: LoadOptions = DEFAULT_LOAD): Promise<FinOpsInput> {
  const runner = queryRunnerFor(env, scope.tenantId);
  const view = runner.view("costs");
  const columnOf = (name: string) => {
    const column = view.columns.get(name)?.column;
    if (column === undefined) throw new Error(`the costs view has no column ${name}`);
    return column;
  };
  const outputs = [...COST_ROW_FIELDS, "id"].map((name) => ({ name, column: columnOf(name) }));
  const id = columnOf("id");
  const start = columnOf("charge_period_start");
  const { from, to } = finopsWindow(now, options);
  // charge_period_start is ISO 8601 UTC text: day bounds compare as strings
  const window = [gte(start, from), lt(start, addDays(to, 1))];
  const rows: CostRow[] = [];
  let after: string | null = null;
  for (;;) {
    const query = compileSelect(runner, {
      view,
      projections: outputs.map((output) => ({ name: output.name, expr: sql`${output.column}` })),
      conditions: after === null ? window : [...window, gt(id, after)],
      includeDeleted: false,
      orderBy: [asc(id)],
      limit: options.pageSize,
    });
    const page = await runner.rows(query);
    for (const raw of page) {
      const values = decodeRow(outputs, raw);
      // decoded by the view's own drizzle columns, so each value has the column's type
      rows.push(Object.fromEntries(COST_ROW_FIELDS.map((field, i) => [field, values[i]])) as CostRow);
      after = values[COST_ROW_FIELDS.length] as string;
    }
    if (page.length < options.pageSize) return { rows };
  }
}
