/** Raw result rows (keyed by positional alias, as the driver returns them) back into values keyed by output name. */
import type { Column } from "drizzle-orm";
import type { ColumnKind } from "./catalog";
import { outputAlias } from "./compile";

export interface Output {
  name: string;
  /** the view column the value comes straight from, whose driver mapping applies (JSON text, 0/1 booleans) */
  column?: Column;
  /** a computed value's kind (aggregates) */
  type?: ColumnKind;
}

const isNumericKind = (type: ColumnKind | undefined) => type === "integer" || type === "real";

export function decodeRow(outputs: readonly Output[], raw: Record<string, unknown>): unknown[] {
  return outputs.map(({ column, type }, i) => {
    const value = raw[outputAlias(i)] ?? null;
    if (value === null) return value;
    if (column !== undefined) return column.mapFromDriverValue(value);
    // Postgres returns bigint (count, sum of integers) and numeric (avg) as text, to keep their precision
    return isNumericKind(type) && typeof value === "string" ? Number(value) : value;
  });
}
