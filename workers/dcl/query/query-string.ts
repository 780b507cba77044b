/**
 * The GET grammar for view filters, turned into the same `{ field, op, value }` filters the JSON query takes:
 *
 *   filter[<field>]=<value>              equals
 *   filter[<field>][<op>]=<value>        any op of FilterOpSchema
 *   filter[<field>][in]=a,b,c            comma-separated list
 *   filter[<field>][is_null]=true|false
 *
 * Values are typed by the field (numbers for numeric fields, true/false for booleans). Repeated filters AND together.
 */
import type { FieldIssue } from "../../gateway/problem";
import { FilterOpSchema, fromQueryText, type Filter } from "./filters";
import type { View } from "./catalog";

const FILTER_KEY = /^filter\[([^\][]+)\](?:\[([^\][]+)\])?$/;

export function filtersFromQuery(
  view: View,
  params: readonly (readonly [string, string])[],
): { filters: Filter[]; paths: string[]; issues: FieldIssue[] } {
  const filters: Filter[] = [];
  const paths: string[] = [];
  const issues: FieldIssue[] = [];
  for (const [key, text] of params) {
    if (!key.startsWith("filter")) continue;
    const path = `query.${key}`;
    const match = FILTER_KEY.exec(key);
    const op = FilterOpSchema.safeParse(match?.[2] ?? "eq");
    if (match === null || !op.success) {
      issues.push({ path, code: "invalid_filter", message: "Use filter[<field>]=<value> or filter[<field>][<op>]=<value>" });
      continue;
    }
    const field = match[1]!;
    const kind = view.columns.get(field)?.kind ?? "text";
    const value =
      op.data === "in"
        ? text.split(",").map((item) => fromQueryText(kind, item))
        : op.data === "is_null"
          ? fromQueryText("boolean", text)
          : fromQueryText(kind, text);
    filters.push({ field, op: op.data, value });
    paths.push(path);
  }
  return { filters, paths, issues };
}
