/**
 * One page of a view for GET /api/v1/dcl/views/{entity}: filtered, sorted, projected and keyset-paged. Everything
 * the client sent is checked first and all problems are reported together as one validation problem.
 */
import { sql } from "drizzle-orm";
import { z } from "@hono/zod-openapi";
import { ProblemError, type FieldIssue } from "../../gateway/problem";
import type { View, ViewColumn } from "./catalog";
import { compileSelect } from "./compile";
import { decodeViewCursor, encodeViewCursor } from "./cursor";
import { compileFilters } from "./filters";
import { after, orderBy, parseSort, type KeysetPosition } from "./order";
import { filtersFromQuery } from "./query-string";
import { decodeRow } from "./rows";
import type { QueryRunner } from "./runner";

export const ViewListQuerySchema = z.object({
  sort: z
    .string()
    .max(500)
    .optional()
    .openapi({ description: "Comma-separated fields, `-` for descending (`-annual_revenue,name`); nulls sort last; ties by id", example: "-annual_revenue,name" }),
  fields: z
    .string()
    .max(2000)
    .optional()
    .openapi({ description: "Comma-separated fields to return (id is always returned); default: every field but lineage", example: "name,website" }),
  include: z.enum(["lineage"]).optional().openapi({ description: "`lineage` adds the contributing event ids to each item" }),
  include_deleted: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true")
    .openapi({ description: "Include tombstones (rows whose source record was deleted; `deleted: true`)" }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(4096).optional().openapi({ description: "`next_cursor` of the previous page (same sort)" }),
});
export type ViewListQuery = z.output<typeof ViewListQuerySchema>;

export const ViewPageSchema = z
  .object({
    items: z
      .array(z.record(z.string(), z.unknown()))
      .openapi({ description: "View rows keyed by canonical field name, plus id, source_id, sources, extras, deleted, last_seq and link (accounts) or account_id/source_account_id" }),
    next_cursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null on the last page" }),
  })
  .openapi("DclViewPage");
export type ViewPage = z.infer<typeof ViewPageSchema>;

function requestedColumns(view: View, query: ViewListQuery, issues: FieldIssue[]): ViewColumn[] {
  if (query.fields === undefined) {
    return [...view.columns.values()].filter((c) => c.name !== "lineage" || query.include === "lineage");
  }
  const names = new Set(["id", ...query.fields.split(","), ...(query.include === "lineage" ? ["lineage"] : [])]);
  const columns: ViewColumn[] = [];
  for (const name of names) {
    const column = view.columns.get(name);
    if (column === undefined) issues.push({ path: "query.fields", code: "unknown_field", message: `${view.name} has no field ${JSON.stringify(name)}` });
    else columns.push(column);
  }
  return columns;
}

export async function listView(
  runner: QueryRunner,
  view: View,
  query: ViewListQuery,
  params: readonly (readonly [string, string])[],
): Promise<ViewPage> {
  const issues: FieldIssue[] = [];
  const parsedFilters = filtersFromQuery(view, params);
  issues.push(...parsedFilters.issues);
  const { conditions, issues: filterIssues } = compileFilters(view, parsedFilters.filters, (i) => parsedFilters.paths[i]!);
  issues.push(...filterIssues);
  const sort = parseSort(view, query.sort, "query.sort");
  issues.push(...sort.issues);
  const returned = requestedColumns(view, query, issues);
  let position: KeysetPosition | undefined;
  if (query.cursor !== undefined && sort.issues.length === 0) {
    const decoded = decodeViewCursor(query.cursor, sort.keys);
    if (typeof decoded === "string") issues.push({ path: "query.cursor", code: "invalid_cursor", message: decoded });
    else position = decoded;
  }
  if (issues.length > 0) throw new ProblemError("validation-error", `${issues.length} parameter(s) are invalid`, { errors: issues });

  // the sort keys and id are read too (for the cursor) even when not returned
  const idColumn = view.columns.get("id")!;
  const read = [...new Set([idColumn, ...returned, ...sort.keys.map((k) => k.column)])];
  const rows = await runner.rows(
    compileSelect(runner, {
      view,
      projections: read.map((c) => ({ name: c.name, expr: sql`${c.column}` })),
      conditions: position === undefined ? conditions : [...conditions, after(view, sort.keys, position)],
      includeDeleted: query.include_deleted,
      orderBy: orderBy(view, sort.keys),
      limit: query.limit + 1,
    }),
  );
  const outputs = read.map((c) => ({ name: c.name, column: c.column }));
  const decoded = rows.map((raw) => Object.fromEntries(decodeRow(outputs, raw).map((value, i) => [outputs[i]!.name, value])));
  const page = decoded.slice(0, query.limit);
  const last = page.at(-1);
  const next_cursor =
    decoded.length > query.limit && last !== undefined
      ? encodeViewCursor(sort.keys, { values: sort.keys.map((k) => last[k.column.name]), id: last.id as string })
      : null;
  const names = returned.map((c) => c.name);
  return { items: page.map((row) => Object.fromEntries(names.map((name) => [name, row[name]]))), next_cursor };
}
