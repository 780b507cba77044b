/**
 * Documents as pipeline records. The data is plain JSON, as mappings expect, converted from the canonical Extended
 * JSON the MongoConnection returns: ObjectIds become their hex string, dates ISO 8601 text, 32-bit integers and
 * doubles numbers; Decimal128 and 64-bit integers beyond 2^53 become their decimal text (exact: the `number`
 * transform reads it), smaller 64-bit integers numbers. Other BSON types (binary, regex, timestamp) stay canonical
 * Extended JSON. The record id is the `_id` in the same form, as text; `idCandidates` maps it back.
 */
import type { EjsonDocument } from "../../../../durable-objects/mongo-connection/queries";
import type { RawRecord } from "../connector";

export function plainJson(document: EjsonDocument): Record<string, unknown> {
  return plainValue(document) as Record<string, unknown>;
}

function plainValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainValue);
  if (typeof value !== "object" || value === null) return value;
  const wrapped = wrappedValue(value as Record<string, unknown>);
  if (wrapped !== undefined) return wrapped.value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, plainValue(field)]));
}

/** The plain value of a canonical Extended JSON wrapper (`{ $oid }`, `{ $date }`, …); undefined for a document. */
function wrappedValue(value: Record<string, unknown>): { value: unknown } | undefined {
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const inner = value[keys[0] as string];
  switch (keys[0]) {
    case "$oid":
    case "$numberDecimal":
      return { value: inner };
    case "$numberInt":
      return { value: Number(inner) };
    case "$numberDouble":
      // NaN and ±Infinity have no JSON number: their text stays
      return { value: Number.isFinite(Number(inner)) ? Number(inner) : inner };
    case "$numberLong":
      return { value: Number.isSafeInteger(Number(inner)) ? Number(inner) : inner };
    case "$date": {
      const millis = Number((inner as { $numberLong?: string }).$numberLong);
      const date = new Date(millis);
      return { value: Number.isNaN(date.getTime()) ? value : date.toISOString() };
    }
    default:
      return undefined;
  }
}

export function toRecord(document: EjsonDocument, cursor: string): RawRecord {
  const data = plainJson(document);
  return { record_id: recordIdOf(data._id), data, cursor };
}

/** An `_id` (plain JSON, as in a record's data) as the record id. */
export function recordIdOf(id: unknown): string {
  return typeof id === "string" ? id : JSON.stringify(id);
}

const OBJECT_ID = /^[0-9a-f]{24}$/i;
const INTEGER = /^-?\d{1,18}$/;

/**
 * The `_id`s a record id may stand for, as canonical Extended JSON: the text itself, the ObjectId it spells, the
 * integer it spells (mongod compares numbers across int, long and double). A write or an existence check matches
 * whichever the collection holds, without guessing one type from the text.
 */
export function idCandidates(recordId: string): unknown[] {
  const candidates: unknown[] = [recordId];
  if (OBJECT_ID.test(recordId)) candidates.push({ $oid: recordId.toLowerCase() });
  if (INTEGER.test(recordId)) candidates.push({ $numberLong: recordId });
  return candidates;
}
