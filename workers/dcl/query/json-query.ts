/**
 * POST /api/v1/dcl/query: a JSON query over one view — projection or group-by with aggregates, filters, order and a
 * row limit — checked against the view's catalog and compiled by `compileSelect`. Names the client gives (fields,
 * aggregate aliases) only ever select catalog columns or label output; they never reach the SQL text.
 */
import { sql, type SQL } from "drizzle-orm";
import { z } from "@hono/zod-openapi";
import { ProblemError, type FieldIssue } from "../../gateway/problem";
import { ViewNameSchema, isNumeric, isScalar, type ColumnKind, type View, type ViewColumn } from "./catalog";
import { compileSelect } from "./compile";
import { FilterSchema, compileFilters } from "./filters";
import { decodeRow, type Output } from "./rows";
import type { QueryRunner } from "./runner";

export const MAX_QUERY_ROWS = 1000;

const FieldNameSchema = z.string().min(1).max(64);

export const AggregateSchema = z
  .object({
    fn: z.enum(["count", "sum", "avg", "min", "max"]),
    field: FieldNameSchema.optional().openapi({ description: "Required except for count (count of rows)" }),
    as: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, "must be a letter or _ followed by letters, digits or _ (at most 63)")
      .openapi({ description: "The output column's name" }),
  })
  .strict()
  .openapi("DclAggregate");

export const JsonQuerySchema = z
  .object({
    entity: ViewNameSchema,
    select: z.array(FieldNameSchema).min(1).max(50).optional().openapi({ description: "Fields to return (without aggregates); default every field but lineage. With group_by: a subset of it" }),
    filters: z.array(FilterSchema).max(50).default([]),
    group_by: z.array(FieldNameSchema).max(10).default([]),
    aggregates: z.array(AggregateSchema).max(20).default([]),
    order_by: z
      .array(z.object({ field: FieldNameSchema.openapi({ description: "An output column: a field or an aggregate's `as`" }), dir: z.enum(["asc", "desc"]).default("asc") }).strict())
      .max(5)
      .default([])
      .openapi({ description: "Nulls sort last. Default: by id, or by the group_by fields" }),
    include_deleted: z.boolean().default(false),
    limit: z.number().int().min(1).max(MAX_QUERY_ROWS).default(100),
  })
  .strict()
  .openapi("DclQuery");
export type JsonQuery = z.output<typeof JsonQuerySchema>;

export const QueryResultSchema = z
  .object({
    columns: z.array(z.object({ name: z.string(), type: z.enum(["text", "real", "integer", "boolean", "json"]) })),
    rows: z.array(z.array(z.unknown())).openapi({ description: "One array per row, values in `columns` order" }),
    truncated: z.boolean().openapi({ description: "True when more rows matched than `limit`" }),
  })
  .openapi("DclQueryResult");
export type QueryResult = z.infer<typeof QueryResultSchema>;

interface OutputColumn extends Output {
  type: ColumnKind;
  expr: SQL;
}

const fromColumn = (c: ViewColumn): OutputColumn => ({ name: c.name, type: c.kind, expr: sql`${c.column}`, column: c.column });

function resolve(view: View, name: string, path: string, issues: FieldIssue[], accept: (c: ViewColumn) => boolean): ViewColumn | undefined {
  const column = view.columns.get(name);
  if (column === undefined || !accept(column)) {
    issues.push({ path, code: "unknown_field", message: `${view.name} has no usable field ${JSON.stringify(name)} here` });
    return undefined;
  }
  return column;
}

function aggregateOutput(view: View, agg: z.infer<typeof AggregateSchema>, path: string, issues: FieldIssue[]): OutputColumn | undefined {
  if (agg.field === undefined) {
    if (agg.fn === "count") return { name: agg.as, type: "integer", expr: sql`count(*)` };
    issues.push({ path: `${path}.field`, code: "invalid_type", message: `${agg.fn} needs a field` });
    return undefined;
  }
  const column = resolve(view, agg.field, `${path}.field`, issues, agg.fn === "sum" || agg.fn === "avg" ? isNumeric : isScalar);
  if (column === undefined) return undefined;
  const col = column.column;
  switch (agg.fn) {
    case "count":
      return { name: agg.as, type: "integer", expr: sql`count(${col})` };
    case "sum":
      return { name: agg.as, type: column.kind, expr: sql`sum(${col})` };
    case "avg":
      return { name: agg.as, type: "real", expr: sql`avg(${col})` };
    case "min":
      return { name: agg.as, type: column.kind, expr: sql`min(${col})`, column: col };
    case "max":
      return { name: agg.as, type: column.kind, expr: sql`max(${col})`, column: col };
  }
}

export async function runJsonQuery(runner: QueryRunner, query: JsonQuery): Promise<QueryResult> {
  const view = runner.view(query.entity);
  const issues: FieldIssue[] = [];
  const { conditions, issues: filterIssues } = compileFilters(view, query.filters, (i) => `body.filters.${i}`);
  issues.push(...filterIssues);

  const aggregating = query.group_by.length > 0 || query.aggregates.length > 0;
  const groupBy = query.group_by.flatMap((name, i) => resolve(view, name, `body.group_by.${i}`, issues, isScalar) ?? []);
  let outputs: OutputColumn[];
  if (aggregating) {
    (query.select ?? []).forEach((name, i) => {
      if (!query.group_by.includes(name)) issues.push({ path: `body.select.${i}`, code: "not_grouped", message: `${name} is not in group_by` });
    });
    const aggregates = query.aggregates.flatMap((agg, i) => aggregateOutput(view, agg, `body.aggregates.${i}`, issues) ?? []);
    outputs = [...groupBy.map(fromColumn), ...aggregates];
  } else {
    const selected = query.select?.flatMap((name, i) => resolve(view, name, `body.select.${i}`, issues, () => true) ?? []);
    outputs = (selected ?? [...view.columns.values()].filter((c) => c.name !== "lineage")).map(fromColumn);
  }
  const seen = new Set<string>();
  outputs.forEach(({ name }) => {
    if (seen.has(name)) issues.push({ path: "body", code: "duplicate_column", message: `two output columns are named ${name}` });
    seen.add(name);
  });

  const orderBy = query.order_by.flatMap(({ field, dir }, i) => {
    const output = outputs.find((o) => o.name === field);
    if (output === undefined || output.type === "json") {
      issues.push({ path: `body.order_by.${i}.field`, code: "unknown_field", message: `${JSON.stringify(field)} is not a sortable output column` });
      return [];
    }
    return [sql`(${output.expr} is null)`, dir === "desc" ? sql`${output.expr} desc` : sql`${output.expr} asc`];
  });
  if (issues.length > 0) throw new ProblemError("validation-error", `${issues.length} part(s) of the query are invalid`, { errors: issues });

  const tieBreak = aggregating ? groupBy.map((c) => sql`${c.column}`) : [sql`${view.table.id}`];
  const rows = await runner.rows(
    compileSelect(runner, {
      view,
      projections: outputs,
      conditions,
      includeDeleted: query.include_deleted,
      groupBy: groupBy.map((c) => sql`${c.column}`),
      orderBy: [...orderBy, ...tieBreak],
      limit: query.limit + 1,
    }),
  );
  return {
    columns: outputs.map(({ name, type }) => ({ name, type })),
    rows: rows.slice(0, query.limit).map((raw) => decodeRow(outputs, raw)),
    truncated: rows.length > query.limit,
  };
}
