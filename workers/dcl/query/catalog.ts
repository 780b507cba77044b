/**
 * The queryable views and their columns, read off the drizzle tables: the only source of SQL identifiers for the
 * query API. A name the client sends is looked up here and replaced by the table's column object, so user text never
 * becomes an identifier; `tenant_id` is left out, so no query can select, filter or sort on it.
 */
import { type Column, getTableColumns } from "drizzle-orm";
import { z } from "@hono/zod-openapi";
import { schema } from "../../platform/db";
import { pgSchema } from "../../platform/db/pg";

export const ViewNameSchema = z.enum(["accounts", "opportunities", "contacts", "costs"]).openapi("DclViewName");
export type ViewName = z.infer<typeof ViewNameSchema>;

const d1Tables = {
  accounts: schema.materializedAccounts,
  opportunities: schema.materializedOpportunities,
  contacts: schema.materializedContacts,
  costs: schema.materializedCosts,
} as const;
const pgTables = {
  accounts: pgSchema.materializedAccounts,
  opportunities: pgSchema.materializedOpportunities,
  contacts: pgSchema.materializedContacts,
  costs: pgSchema.materializedCosts,
} as const;
export type ViewTable = (typeof d1Tables)[ViewName] | (typeof pgTables)[ViewName];

/** How a column's values behave: which operators and aggregates apply, and how exports type it. */
export type ColumnKind = "text" | "real" | "integer" | "boolean" | "json";

export interface ViewColumn {
  name: string;
  kind: ColumnKind;
  column: Column;
}

export interface View {
  name: ViewName;
  table: ViewTable;
  /** every column but tenant_id, in table order, by its SQL (canonical snake_case) name */
  columns: ReadonlyMap<string, ViewColumn>;
}

/** Both stores' column types (schema.ts in D1, pg-schema.ts in Postgres) by the kind they share. */
const kinds: Record<string, ColumnKind> = {
  SQLiteReal: "real",
  PgDoublePrecision: "real",
  SQLiteInteger: "integer",
  PgInteger: "integer",
  PgBigInt53: "integer",
  SQLiteBoolean: "boolean",
  PgBoolean: "boolean",
  SQLiteTextJson: "json",
  PgJsonb: "json",
  SQLiteText: "text",
  PgText: "text",
};

function kindOf(column: Column): ColumnKind {
  const kind = kinds[column.columnType];
  if (kind === undefined) throw new Error(`view column ${column.name} has an unsupported type ${column.columnType}`);
  return kind;
}

function describe(name: ViewName, table: ViewTable): View {
  const columns = Object.values(getTableColumns(table) as Record<string, Column>)
    .filter((column) => column.name !== "tenant_id")
    .map((column): [string, ViewColumn] => [column.name, { name: column.name, kind: kindOf(column), column }]);
  return { name, table, columns: new Map(columns) };
}

const describeAll = (tables: typeof d1Tables | typeof pgTables): Record<ViewName, View> =>
  Object.fromEntries(ViewNameSchema.options.map((name) => [name, describe(name, tables[name])])) as Record<ViewName, View>;

/** The views in D1 (the default store) and in Postgres (DCL_STORE = "neon"): the same names, columns and kinds. */
export const d1Views = describeAll(d1Tables);
export const pgViews = describeAll(pgTables);
export { d1Tables as d1ViewTables, pgTables as pgViewTables };

/** Scalar columns can be filtered, sorted and grouped on; JSON documents (extras, sources, lineage, link) only read. */
export const isScalar = (column: ViewColumn) => column.kind !== "json";
export const isNumeric = (column: ViewColumn) => column.kind === "real" || column.kind === "integer";
