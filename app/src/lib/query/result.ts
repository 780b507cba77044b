/** A query's answer as the page shows it: typed columns, the first ROW_LIMIT rows, the full count and the time. */
export const ROW_LIMIT = 1000;

export interface ResultColumn {
  name: string;
  /** Arrow's name for the type (Utf8, Int64, Float64, Timestamp<MICROSECOND>, …) */
  type: string;
}

export interface QueryResult {
  columns: ResultColumn[];
  /** at most ROW_LIMIT rows, values as Arrow gives them (bigint for 64-bit integers, ms numbers for timestamps) */
  rows: unknown[][];
  rowCount: number;
  elapsedMs: number;
}

export const isTruncated = (result: QueryResult) => result.rowCount > result.rows.length;

const NUMERIC = /^(Int|Uint|Float|Decimal)/;
const TEXT = /^(Utf8|LargeUtf8|Dictionary<.*, Utf8>)/;
const TEMPORAL = /^(Timestamp|Date)/;

export const isNumericType = (type: string) => NUMERIC.test(type);
export const isTextType = (type: string) => TEXT.test(type);

/** A cell as text: integers in full, timestamps and dates in ISO-8601, nested values as JSON. */
export function formatCell(type: string, value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (TEMPORAL.test(type) && typeof value === "number") {
    const iso = new Date(value).toISOString();
    return type.startsWith("Date") ? iso.slice(0, 10) : iso;
  }
  if (typeof value === "bigint" || typeof value === "number" || typeof value === "boolean" || typeof value === "string") return String(value);
  if (value instanceof Date) return value.toISOString();
  // Arrow's wide integers and decimals (HUGEINT sums) are objects that know their own number and text
  if (typeof value === "object" && Symbol.toPrimitive in value) return String(value);
  return JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

/** A numeric cell as a number for charts (bigint counts and sums fit a double for any plausible tenant). */
export function toNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "object" && value !== null && Symbol.toPrimitive in value) {
    const number = Number(value);
    return Number.isFinite(number) ? number : null;
  }
  return null;
}
