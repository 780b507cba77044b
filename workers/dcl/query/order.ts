/**
 * Sorting a view and paging through it by keyset: `sort=-annual_revenue,name` orders by those columns, nulls last in
 * either direction, then by id so the order is total. The page after a row is everything strictly after its sort
 * values and id, so pages neither skip nor repeat rows whatever the sort, and the SQL is the same in SQLite and
 * PostgreSQL (the null flag is ordered explicitly rather than left to each dialect's default).
 */
import { and, eq, gt, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { FieldIssue } from "../../gateway/problem";
import { isScalar, type View, type ViewColumn } from "./catalog";

export interface SortKey {
  column: ViewColumn;
  desc: boolean;
}

/** The last row of a page: its values of the sort keys, in order, and its id. */
export interface KeysetPosition {
  values: unknown[];
  id: string;
}

export const MAX_SORT_KEYS = 5;

export function parseSort(view: View, text: string | undefined, path: string): { keys: SortKey[]; issues: FieldIssue[] } {
  const keys: SortKey[] = [];
  const issues: FieldIssue[] = [];
  const terms = text === undefined || text === "" ? [] : text.split(",");
  if (terms.length > MAX_SORT_KEYS) issues.push({ path, code: "too_big", message: `at most ${MAX_SORT_KEYS} sort keys` });
  for (const term of terms) {
    const desc = term.startsWith("-");
    const name = desc ? term.slice(1) : term;
    const column = view.columns.get(name);
    if (column === undefined || !isScalar(column)) {
      issues.push({ path, code: "unknown_field", message: `${view.name} cannot be sorted by ${JSON.stringify(name)}` });
    } else if (keys.some((key) => key.column === column)) {
      issues.push({ path, code: "duplicate_field", message: `${name} appears twice` });
    } else {
      keys.push({ column, desc });
    }
  }
  return { keys, issues };
}

/** The canonical text of a sort, stored in cursors so a cursor is only accepted for the sort it was made under. */
export const sortText = (keys: readonly SortKey[]) => keys.map((k) => (k.desc ? "-" : "") + k.column.name).join(",");

export function orderBy(view: View, keys: readonly SortKey[]): SQL[] {
  const id = view.table.id;
  return [
    ...keys.flatMap(({ column, desc }) => [sql`(${column.column} is null)`, desc ? sql`${column.column} desc` : sql`${column.column} asc`]),
    sql`${id} asc`,
  ];
}

/** Rows strictly after the position in the order of `orderBy(keys)`. */
export function after(view: View, keys: readonly SortKey[], position: KeysetPosition): SQL {
  const alternatives: SQL[] = [];
  const tiedSoFar: SQL[] = [];
  keys.forEach(({ column, desc }, i) => {
    const value = position.values[i];
    const col = column.column;
    if (value === null) {
      // nulls sort last: nothing is after a null on this key, only other nulls tie with it
      tiedSoFar.push(isNull(col));
      return;
    }
    alternatives.push(and(...tiedSoFar, or(isNull(col), desc ? lt(col, value) : gt(col, value))) as SQL);
    tiedSoFar.push(eq(col, value));
  });
  alternatives.push(and(...tiedSoFar, gt(view.table.id, position.id)) as SQL);
  return or(...alternatives) as SQL;
}
