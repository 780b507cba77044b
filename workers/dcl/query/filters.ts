/**
 * Filters over a view's scalar columns: `{ field, op, value }`, the same for the GET grammar and the JSON query.
 * The field is resolved through the catalog and the value checked against the column's kind before anything is
 * compiled; values are always bound parameters. Every problem is reported per filter, all at once.
 */
import { eq, gt, gte, inArray, isNotNull, isNull, lt, lte, ne, sql, type SQL } from "drizzle-orm";
import { z } from "@hono/zod-openapi";
import type { FieldIssue } from "../../gateway/problem";
import { isScalar, type ColumnKind, type View, type ViewColumn } from "./catalog";

export const FilterOpSchema = z
  .enum(["eq", "ne", "gt", "gte", "lt", "lte", "contains", "starts_with", "in", "is_null"])
  .openapi("DclFilterOp", {
    description:
      "eq/ne (ne never matches null), gt/gte/lt/lte (not on booleans), contains/starts_with (text, case-insensitive " +
      "for ASCII), in (a list of up to 100 values), is_null (true or false)",
  });
export type FilterOp = z.infer<typeof FilterOpSchema>;

export const FilterSchema = z
  .object({
    field: z.string().min(1).max(64).openapi({ description: "A scalar column of the view (canonical field name)" }),
    op: FilterOpSchema.default("eq"),
    value: z.unknown().openapi({ description: "Typed like the column; a list for `in`; a boolean for `is_null`" }),
  })
  .strict()
  .openapi("DclFilter");
export type Filter = z.output<typeof FilterSchema>;

export const MAX_IN_VALUES = 100;

export const scalarValue: Record<Exclude<ColumnKind, "json">, z.ZodType> = {
  text: z.string().max(1000),
  real: z.number().finite(),
  integer: z.number().int().refine(Number.isSafeInteger, "must be a safe integer"),
  boolean: z.boolean(),
};

function valueSchema(column: ViewColumn, op: FilterOp): z.ZodType | string {
  if (column.kind === "json") return "is not filterable";
  const scalar = scalarValue[column.kind];
  switch (op) {
    case "is_null":
      return z.boolean();
    case "in":
      return z.array(scalar).min(1).max(MAX_IN_VALUES);
    case "contains":
    case "starts_with":
      return column.kind === "text" ? scalar : `${op} applies to text fields only`;
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return column.kind === "boolean" ? `${op} does not apply to boolean fields` : scalar;
    default:
      return scalar;
  }
}

/** `%` and `_` in the caller's text match themselves. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** lower() and LIKE … ESCAPE exist in SQLite and PostgreSQL alike, so this stays dialect-neutral. */
const likeLower = (column: ViewColumn, pattern: string) =>
  sql`lower(${column.column}) like ${pattern.toLowerCase()} escape '\\'`;

function compile(column: ViewColumn, op: FilterOp, value: unknown): SQL {
  const col = column.column;
  switch (op) {
    case "eq":
      return eq(col, value);
    case "ne":
      return ne(col, value);
    case "gt":
      return gt(col, value);
    case "gte":
      return gte(col, value);
    case "lt":
      return lt(col, value);
    case "lte":
      return lte(col, value);
    case "contains":
      return likeLower(column, `%${escapeLike(value as string)}%`);
    case "starts_with":
      return likeLower(column, `${escapeLike(value as string)}%`);
    case "in":
      return inArray(col, value as unknown[]);
    case "is_null":
      return value === true ? isNull(col) : isNotNull(col);
  }
}

/** The filters as SQL conditions, or every issue found, each at `pathOf(index)` (e.g. `query.filter[name][contains]`). */
export function compileFilters(
  view: View,
  filters: readonly Filter[],
  pathOf: (index: number) => string,
): { conditions: SQL[]; issues: FieldIssue[] } {
  const conditions: SQL[] = [];
  const issues: FieldIssue[] = [];
  filters.forEach((filter, index) => {
    const column = view.columns.get(filter.field);
    const path = pathOf(index);
    if (column === undefined || !isScalar(column)) {
      issues.push({ path, code: "unknown_field", message: `${view.name} has no filterable field ${JSON.stringify(filter.field)}` });
      return;
    }
    const schema = valueSchema(column, filter.op);
    if (typeof schema === "string") {
      issues.push({ path, code: "invalid_operator", message: `${filter.field} ${schema}` });
      return;
    }
    const parsed = schema.safeParse(filter.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({ path: [path, ...issue.path.map(String)].join("."), code: issue.code, message: issue.message });
      }
      return;
    }
    conditions.push(compile(column, filter.op, parsed.data));
  });
  return { conditions, issues };
}

/** Query-string text as the column's kind would have it, for the GET grammar; left as text when it is not one. */
export function fromQueryText(kind: ColumnKind, text: string): unknown {
  if ((kind === "real" || kind === "integer") && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return Number(text);
  if (kind === "boolean" && (text === "true" || text === "false")) return text === "true";
  return text;
}
