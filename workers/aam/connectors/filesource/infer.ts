/**
 * Field types from sample values, widening like Airbyte's file sources: each value admits a set of types, and a
 * column gets the narrowest type every value admits, in the order null < boolean < integer < number < date <
 * datetime, or `string` when they share none. So ["1","2"] → integer, ["1","2.5"] → number, ["true","1"] →
 * string, ["","3"] → integer (nullable). Dates sit beside numbers, not above them: a date admits datetime
 * (midnight) but no number, so dates mixed with datetimes → datetime, and with any other text → string.
 *
 * CSV cells are untyped text, so their text is read (`untypedText`); a JSON string keeps its type except for ISO
 * dates and datetimes, which JSON has no type for. Deliberately strict: "yes"/"1" are not booleans, "007" and
 * integers beyond 2^53 stay strings (casting would lose the zero or digits), "1,5" is text (locales are the
 * mapping's job).
 */
import { stableJson } from "../../../canonical/stable-json";
import type { DiscoveredField, FieldType } from "../connector";
import type { HeaderField } from "./rows";

const NARROWEST_FIRST: FieldType[] = ["boolean", "integer", "number", "date", "datetime", "object", "array"];
const MAX_SAMPLE_VALUES = 5;

const INTEGER = /^[+-]?(?:0|[1-9]\d*)$/;
const NUMBER = /^[+-]?(?:(?:0|[1-9]\d*)(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const BOOLEAN = /^(?:true|false)$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = new RegExp(
  "^(\\d{4})-(\\d{2})-(\\d{2})[T ]([01]\\d|2[0-3]):[0-5]\\d" + // date, hours, minutes
    "(?::(?:[0-5]\\d|60)(?:\\.\\d{1,9})?)?" + // seconds (leap second allowed), fraction
    "(?:Z|[+-](?:[01]\\d|2[0-3]):?[0-5]\\d)?$", // zone
  "i",
);

export function inferFields(
  header: HeaderField[],
  rows: Record<string, unknown>[],
  options: { untypedText: boolean },
): DiscoveredField[] {
  return header.map(({ name, label }) => {
    const values = rows.map((row) => row[name]);
    const present = values.filter((value) => !isNull(value));
    return {
      name,
      label,
      type: inferType(present, options),
      nullable: present.length < values.length,
      sample_values: distinct(present).slice(0, MAX_SAMPLE_VALUES),
    };
  });
}

/** The keys of JSON rows, in order of first appearance. */
export function jsonHeader(rows: Record<string, unknown>[]): HeaderField[] {
  const names = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) names.add(key);
  return [...names].map((name) => ({ name, label: name }));
}

/** The narrowest type all (non-null) values admit. */
export function inferType(values: unknown[], options: { untypedText: boolean }): FieldType {
  if (values.length === 0) return "null";
  let common: Set<FieldType> | undefined;
  for (const value of values) {
    const admitted = admittedTypes(value, options.untypedText);
    common = common === undefined ? admitted : new Set([...common].filter((type) => admitted.has(type)));
    if (common.size === 0) return "string";
  }
  return NARROWEST_FIRST.find((type) => common?.has(type)) ?? "string";
}

/** Empty or blank text and JSON null carry no type: they only make a field nullable. */
function isNull(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** The types other than string a value could be read as (every value can be read as a string). */
function admittedTypes(value: unknown, untypedText: boolean): Set<FieldType> {
  if (typeof value === "boolean") return new Set(["boolean"]);
  if (typeof value === "number") return new Set(Number.isInteger(value) ? ["integer", "number"] : ["number"]);
  if (Array.isArray(value)) return new Set(["array"]);
  if (typeof value === "object") return new Set(["object"]);
  if (typeof value !== "string") return new Set();
  const text = value.trim();
  if (isDate(text)) return new Set(["date", "datetime"]);
  if (isDatetime(text)) return new Set(["datetime"]);
  if (!untypedText) return new Set();
  if (BOOLEAN.test(text)) return new Set(["boolean"]);
  if (INTEGER.test(text)) return new Set(Number.isSafeInteger(Number(text)) ? ["integer", "number"] : []);
  if (NUMBER.test(text) && Number.isFinite(Number(text))) return new Set(["number"]);
  return new Set();
}

function isDate(text: string): boolean {
  const match = DATE.exec(text);
  return match !== null && isCalendarDate(match[1], match[2], match[3]);
}

function isDatetime(text: string): boolean {
  const match = DATETIME.exec(text);
  return match !== null && isCalendarDate(match[1], match[2], match[3]);
}

function isCalendarDate(year = "", month = "", day = ""): boolean {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day)
  );
}

function distinct(values: unknown[]): unknown[] {
  const seen = new Map<string, unknown>();
  for (const value of values) {
    const key = stableJson(value);
    if (!seen.has(key)) seen.set(key, value);
    if (seen.size === MAX_SAMPLE_VALUES) break;
  }
  return [...seen.values()];
}
