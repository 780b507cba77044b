/**
 * Salesforce field types (describe's `type`) as the connector framework's field types. Compound fields (address,
 * location) are objects; everything textual (picklists, ids, references, urls…) is a string.
 */
import type { FieldType } from "../connector";

const fieldTypes: Record<string, FieldType> = {
  boolean: "boolean",
  int: "integer",
  long: "integer",
  double: "number",
  currency: "number",
  percent: "number",
  date: "date",
  datetime: "datetime",
  address: "object",
  location: "object",
};

export const fieldTypeOf = (salesforceType: string): FieldType => fieldTypes[salesforceType] ?? "string";

/** Types the incremental SOQL leaves out: compounds repeat their component fields, base64 comes as a URL per record. */
export const unreadTypes = new Set(["address", "location", "base64"]);
