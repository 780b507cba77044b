/**
 * A view read page by page in id order (keyset on id through the query compiler, so tenant-scoped like every
 * view query): exports stream these pages and never hold the whole table.
 */
import { sql } from "drizzle-orm";
import type { View, ViewColumn } from "../query/catalog";
import { compileSelect } from "../query/compile";
import { after, orderBy } from "../query/order";
import { decodeRow } from "../query/rows";
import type { QueryRunner } from "../query/runner";

export const EXPORT_PAGE_ROWS = 500;

/** Every column of the view but tenant_id, in table order. */
export const exportColumns = (view: View): ViewColumn[] => [...view.columns.values()];

export async function* viewPages(
  runner: QueryRunner,
  view: View,
  options: { includeDeleted: boolean; pageRows?: number },
): AsyncGenerator<Record<string, unknown>[]> {
  const pageRows = options.pageRows ?? EXPORT_PAGE_ROWS;
  const columns = exportColumns(view);
  const outputs = columns.map((c) => ({ name: c.name, column: c.column }));
  let lastId: string | undefined;
  for (;;) {
    const raw = await runner.rows(
      compileSelect(runner, {
        view,
        projections: columns.map((c) => ({ name: c.name, expr: sql`${c.column}` })),
        conditions: lastId === undefined ? [] : [after(view, [], { values: [], id: lastId })],
        includeDeleted: options.includeDeleted,
        orderBy: orderBy(view, []),
        limit: pageRows,
      }),
    );
    if (raw.length === 0) return;
    const rows = raw.map((r) => Object.fromEntries(decodeRow(outputs, r).map((value, i) => [outputs[i]!.name, value])));
    yield rows;
    if (raw.length < pageRows) return;
    lastId = rows.at(-1)!.id as string;
  }
}
